import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { seedDemo } from '../../db/seed/demo.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp, testConfig } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';

/** Tuesday 24 November 2026, 09:00 in Haarlem: a district day of Fatima de Vries (Tue/Thu), not of Sanne Bakker (Mon/Wed). */
const TUESDAY = '2026-11-24T09:00:00+01:00';
const PARKWIJK = 'WK039209';
const OUDE_STAD = 'WK039201';

describe('dashboards: team board and management overview', () => {
  let db: Db;
  let app: App;
  const clock = fixedClock(TUESDAY);
  const users = new Map<string, string>();
  let manager: { authorization: string };
  let analyst: { authorization: string };
  let officer: { authorization: string };

  async function rdPointIn(districtCode: string) {
    const { rows } = await db.query<{ x: number; y: number }>(
      'SELECT ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y FROM districts WHERE code = $1',
      [districtCode],
    );
    return { type: 'Point', coordinates: [rows[0]!.x, rows[0]!.y] };
  }

  async function fileReport(
    districtCode: string,
    category: string,
  ): Promise<{ id: string; deadline: string; assignee: { name: string } }> {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { 'content-crs': 'EPSG:28992' },
      payload: { category, description: `Dashboard test in ${districtCode}`, location: await rdPointIn(districtCode) },
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  }

  before(async () => {
    db = await openTestDb();
    await seedDemo(db, { sharedDataDir: testConfig().SHARED_DATA_DIR, password: 'dashboards-test' });
    for (const row of (await db.query<{ id: string; email: string }>('SELECT id, email FROM users')).rows)
      users.set(row.email, row.id);
    app = await testApp(db, { clock });
    manager = await bearerFor(db, users.get('teammanager@haarlem.example')!);
    analyst = await bearerFor(db, users.get('analist@haarlem.example')!);
    officer = await bearerFor(db, users.get('fatima.devries@haarlem.example')!);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const board = async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/dashboards/team-board', headers: manager });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };

  it('shows who has a district day today and who is absent', async () => {
    const absence = await app.inject({
      method: 'POST',
      url: `/api/v1/officers/${users.get('sanne.bakker@haarlem.example')}/absences`,
      headers: manager,
      payload: {
        kind: 'sick',
        startsAt: '2026-11-24T07:00:00+01:00',
        endsAt: '2026-11-27T18:00:00+01:00',
        note: 'griep',
      },
    });
    assert.equal(absence.statusCode, 201, absence.body);
    const { officers, todayDate } = await board();
    assert.equal(todayDate, '2026-11-24');
    const fatima = officers.find((o: { name: string }) => o.name === 'Fatima de Vries');
    const sanne = officers.find((o: { name: string }) => o.name === 'Sanne Bakker');
    assert.equal(fatima.districtDayToday, true);
    assert.equal(fatima.workingToday, true);
    assert.equal(fatima.absence, null);
    assert.deepEqual(
      fatima.districts.map((d: { code: string; duty: string }) => `${d.code}:${d.duty}`),
      ['WK039209:owner', 'WK039208:backup'],
      'owned districts first',
    );
    assert.deepEqual(fatima.boroughCodes, ['oost']);
    assert.equal(sanne.districtDayToday, false);
    assert.deepEqual(sanne.absence, { kind: 'sick', endsAt: '2026-11-27T17:00:00.000Z' });
    assert.equal(JSON.stringify(sanne).includes('griep'), false, 'the internal absence note stays off the board');
  });

  it('counts open and overdue reports per officer and per district, as the clock passes deadlines', async () => {
    const before = await board();
    const openBefore = before.officers.find((o: { name: string }) => o.name === 'Fatima de Vries').openReports;
    const report = await fileReport(PARKWIJK, 'hondenpoep');
    assert.equal(report.assignee.name, 'Fatima de Vries');
    await fileReport(PARKWIJK, 'wildplassen');

    let now = await board();
    let fatima = now.officers.find((o: { name: string }) => o.name === 'Fatima de Vries');
    let parkwijk = now.districts.find((d: { code: string }) => d.code === PARKWIJK);
    assert.equal(fatima.openReports, openBefore + 2);
    assert.equal(fatima.overdueReports, 0);
    assert.equal(parkwijk.openReports, 2);
    assert.equal(parkwijk.owner.name, 'Fatima de Vries');
    assert.equal(parkwijk.borough.code, 'oost');

    // wildplassen is due in 3 work days, hondenpoep in 21 calendar days: a week on, only one is overdue.
    clock.set('2026-12-01T09:00:00+01:00');
    try {
      now = await board();
      fatima = now.officers.find((o: { name: string }) => o.name === 'Fatima de Vries');
      parkwijk = now.districts.find((d: { code: string }) => d.code === PARKWIJK);
      assert.equal(fatima.overdueReports, 1);
      assert.equal(parkwijk.overdueReports, 1);
      assert.equal(now.districts.find((d: { code: string }) => d.code === OUDE_STAD).openReports, 0);
    } finally {
      clock.set(TUESDAY);
    }
  });

  it('lets only coordinators, the team manager and administrators read the team board', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/dashboards/team-board' })).statusCode, 401);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/dashboards/team-board', headers: officer })).statusCode,
      403,
    );
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/dashboards/team-board', headers: analyst })).statusCode,
      403,
    );
    const coordinator = await bearerFor(db, users.get('coordinator.oost@haarlem.example')!);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/dashboards/team-board', headers: coordinator })).statusCode,
      200,
    );
  });

  it('counts reports per week by main category and borough, and the share resolved within the deadline', async () => {
    const inTime = await fileReport(OUDE_STAD, 'hondenpoep');
    await fileReport(OUDE_STAD, 'parkeeroverlast');
    const resolve = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${inTime.id}/status`,
      headers: manager,
      payload: { status: 'resolved', text: 'Opgeruimd door Spaarnelanden.' },
    });
    assert.equal(resolve.statusCode, 200, resolve.body);

    clock.set('2026-12-03T09:00:00+01:00'); // past the parkeeroverlast deadlines, before the hondenpoep ones
    try {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/dashboards/overview?from=2026-11-23T00:00:00%2B01:00&to=2026-11-30T00:00:00%2B01:00',
        headers: analyst,
      });
      assert.equal(response.statusCode, 200, response.body);
      const overview = response.json();
      const count = (category: string, borough: string) =>
        overview.reportsPerWeek.find(
          (r: { categoryCode: string; boroughCode: string; weekStartDate: string }) =>
            r.categoryCode === category && r.boroughCode === borough && r.weekStartDate === '2026-11-23',
        )?.reports ?? 0;
      assert.deepEqual(
        overview.categories.map((c: { code: string }) => c.code).sort(),
        ['afval', 'openbare-orde', 'openbare-ruimte', 'parkeren'].sort(),
      );
      assert.ok(overview.boroughs.some((b: { code: string }) => b.code === 'oost'));
      assert.equal(count('afval', 'centrum'), 1);
      assert.equal(count('parkeren', 'centrum'), 1);
      assert.equal(count('afval', 'oost'), 1);
      assert.equal(count('openbare-orde', 'oost'), 1);
      const deadline = (borough: string) =>
        overview.deadlinePerWeek.find((r: { boroughCode: string }) => r.boroughCode === borough);
      // Centrum: the resolved report (in time) and the overdue parking report; Oost: only the overdue wildplassen report is due.
      assert.deepEqual(
        { due: deadline('centrum').due, within: deadline('centrum').handledWithinDeadline },
        { due: 2, within: 1 },
      );
      assert.deepEqual(
        { due: deadline('oost').due, within: deadline('oost').handledWithinDeadline },
        { due: 1, within: 0 },
      );
    } finally {
      clock.set(TUESDAY);
    }
  });

  it('puts a report in the week of its local (Amsterdam) date, not its UTC date', async () => {
    clock.set('2026-11-30T00:30:00+01:00'); // Monday 00:30 in Haarlem, still Sunday in UTC
    try {
      await fileReport(OUDE_STAD, 'graffiti-wildplak');
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/dashboards/overview?from=2026-11-29T00:00:00Z&to=2026-12-01T00:00:00Z',
        headers: analyst,
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.deepEqual(response.json().reportsPerWeek, [
        { weekStartDate: '2026-11-30', categoryCode: 'openbare-ruimte', boroughCode: 'centrum', reports: 1 },
      ]);
    } finally {
      clock.set(TUESDAY);
    }
  });

  it('refuses a period that runs backwards or spans more than a year, and lets officers not read it', async () => {
    const backwards = await app.inject({
      method: 'GET',
      url: '/api/v1/dashboards/overview?from=2026-11-30T00:00:00Z&to=2026-11-01T00:00:00Z',
      headers: analyst,
    });
    assert.equal(backwards.statusCode, 400);
    assert.deepEqual(
      backwards.json().invalidParams.map((p: { name: string }) => p.name),
      ['query.from'],
    );
    const tooLong = await app.inject({
      method: 'GET',
      url: '/api/v1/dashboards/overview?from=2024-01-01T00:00:00Z&to=2026-11-01T00:00:00Z',
      headers: analyst,
    });
    assert.equal(tooLong.statusCode, 400);
    assert.equal(tooLong.json().invalidParams[0].code, 'too_long');
    const malformed = await app.inject({
      method: 'GET',
      url: '/api/v1/dashboards/overview?from=yesterday',
      headers: analyst,
    });
    assert.equal(malformed.statusCode, 400);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/dashboards/overview', headers: officer })).statusCode,
      403,
    );
    const defaults = await app.inject({ method: 'GET', url: '/api/v1/dashboards/overview', headers: analyst });
    assert.equal(defaults.statusCode, 200);
    assert.equal(defaults.json().to, new Date(TUESDAY).toISOString());
    assert.equal(
      new Date(defaults.json().to).getTime() - new Date(defaults.json().from).getTime(),
      12 * 7 * 86_400_000,
    );
  });
});
