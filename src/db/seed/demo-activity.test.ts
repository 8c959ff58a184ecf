import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { testConfig } from '../../../test/support/app.ts';
import { fixedClock } from '../../shared/clock.ts';
import { hasAnyMunicipality, seedDemo } from './demo.ts';
import { seedDemoActivity, type DemoActivitySummary } from './demo-activity.ts';
import { seededRandom } from './demo-reports.ts';

const NOW = '2026-11-24T12:00:00+01:00';

describe('demo activity: field work, meetings and eight weeks of sample reports', () => {
  let db: Db;
  let summary: DemoActivitySummary;
  let seconds = 0;

  before(async () => {
    db = await openTestDb();
    if (!(await hasAnyMunicipality(db)))
      await seedDemo(db, { sharedDataDir: testConfig().SHARED_DATA_DIR, password: 'demo-activity-test' });
    const started = performance.now();
    summary = await seedDemoActivity(db, { clock: fixedClock(NOW) });
    seconds = (performance.now() - started) / 1000;
    console.error(`seedDemoActivity: ${seconds.toFixed(1)} s for ${summary.reports.created} reports`);
  });
  after(async () => {
    await db?.close();
  });

  it('creates about 300 reports in the past eight weeks across every district, routed and with history', async () => {
    assert.ok(summary.reports.created >= 280 && summary.reports.created <= 330, `${summary.reports.created} reports`);
    const { rows } = await db.query<{
      n: number;
      districts: number;
      categories: number;
      oldest: Date;
      newest: Date;
      without_history: number;
      unrouted: number;
    }>(
      `SELECT count(*)::int AS n, count(DISTINCT district_code)::int AS districts, count(DISTINCT category_id)::int AS categories,
              min(created_at) AS oldest, max(created_at) AS newest,
              count(*) FILTER (WHERE NOT EXISTS (SELECT 1 FROM report_history h WHERE h.report_id = r.id AND h.action = 'created'))::int AS without_history,
              count(*) FILTER (WHERE routing_rule = '')::int AS unrouted
         FROM reports r`,
    );
    const row = rows[0]!;
    // Beside the sample reports, the analysis demo files its hotspot reports through the same intake (the 12 weeks before this Monday).
    assert.equal(row.n, summary.reports.created + summary.analysis.reports);
    assert.equal(row.districts, 21);
    assert.ok(row.categories >= 12);
    assert.ok(new Date(NOW).getTime() - row.oldest.getTime() <= 13 * 7 * 86_400_000);
    assert.ok(row.newest.getTime() < new Date(NOW).getTime());
    assert.equal(row.without_history, 0);
    assert.equal(row.unrouted, 0);
  });

  it('has resolved and in-progress reports whose history follows their creation, and open ones', async () => {
    const { rows } = await db.query<{ status: string; n: number }>(
      'SELECT status, count(*)::int AS n FROM reports GROUP BY status',
    );
    const byStatus = Object.fromEntries(rows.map((r) => [r.status, r.n]));
    assert.ok(
      (byStatus.resolved ?? 0) >= 60 && (byStatus.in_progress ?? 0) >= 20 && (byStatus.new ?? 0) >= 30,
      JSON.stringify(byStatus),
    );
    assert.equal(byStatus.resolved, summary.reports.resolved);
    const wrong = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reports r
        WHERE (r.status = 'resolved') <> (r.closed_at IS NOT NULL)
           OR EXISTS (SELECT 1 FROM report_history h WHERE h.report_id = r.id AND h.at < r.created_at)
           OR (r.status = 'resolved' AND NOT EXISTS (SELECT 1 FROM report_history h WHERE h.report_id = r.id AND h.to_status = 'resolved' AND h.text IS NOT NULL))`,
    );
    assert.equal(wrong.rows[0]!.n, 0);
    assert.ok(summary.fieldwork.rounds > 0 && summary.meetings.created === 21);
  });

  it('does nothing the second time', async () => {
    const again = await seedDemoActivity(db, { clock: fixedClock(NOW) });
    assert.deepEqual(again.reports, { created: 0, inProgress: 0, resolved: 0 });
    assert.equal(again.meetings.created, 0);
    assert.equal(again.fieldwork.rounds, 0);
  });

  it('draws from a seeded generator, so every run makes the same demo', () => {
    const first = seededRandom(42);
    const second = seededRandom(42);
    const a = Array.from({ length: 5 }, first);
    assert.deepEqual(Array.from({ length: 5 }, second), a);
    assert.ok(a.every((v) => v >= 0 && v < 1) && new Set(a).size === 5);
  });
});
