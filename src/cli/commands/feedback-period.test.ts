import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { feedbackPeriod } from './feedback-period.ts';

describe('wijkpost feedback-period', () => {
  let db: Db;
  before(async () => {
    db = await openTestDb({ empty: true });
    await db.exec(`INSERT INTO municipalities (code, name, slug) VALUES ('GM0392', 'Haarlem', 'haarlem');`);
  });
  after(() => db.close());
  const run = async (options: { municipality?: string; days?: string }) => {
    const lines: string[] = [];
    const result = await feedbackPeriod({ db }, (line) => lines.push(line), options);
    return { lines, result };
  };

  it('shows and sets the reopen period, refusing what cannot be one', async () => {
    assert.deepEqual((await run({})).lines, ['GM0392  "not solved" reopens within 14 days of resolution']);
    const set = await run({ municipality: 'GM0392', days: '21' });
    assert.equal(set.result, true);
    assert.deepEqual(set.lines, ['GM0392  "not solved" reopens within 21 days of resolution']);
    const refused = await run({ municipality: 'GM0392', days: 'two weeks' });
    assert.equal(refused.result, false);
    assert.match(refused.lines[0]!, /whole number of days from 0 to 365/);
    assert.equal((await run({ municipality: 'GM9999', days: '7' })).result, false, 'no such municipality');
    assert.equal((await run({ days: '7' })).result, false, 'which municipality?');
    assert.deepEqual((await run({})).lines, ['GM0392  "not solved" reopens within 21 days of resolution']);
  });
});
