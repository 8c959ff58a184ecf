import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { createReporterLinkToken } from '../feedback/index.ts';
import { bearerFor, testApp, testConfig } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { buildReportsWorld, emails, TEST_NOW } from '../../../test/support/reports-world.ts';

const OUDE_STAD = 'WK039201';
const PARKWIJK = 'WK039209';

describe("management overview: residents' satisfaction and reopen rate", () => {
  let db: Db;
  let app: App;
  let coordinator: { authorization: string };
  const clock = fixedClock(TEST_NOW);

  const fileReport = async (districtCode: string, category: string): Promise<string> => {
    const { rows } = await db.query<{ x: number; y: number }>(
      'SELECT ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y FROM districts WHERE code = $1',
      [districtCode],
    );
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { 'content-crs': 'EPSG:28992' },
      payload: {
        category,
        description: 'Overzichtstest',
        location: { type: 'Point', coordinates: [rows[0]!.x, rows[0]!.y] },
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id;
  };
  const setStatus = async (id: string, status: string) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/status`,
      headers: coordinator,
      payload: { status, text: 'Toelichting voor de melder' },
    });
    assert.equal(response.statusCode, 200, response.body);
  };
  const feedback = async (id: string, solved: boolean, satisfaction: number) => {
    const token = createReporterLinkToken(
      { reportId: id, purpose: 'feedback', expiresAt: new Date(clock.now().getTime() + 86_400_000) },
      testConfig().LINK_SIGNING_SECRET,
    );
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/public/feedback/${token}`,
      payload: { solved, satisfaction },
    });
    assert.equal(response.statusCode, 201, response.body);
  };

  before(async () => {
    db = await openTestDb({ empty: true });
    const world = await buildReportsWorld(db);
    app = await testApp(db, { clock, env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    coordinator = await bearerFor(db, world.userId(emails.coordinator));
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('gives mean satisfaction with its n and the reopen rate per main category and per district', async () => {
    const notSolved = await fileReport(OUDE_STAD, 'hondenpoep');
    const solved = await fileReport(OUDE_STAD, 'hondenpoep');
    const reopenedByStaff = await fileReport(OUDE_STAD, 'parkeeroverlast');
    const elsewhere = await fileReport(PARKWIJK, 'hondenpoep');
    for (const id of [notSolved, solved, reopenedByStaff, elsewhere]) await setStatus(id, 'resolved');
    clock.advance(3_600_000);
    await feedback(notSolved, false, 2);
    await feedback(solved, true, 5);
    await feedback(elsewhere, true, 4);
    await setStatus(reopenedByStaff, 'reopened');

    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/dashboards/overview?from=2026-11-23T00:00:00%2B01:00&to=2026-11-30T00:00:00%2B01:00',
      headers: coordinator,
    });
    assert.equal(response.statusCode, 200, response.body);
    const { feedback: figures } = response.json();
    const round = <T extends { meanSatisfaction: number | null; reopenRate: number | null }>(row: T) => ({
      ...row,
      meanSatisfaction: row.meanSatisfaction === null ? null : Math.round(row.meanSatisfaction * 1000) / 1000,
      reopenRate: row.reopenRate === null ? null : Math.round(row.reopenRate * 1000) / 1000,
    });
    assert.deepEqual(figures.byCategory.map(round), [
      {
        categoryCode: 'afval',
        resolved: 3,
        reopened: 1,
        reopenedByReporter: 1,
        reopenRate: 0.333,
        responses: 3,
        solved: 2,
        meanSatisfaction: 3.667,
      },
      {
        categoryCode: 'parkeren',
        resolved: 1,
        reopened: 1,
        reopenedByReporter: 0,
        reopenRate: 1,
        responses: 0,
        solved: 0,
        meanSatisfaction: null,
      },
    ]);
    const districts = figures.byDistrict.map(round);
    assert.deepEqual(
      districts.map(
        (d: {
          districtCode: string;
          resolved: number;
          reopened: number;
          responses: number;
          meanSatisfaction: number | null;
        }) => [d.districtCode, d.resolved, d.reopened, d.responses, d.meanSatisfaction],
      ),
      [
        [OUDE_STAD, 3, 2, 2, 3.5],
        [PARKWIJK, 1, 0, 1, 4],
      ],
    );
    assert.ok(districts[0].districtName.length > 0);

    const before = await app.inject({
      method: 'GET',
      url: '/api/v1/dashboards/overview?from=2026-11-01T00:00:00%2B01:00&to=2026-11-23T00:00:00%2B01:00',
      headers: coordinator,
    });
    assert.deepEqual(before.json().feedback, { byCategory: [], byDistrict: [] });
  });
});
