import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { measureWorklistMap } from '../../bench/web-worklist.ts';
import type { Db } from '../../src/db/db.ts';
import { openTestDb } from '../support/db.ts';

describe('worklist map benchmark helper', () => {
  let db: Db;
  before(async () => {
    db = await openTestDb();
  });
  after(async () => {
    await db.close();
  });

  it('loads the reports into the worklist map in Chromium and reports render time, long tasks and slow frames', async () => {
    const result = await measureWorklistMap({ reports: 150, db });
    assert.equal(result.reports, 150);
    assert.ok(result.renderMs > 0 && result.baselineRenderMs > 0);
    assert.ok(Number.isInteger(result.longTasks) && result.longTasks >= 0);
    assert.ok(Number.isInteger(result.framesOver50ms) && result.framesOver50ms >= 0);
    const { rows } = await db.query<{ n: number }>(
      "SELECT count(DISTINCT district_code)::int AS n FROM reports WHERE tracking_code LIKE 'BENCH-%'",
    );
    assert.ok(rows[0]!.n >= 15, 'the reports are spread over the districts');
  });
});
