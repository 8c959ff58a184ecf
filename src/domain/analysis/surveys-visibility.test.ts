import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { parseShare } from './survey-import.ts';
import { innerCell, insertReports, userIds } from './test-data.ts';

const NOW = '2026-11-24T09:00:00+01:00';
const OUDE_STAD = 'WK039201';
const PARKWIJK = 'WK039209';

describe('survey import, visibility and forecast', () => {
  let db: Db;
  let app: App;
  let users: Map<string, string>;
  const auth: Record<string, { authorization: string }> = {};

  before(async () => {
    db = await openTestDb();
    users = await userIds(db);
    auth.admin = await bearerFor(db, users.get('admin@haarlem.example')!);
    auth.analyst = await bearerFor(db, users.get('analist@haarlem.example')!);
    auth.officer = await bearerFor(db, users.get('sanne.bakker@haarlem.example')!);
    app = await testApp(db, { clock: fixedClock(NOW) });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const importCsv = (csv: string, who = 'admin') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/analysis/surveys',
      headers: { ...auth[who], 'content-type': 'text/csv' },
      payload: csv,
    });
  const stored = async () =>
    (
      await db.query<{ district_code: string; year: number; share: number }>(
        'SELECT district_code, year, share::float8 AS share FROM survey_results ORDER BY year, district_code',
      )
    ).rows;

  it('reads shares as fractions, percentages or "45%"', () => {
    assert.equal(parseShare('0.45'), 0.45);
    assert.equal(parseShare('45'), 0.45);
    assert.equal(parseShare('45%'), 0.45);
    assert.equal(parseShare('0,5'), 0.5);
    assert.equal(parseShare('101'), null);
    assert.equal(parseShare('-1'), null);
    assert.equal(parseShare('veel'), null);
  });

  it('lists every bad row in one 400 and stores nothing', async () => {
    const response = await importCsv(
      [
        'year,districtCode,question,share,respondents',
        `2025,${OUDE_STAD},kent u uw wijkhandhaver?,0.41,120`,
        `20x5,WK999999,kent u uw wijkhandhaver?,140,-3`,
        `2025,${PARKWIJK},,0.3,`,
      ].join('\n'),
    );
    assert.equal(response.statusCode, 400, response.body);
    const names = response.json().invalidParams.map((p: { name: string }) => p.name);
    assert.deepEqual(names, [
      'body.rows[2].year',
      'body.rows[2].districtCode',
      'body.rows[2].share',
      'body.rows[2].respondents',
      'body.rows[3].question',
    ]);
    assert.deepEqual(await stored(), []);
    const header = await importCsv('jaar,wijk\n2025,x');
    assert.equal(header.statusCode, 400);
    assert.equal(header.json().invalidParams.length, 4);
  });

  it('imports a year and replaces it on re-import (semicolons and percentages too)', async () => {
    const first = await importCsv(
      `year,districtCode,question,share,respondents\n2025,${OUDE_STAD},kent u uw wijkhandhaver?,0.41,120\n2025,${PARKWIJK},kent u uw wijkhandhaver?,0.30,80\n2024,${OUDE_STAD},kent u uw wijkhandhaver?,0.35,100\n`,
    );
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(first.json(), { imported: 3, years: [2024, 2025], replaced: 0 });
    const again = await importCsv(
      `year;districtCode;question;share;respondents\n2025;${OUDE_STAD};kent u uw wijkhandhaver?;45%;130\n`,
    );
    assert.equal(again.statusCode, 200, again.body);
    assert.deepEqual(again.json(), { imported: 1, years: [2025], replaced: 2 });
    assert.deepEqual(await stored(), [
      { district_code: OUDE_STAD, year: 2024, share: 0.35 },
      { district_code: OUDE_STAD, year: 2025, share: 0.45 },
    ]);
  });

  it('lets only administrators import', async () => {
    assert.equal(
      (await importCsv(`year,districtCode,question,share\n2025,${OUDE_STAD},q,0.4`, 'analyst')).statusCode,
      403,
    );
  });

  it('shows presence, contacts and meetings per year beside the survey, with the trend', async () => {
    await db.query(
      `INSERT INTO presence_rounds (municipality_code, officer_id, district_code, started_at, ended_at, ended_reason)
       VALUES ('GM0392', $1, $2, '2025-03-03T09:00:00+01:00', '2025-03-03T11:30:00+01:00', 'stopped')`,
      [users.get('sanne.bakker@haarlem.example'), OUDE_STAD],
    );
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/analysis/visibility?fromYear=2024&toYear=2026&district=${OUDE_STAD}`,
      headers: auth.analyst,
    });
    assert.equal(response.statusCode, 200, response.body);
    const [district] = response.json().districts;
    assert.equal(district.code, OUDE_STAD);
    assert.deepEqual(
      district.years.map((y: { year: number; presenceHours: number }) => [y.year, y.presenceHours]),
      [
        [2024, 0],
        [2025, 2.5],
        [2026, 0],
      ],
    );
    assert.equal(district.years[1].surveys[0].share, 0.45);
    assert.ok(Math.abs(district.surveyTrend - 0.1) < 1e-9, String(district.surveyTrend));
    const csv = await app.inject({
      method: 'GET',
      url: '/api/v1/analysis/visibility?format=csv',
      headers: auth.analyst,
    });
    assert.match(csv.body, /^districtCode,districtName,year,presenceHours/);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/analysis/visibility', headers: auth.officer })).statusCode,
      403,
    );
  });

  it('forecasts next week from resident reports with every method’s backtest and the chosen one', async () => {
    const cell = await innerCell(db, PARKWIJK, 125);
    const items = [];
    for (let week = 0; week < 20; week++)
      for (let i = 0; i < 3; i++)
        items.push({
          at: new Date(Date.parse('2026-07-06T10:00:00+02:00') + week * 7 * 86_400_000 + i * 3_600_000),
          place: cell.centre,
          category: 'hondenpoep',
          district: PARKWIJK,
        });
    await insertReports(db, items);
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/analysis/forecast?weeks=8',
      headers: auth.analyst,
    });
    assert.equal(response.statusCode, 200, response.body);
    const forecast = response.json();
    assert.equal(forecast.weekStartDate, '2026-11-30');
    assert.equal(forecast.filters.source, 'reports');
    assert.deepEqual(
      forecast.backtest.methods.map((m: { name: string }) => m.name),
      ['naive', 'decay', 'kernel'],
    );
    assert.deepEqual(
      forecast.backtest.methods[0].coverages.map((c: { coverage: number }) => c.coverage),
      [0.01, 0.03, 0.05],
    );
    // Every week's events lie in one cell that every method ranks first: hit rate 1 at every coverage.
    for (const method of forecast.backtest.methods) assert.equal(method.coverages[0].hitRate, 1, method.name);
    assert.equal(forecast.backtest.chosen.coverages[1].hitRate, 1);
    assert.equal(forecast.cells[0].cellId, `${cell.col}:${cell.row}`);
    assert.equal(forecast.cells[0].rank, 1);
    assert.equal(forecast.method, forecast.backtest.chosen.name);
    assert.match(forecast.feedbackLoop.nl, /terugkoppeling/);
    const forced = await app.inject({
      method: 'GET',
      url: '/api/v1/analysis/forecast?weeks=4&method=kernel',
      headers: auth.analyst,
    });
    assert.equal(forced.json().method, 'kernel');
    const unknown = await app.inject({
      method: 'GET',
      url: '/api/v1/analysis/forecast?method=crystal-ball',
      headers: auth.analyst,
    });
    assert.equal(unknown.statusCode, 400);
    const geojson = await app.inject({
      method: 'GET',
      url: '/api/v1/analysis/forecast?weeks=4&format=geojson',
      headers: auth.analyst,
    });
    assert.equal(geojson.json().features[0].properties.rank, 1);
  });
});
