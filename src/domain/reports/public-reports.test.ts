import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { toCrs84, toRd } from '../geography/index.ts';
import { buildReportsWorld, emails, GROTE_MARKT, TEST_NOW } from '../../../test/support/reports-world.ts';

/** A point `metres` east of Grote Markt. */
function eastOfGroteMarkt(metres: number): { type: 'Point'; coordinates: [number, number] } {
  const [x, y] = toRd(...GROTE_MARKT.coordinates);
  return { type: 'Point', coordinates: toCrs84(x + metres, y) };
}

describe('public view of open reports: nearby, district map, following', () => {
  let db: Db;
  let app: App;
  const clock = fixedClock(TEST_NOW);
  const filed: Record<string, { id: string; trackingCode: string; publicId: string }> = {};

  const file = async (name: string, category: string, location: { type: 'Point'; coordinates: [number, number] }) => {
    clock.advance(60_000);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      remoteAddress: '198.51.100.40',
      payload: {
        category,
        location,
        description: `Geheim-${name}: bij de buren op nummer 3`,
        address: 'Grote Markt 3',
        reporter: { email: `${name}@example.org`, consentToShareWithPartners: false },
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    const { id, trackingCode } = response.json();
    const { rows } = await db.query<{ public_id: string }>('SELECT public_id FROM reports WHERE id = $1', [id]);
    filed[name] = { id, trackingCode, publicId: rows[0]!.public_id };
  };
  const get = async (url: string) => app.inject({ method: 'GET', url, remoteAddress: '198.51.100.41' });
  const nearby = async (query: string) => {
    const response = await get(`/api/v1/public/reports/nearby?${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return response;
  };
  const publicIds = (items: Array<{ publicId: string }>) => items.map((item) => item.publicId).sort();
  const [lon, lat] = GROTE_MARKT.coordinates;

  before(async () => {
    db = await openTestDb({ empty: true });
    const world = await buildReportsWorld(db);
    app = await testApp(db, {
      clock,
      env: {
        REPORT_RATE_LIMIT_PER_MINUTE: '1000',
        PUBLIC_REPORTS_RATE_LIMIT_PER_MINUTE: '1000',
        FOLLOW_RATE_LIMIT_PER_MINUTE: '3',
      },
    });
    await file('dogHere', 'hondenpoep', eastOfGroteMarkt(20));
    await file('dogFar', 'hondenpoep', eastOfGroteMarkt(400));
    await file('graffitiHere', 'graffiti-wildplak', eastOfGroteMarkt(40));
    await file('youthsHere', 'jongerenoverlast', GROTE_MARKT);
    await file('dogResolved', 'hondenpoep', GROTE_MARKT);
    const coordinator = await bearerFor(db, world.userId(emails.coordinator));
    const resolved = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${filed.dogResolved!.id}/status`,
      headers: coordinator,
      payload: { status: 'resolved', text: 'Opgeruimd.' },
    });
    assert.equal(resolved.statusCode, 200, resolved.body);
  });
  after(async () => {
    await app?.close();
    await db?.close();
  });

  it('lists open reports of the same category nearby, nearest first, without anything personal', async () => {
    const response = await nearby(`lon=${lon}&lat=${lat}&categoryCode=hondenpoep`);
    const body = response.json();
    assert.equal(body.radiusMetres, 75);
    assert.deepEqual(
      publicIds(body.items),
      [filed.dogHere!.publicId],
      'the far one (400 m) and the resolved one are left out',
    );
    const [item] = body.items;
    assert.deepEqual(Object.keys(item).sort(), [
      'category',
      'distanceMetres',
      'location',
      'publicId',
      'reportedDate',
      'status',
    ]);
    assert.deepEqual(item.category, { code: 'hondenpoep', nameNl: 'Hondenpoep', nameEn: 'Dog fouling' });
    assert.equal(item.status, 'new');
    assert.equal(item.reportedDate, '2026-11-24');
    assert.ok(
      item.distanceMetres >= 10 && item.distanceMetres <= 30 && item.distanceMetres % 5 === 0,
      `distance ${item.distanceMetres}`,
    );
    const [x, y] = toRd(...(item.location.coordinates as [number, number]));
    assert.ok(
      Math.abs(x - Math.round(x / 10) * 10) < 0.5 && Math.abs(y - Math.round(y / 10) * 10) < 0.5,
      'the place is snapped to a 10 m grid',
    );
    assert.match(response.headers['content-crs'] as string, /CRS84/);
    for (const secret of ['Geheim', 'Grote Markt 3', '@example.org', filed.dogHere!.trackingCode, filed.dogHere!.id]) {
      assert.ok(!response.body.includes(secret), `the public answer does not contain ${secret}`);
    }
  });

  it('without a category lists every public category; sensitive ones (youths) never; a main category covers its subcategories', async () => {
    const all = (await nearby(`lon=${lon}&lat=${lat}`)).json();
    assert.deepEqual(publicIds(all.items), [filed.dogHere!.publicId, filed.graffitiHere!.publicId].sort());
    const youths = (await nearby(`lon=${lon}&lat=${lat}&categoryCode=jongerenoverlast`)).json();
    assert.deepEqual(youths.items, []);
    const waste = (await nearby(`lon=${lon}&lat=${lat}&categoryCode=afval&radius=250`)).json();
    assert.deepEqual(publicIds(waste.items), [filed.dogHere!.publicId]);
    const wide = (await nearby(`lon=${lon}&lat=${lat}&categoryCode=hondenpoep&radius=250`)).json();
    assert.deepEqual(publicIds(wide.items), [filed.dogHere!.publicId], '400 m stays out of the widest radius');
  });

  it('refuses a radius over 250 m and lists every field problem at once', async () => {
    const tooWide = await get(`/api/v1/public/reports/nearby?lon=${lon}&lat=${lat}&radius=251`);
    assert.equal(tooWide.statusCode, 400);
    const missing = await get('/api/v1/public/reports/nearby?radius=0');
    assert.equal(missing.statusCode, 400);
    const names = missing
      .json()
      .invalidParams.map((p: { name: string }) => p.name)
      .sort();
    assert.deepEqual(names, ['querystring.lat', 'querystring.lon', 'querystring.radius']);
  });

  it("gives a district's open public reports as GeoJSON points", async () => {
    const response = await get('/api/v1/public/districts/WK039201/reports');
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.type, 'FeatureCollection');
    assert.equal(body.districtName, 'Oude Stad');
    const ids = body.features.map((f: { id: string }) => f.id).sort();
    assert.ok(ids.includes(filed.dogHere!.publicId) && ids.includes(filed.graffitiHere!.publicId));
    assert.ok(!ids.includes(filed.youthsHere!.publicId) && !ids.includes(filed.dogResolved!.publicId));
    assert.equal(body.numberMatched, ids.length);
    assert.equal(body.numberReturned, ids.length);
    const feature = body.features.find((f: { id: string }) => f.id === filed.graffitiHere!.publicId);
    assert.equal(feature.geometry.type, 'Point');
    assert.deepEqual(feature.properties, {
      category: { code: 'graffiti-wildplak', nameNl: 'Graffiti / wildplak', nameEn: 'Graffiti / fly-posting' },
      status: 'new',
      reportedDate: '2026-11-24',
    });
    for (const secret of ['Geheim', '@example.org', filed.graffitiHere!.trackingCode])
      assert.ok(!response.body.includes(secret));
    assert.equal((await get('/api/v1/public/districts/WK039299/reports')).statusCode, 404);
    assert.equal((await get('/api/v1/public/districts/oude-stad/reports')).statusCode, 400);
  });

  it('lets a resident follow an open report once per address, never echoing it; closed or hidden reports cannot be followed', async () => {
    const follow = (reportId: string, email: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/public/report-followers',
        payload: { reportId, email, language: 'en' },
        remoteAddress: '198.51.100.42',
      });
    const first = await follow(filed.dogHere!.publicId, 'Buur@Example.net');
    assert.equal(first.statusCode, 201, first.body);
    assert.deepEqual(first.json(), { reportId: filed.dogHere!.publicId, following: true, status: 'new' });
    const again = await follow(filed.dogHere!.publicId, 'buur@example.net');
    assert.equal(again.statusCode, 201);
    assert.equal(again.body, first.body, 'following again gives the same answer');
    const { rows } = await db.query<{ email: string; language: string }>(
      'SELECT email, language FROM report_followers WHERE report_id = $1',
      [filed.dogHere!.id],
    );
    assert.deepEqual(rows, [{ email: 'Buur@Example.net', language: 'en' }]);
    assert.ok(!first.body.includes('xample.net'));

    const closed = await follow(filed.dogResolved!.publicId, 'buur@example.net');
    assert.equal(closed.statusCode, 404);
    const bad = await app.inject({
      method: 'POST',
      url: '/api/v1/public/report-followers',
      payload: { reportId: 'nope', email: 'geen-adres' },
      remoteAddress: '198.51.100.43',
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['body.email', 'body.reportId'],
    );
    const throttled = await follow(filed.youthsHere!.publicId, 'buur@example.net');
    assert.equal(throttled.statusCode, 429, 'the fourth follow from one address within a minute is refused');
    const count = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM report_followers');
    assert.equal(count.rows[0]!.n, 1);
  });

  it('gives every report its own public id, apart from its id and tracking code', async () => {
    const { rows } = await db.query<{ n: number }>('SELECT count(DISTINCT public_id)::int AS n FROM reports');
    assert.equal(rows[0]!.n, Object.keys(filed).length);
    for (const report of Object.values(filed))
      assert.ok(report.publicId !== report.id && report.publicId !== report.trackingCode);
  });
});
