import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { innerCell, insertObservations, insertReports, userIds, type Place } from './test-data.ts';

/** Tuesday 24 November 2026, 09:00 in Haarlem. */
const NOW = '2026-11-24T09:00:00+01:00';
const OUDE_STAD = 'WK039201';
const CELL = 125;

describe('analysis views: hotspots, time profile, roles, CSV and GeoJSON', () => {
  let db: Db;
  let app: App;
  let hot: { col: number; row: number; centre: Place };
  const headers: Record<string, { authorization: string }> = {};

  before(async () => {
    db = await openTestDb();
    const users = await userIds(db);
    for (const [role, email] of Object.entries({
      analyst: 'analist@haarlem.example',
      coordinator: 'coordinator.oost@haarlem.example',
      manager: 'teammanager@haarlem.example',
      officer: 'sanne.bakker@haarlem.example',
      partner: 'spaarnelanden@partner.example',
      admin: 'admin@haarlem.example',
    }))
      headers[role] = await bearerFor(db, users.get(email)!);
    await db.query(`INSERT INTO municipalities (code, name, slug) VALUES ('GM0363', 'Amsterdam', 'amsterdam')`);
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO users (municipality_code, email, name, roles) VALUES ('GM0363', 'a@amsterdam.example', 'A', '{analyst}') RETURNING id`,
    );
    headers.otherMunicipality = await bearerFor(db, rows[0]!.id);

    hot = await innerCell(db, OUDE_STAD, CELL);
    // 30 dog-fouling reports in one cell, all on Tuesdays 08:xx local time (07:xx UTC in winter), over 3 weeks.
    const tuesdays = ['2026-11-03', '2026-11-10', '2026-11-17'];
    await insertReports(
      db,
      Array.from({ length: 30 }, (_, i) => ({
        at: `${tuesdays[i % 3]}T08:${String(10 + i).padStart(2, '0')}:00+01:00`,
        place: { x: hot.centre.x + (i % 5) * 10 - 20, y: hot.centre.y + (i % 3) * 10 - 10 },
        category: 'hondenpoep',
        district: OUDE_STAD,
      })),
    );
    // One litter report in another, far cell of the same district.
    await insertReports(db, [
      {
        at: '2026-11-12T15:00:00+01:00',
        place: { x: hot.centre.x, y: hot.centre.y + 2 * CELL },
        category: 'veeg-zwerfvuil',
        district: OUDE_STAD,
      },
    ]);
    await insertObservations(db, users.get('sanne.bakker@haarlem.example')!, [
      { at: '2026-11-18T10:00:00+01:00', place: hot.centre, category: 'hondenpoep', district: OUDE_STAD },
    ]);
    app = await testApp(db, { clock: fixedClock(NOW) });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const get = (url: string, who = 'analyst', extra: Record<string, string> = {}) =>
    app.inject({ method: 'GET', url, headers: { ...headers[who], ...extra } });

  it('counts the reports per cell and classes the dense cell as a hotspot', async () => {
    const response = await get(`/api/v1/analysis/hotspots?district=${OUDE_STAD}`);
    assert.equal(response.statusCode, 200, response.body);
    const map = response.json();
    assert.equal(map.type, 'FeatureCollection');
    assert.equal(map.total, 31);
    assert.equal(map.cellSize, 125);
    const cell = map.features.find((f: { id: string }) => f.id === `${hot.col}:${hot.row}`);
    assert.equal(cell.properties.count, 30);
    assert.equal(cell.properties.class, 'hot-99.9');
    assert.ok(cell.properties.z > 3.29);
    assert.ok(cell.properties.zRowStandardised > 0);
    // CRS84 polygon around Haarlem.
    const [lon, lat] = cell.geometry.coordinates[0][0];
    assert.ok(lon > 4.5 && lon < 4.8 && lat > 52.3 && lat < 52.45, `${lon},${lat}`);
    assert.equal(response.headers['content-crs'], '<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
  });

  it('filters by category (main or sub), source and period, and echoes the filters', async () => {
    const main = (await get('/api/v1/analysis/hotspots?category=afval')).json();
    assert.equal(main.total, 31, 'afval is the main category of hondenpoep and veeg-zwerfvuil');
    const sub = (await get('/api/v1/analysis/hotspots?category=veeg-zwerfvuil')).json();
    assert.equal(sub.total, 1);
    assert.equal(sub.filters.category, 'veeg-zwerfvuil');
    const observations = (await get('/api/v1/analysis/hotspots?source=observations')).json();
    assert.equal(observations.total, 1);
    const both = (await get('/api/v1/analysis/hotspots?source=both')).json();
    assert.equal(both.total, 32);
    const period = (
      await get('/api/v1/analysis/hotspots?from=2026-11-16T00:00:00%2B01:00&to=2026-11-20T00:00:00%2B01:00')
    ).json();
    assert.equal(period.total, 10);
    assert.equal(period.filters.from, '2026-11-15T23:00:00.000Z');
  });

  it('answers in RD New on request', async () => {
    const map = (await get(`/api/v1/analysis/hotspots?crs=EPSG:28992&cellSize=250`)).json();
    assert.equal(map.crs, 'EPSG:28992');
    const ring = map.features[0].geometry.coordinates[0];
    assert.equal(ring[2][0] - ring[0][0], 250);
    assert.equal(ring[0][0] % 250, 0);
  });

  it('lists every filter problem in one problem+json', async () => {
    const response = await get('/api/v1/analysis/hotspots?category=nope&district=WK999999&borough=nowhere');
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    const names = response
      .json()
      .invalidParams.map((p: { name: string }) => p.name)
      .sort();
    assert.deepEqual(names, ['query.borough', 'query.category', 'query.district']);
    const bad = await get('/api/v1/analysis/hotspots?cellSize=10&source=nobody');
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().invalidParams.length, 2);
  });

  it('serves the cached counts until a report is added, then recounts', async () => {
    const url = '/api/v1/analysis/hotspots?category=hondenpoep';
    const first = (await get(url)).json();
    const second = (await get(url)).json();
    assert.equal(second.cached, true);
    assert.equal(second.total, first.total);
    await insertReports(db, [
      { at: '2026-11-23T12:00:00+01:00', place: hot.centre, category: 'hondenpoep', district: OUDE_STAD },
    ]);
    const third = (await get(url)).json();
    assert.equal(third.cached, false);
    assert.equal(third.total, first.total + 1);
  });

  it('gives the hour-of-week profile in local time with the busiest slot', async () => {
    const response = await get('/api/v1/analysis/time-profile?category=hondenpoep&to=2026-11-21T00:00:00%2B01:00');
    assert.equal(response.statusCode, 200, response.body);
    const profile = response.json();
    assert.equal(profile.hours.length, 168);
    assert.equal(profile.timeZone, 'Europe/Amsterdam');
    assert.deepEqual(profile.busiest[0], { weekday: 2, hour: 8, count: 30 });
    assert.equal(profile.hours[24 + 8].count, 30);
    assert.equal(profile.total, 30);
    // Last 7 days (14–21 Nov) hold the 17th: 10; the 7 before (7–14 Nov) the 10th: 10.
    assert.equal(profile.weekOverWeek.current, 10);
    assert.equal(profile.weekOverWeek.previous, 10);
    assert.equal(profile.weekOverWeek.change, 0);
    assert.equal(profile.sameWeekLastYear.previous, 0);
    assert.equal(profile.sameWeekLastYear.change, null);
  });

  it('exports CSV by format or Accept, and GeoJSON', async () => {
    const csv = await get('/api/v1/analysis/hotspots?format=csv');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    const lines = csv.body.trimEnd().split('\r\n');
    assert.equal(lines[0], 'cellId,col,row,centreX,centreY,count,z,zRowStandardised,class');
    assert.ok(lines.some((line) => line.startsWith(`${hot.col}:${hot.row},`) && line.endsWith(',hot-99.9')));
    const accept = await get('/api/v1/analysis/time-profile', 'analyst', { accept: 'text/csv' });
    assert.match(String(accept.headers['content-type']), /^text\/csv/);
    assert.equal(accept.body.trimEnd().split('\r\n').length, 169);
    const geojson = await get('/api/v1/analysis/hotspots?format=geojson');
    assert.match(String(geojson.headers['content-type']), /^application\/geo\+json/);
    assert.equal(geojson.json().type, 'FeatureCollection');
  });

  it('estimates what goes unreported from matched pairs (Chapman)', async () => {
    const users = await userIds(db);
    const officer = users.get('sanne.bakker@haarlem.example')!;
    // Litter in another inner cell of Oude Stad: 4 observations, 3 reports; 2 pairs within 50 m and 72 h.
    const spot = { x: hot.centre.x + 3 * CELL, y: hot.centre.y };
    await insertObservations(db, officer, [
      { at: '2026-11-02T10:00:00+01:00', place: spot, category: 'graffiti-wildplak', district: OUDE_STAD },
      { at: '2026-11-05T10:00:00+01:00', place: spot, category: 'graffiti-wildplak', district: OUDE_STAD },
      { at: '2026-11-09T10:00:00+01:00', place: spot, category: 'graffiti-wildplak', district: OUDE_STAD },
      { at: '2026-11-16T10:00:00+01:00', place: spot, category: 'graffiti-wildplak', district: OUDE_STAD },
    ]);
    await insertReports(db, [
      {
        at: '2026-11-02T18:00:00+01:00',
        place: { x: spot.x + 20, y: spot.y },
        category: 'graffiti-wildplak',
        district: OUDE_STAD,
      },
      {
        at: '2026-11-05T12:00:00+01:00',
        place: { x: spot.x, y: spot.y + 10 },
        category: 'graffiti-wildplak',
        district: OUDE_STAD,
      },
      // Too far (120 m) to be the same nuisance.
      {
        at: '2026-11-09T11:00:00+01:00',
        place: { x: spot.x + 120, y: spot.y },
        category: 'graffiti-wildplak',
        district: OUDE_STAD,
      },
    ]);
    const response = await get('/api/v1/analysis/unreported?category=graffiti-wildplak');
    assert.equal(response.statusCode, 200, response.body);
    const view = response.json();
    assert.equal(view.matchDistance, 50);
    assert.equal(view.matchHours, 72);
    const [row] = view.rows;
    assert.deepEqual(
      [row.districtCode, row.categoryCode, row.observations, row.reports, row.matched],
      [OUDE_STAD, 'graffiti-wildplak', 4, 3, 2],
    );
    assert.ok(Math.abs(row.estimate - ((5 * 4) / 3 - 1)) < 1e-9);
    assert.ok(Math.abs(row.variance - (5 * 4 * 2 * 1) / (9 * 4)) < 1e-9);
    assert.equal(row.shareOnlyOfficers, 0.5);
    assert.ok(row.lower95 >= 5 && row.upper95 > row.estimate);
    assert.match(view.assumptions.nl, /onafhankelijk/);
    // A wider window pairs the third observation too.
    const wide = (await get('/api/v1/analysis/unreported?category=graffiti-wildplak&matchDistance=150')).json();
    assert.equal(wide.rows[0].matched, 3);
    const csv = await get('/api/v1/analysis/unreported?format=csv&category=graffiti-wildplak');
    assert.match(csv.body.split('\r\n')[1]!, /^WK039201,[^,]*,graffiti-wildplak,4,3,2,/);
  });

  it('lets analyst, coordinator, team manager and administrator read; not officers, partners or anonymous', async () => {
    for (const who of ['analyst', 'coordinator', 'manager', 'admin'])
      assert.equal((await get('/api/v1/analysis/time-profile', who)).statusCode, 200, who);
    for (const who of ['officer', 'partner'])
      assert.equal((await get('/api/v1/analysis/hotspots', who)).statusCode, 403, who);
    const anonymous = await app.inject({ method: 'GET', url: '/api/v1/analysis/hotspots' });
    assert.equal(anonymous.statusCode, 401);
  });

  it("never shows another municipality's data", async () => {
    const response = await get('/api/v1/analysis/hotspots?source=both', 'otherMunicipality');
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().total, 0);
    const profile = (await get('/api/v1/analysis/time-profile?source=both', 'otherMunicipality')).json();
    assert.equal(profile.total, 0);
  });

  it('never shows a reporter, description, address or tracking code', async () => {
    const body = (await get('/api/v1/analysis/hotspots?source=both')).body;
    assert.doesNotMatch(body, /tracking|description|reporter|address|"test"/i);
  });
});
