import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { seedDemoAnalysis, type DemoAnalysisCounts } from './demo-analysis.ts';

const NOW = '2026-11-24T12:00:00+01:00';

describe('demo seed: every analysis view shows something real', () => {
  let db: Db;
  let app: App;
  let counts: DemoAnalysisCounts;
  let analyst: { authorization: string };
  const clock = fixedClock(NOW);

  before(async () => {
    db = await openTestDb();
    const started = performance.now();
    counts = await seedDemoAnalysis({ db, clock });
    console.error(`seedDemoAnalysis: ${((performance.now() - started) / 1000).toFixed(1)} s`, counts);
    app = await testApp(db, { clock });
    const { rows } = await db.query<{ id: string }>("SELECT id FROM users WHERE email = 'analist@haarlem.example'");
    analyst = await bearerFor(db, rows[0]!.id);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const get = async (url: string) => {
    const response = await app.inject({ method: 'GET', url, headers: analyst });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };

  it('files hotspot reports through the intake, observations, a survey for every district and next week’s plans', async () => {
    assert.ok(counts.reports >= 200, `${counts.reports}`);
    assert.ok(counts.observations >= 50, `${counts.observations}`);
    assert.equal(counts.surveyRows, 42, '21 districts × 2 years');
    assert.ok(counts.plans >= 6, `${counts.plans}`);
    const history = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reports r WHERE NOT EXISTS (SELECT 1 FROM report_history h WHERE h.report_id = r.id)`,
    );
    assert.equal(history.rows[0]!.n, 0, 'every report has its intake history');
  });

  it('shows significant hotspots, a time-of-week pattern, matched pairs and the survey', async () => {
    const map = await get('/api/v1/analysis/hotspots?from=2026-08-01T00:00:00%2B02:00');
    assert.ok(
      map.features.filter((f: { properties: { class: string } }) => f.properties.class === 'hot-99.9').length >= 6,
    );
    const profile = await get('/api/v1/analysis/time-profile?category=hondenpoep&from=2026-08-01T00:00:00%2B02:00');
    assert.ok([2, 4].includes(profile.busiest[0].weekday) && [8, 9].includes(profile.busiest[0].hour));
    const unreported = await get('/api/v1/analysis/unreported?from=2026-08-01T00:00:00%2B02:00');
    assert.ok(unreported.rows.some((r: { matched: number }) => r.matched > 0));
    const visibility = await get('/api/v1/analysis/visibility?fromYear=2024&toYear=2025');
    assert.equal(visibility.districts.length, 21);
    assert.ok(
      visibility.districts.every((d: { years: Array<{ surveys: unknown[] }> }) =>
        d.years.every((y) => y.surveys.length === 1),
      ),
    );
  });

  it('does nothing the second time', async () => {
    assert.deepEqual(await seedDemoAnalysis({ db, clock }), { reports: 0, observations: 0, surveyRows: 0, plans: 0 });
  });
});
