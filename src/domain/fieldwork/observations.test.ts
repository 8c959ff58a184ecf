import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { toRd } from '../geography/index.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { buildWorld, CENTRUM, GROTE_MARKT, type World } from '../../../test/support/fieldwork-world.ts';

describe('observations', () => {
  let db: Db;
  let app: App;
  let world: World;
  let officer: { authorization: string };
  let analyst: { authorization: string };
  const clock = fixedClock('2026-11-24T10:00:00+01:00');

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildWorld(db);
    app = await testApp(db, { clock });
    officer = await bearerFor(db, world.officer.id);
    analyst = await bearerFor(db, world.analyst.id);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const post = (body: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/observations',
      headers: { ...officer, ...headers },
      payload: body as object,
    });

  it('logs an observation, placing it in the district of the point, with observedAt defaulting to now', async () => {
    const response = await post({
      categoryCode: 'hondenpoep',
      location: GROTE_MARKT,
      note: 'Veel hondenpoep bij de bankjes',
    });
    assert.equal(response.statusCode, 201, response.body);
    const observation = response.json();
    assert.equal(observation.districtCode, CENTRUM);
    assert.equal(observation.categoryCode, 'hondenpoep');
    assert.equal(observation.officerId, world.officer.id);
    assert.equal(observation.observedAt, '2026-11-24T09:00:00.000Z');
    assert.equal(observation.note, 'Veel hondenpoep bij de bankjes');
    assert.equal(observation.photoCount, 0);
    assert.ok(Math.abs(observation.location.coordinates[0] - GROTE_MARKT.coordinates[0]) < 1e-6);
    assert.match(String(response.headers['content-crs']), /CRS84/);
  });

  it('accepts RD New coordinates with Content-Crs', async () => {
    const [x, y] = toRd(GROTE_MARKT.coordinates[0], GROTE_MARKT.coordinates[1]);
    const response = await post(
      {
        categoryCode: 'fietswrak',
        location: { type: 'Point', coordinates: [x, y] },
        observedAt: '2026-11-24T08:30:00+01:00',
      },
      { 'content-crs': 'EPSG:28992' },
    );
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().districtCode, CENTRUM);
    assert.equal(response.json().observedAt, '2026-11-24T07:30:00.000Z');
  });

  it('lists every problem at once and stores nothing', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations');
    const response = await post({
      categoryCode: 'afval',
      location: GROTE_MARKT,
      observedAt: '2026-11-25T10:00:00+01:00',
    });
    assert.equal(response.statusCode, 400);
    const names = response
      .json()
      .invalidParams.map((p: { name: string }) => p.name)
      .sort();
    assert.deepEqual(names, ['categoryCode', 'observedAt']);
    const schemaProblems = await post({
      categoryCode: 'Hondenpoep!',
      location: { type: 'Point' },
      note: 'x'.repeat(501),
    });
    assert.equal(schemaProblems.statusCode, 400);
    assert.equal(schemaProblems.json().invalidParams.length >= 3, true, schemaProblems.body);
    const afterCount = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations');
    assert.equal(afterCount.rows[0]!.n, before.rows[0]!.n);
  });

  it('refuses a point outside the municipality with 422', async () => {
    const amsterdam = { type: 'Point', coordinates: [4.8952, 52.3702] };
    const response = await post({ categoryCode: 'hondenpoep', location: amsterdam });
    assert.equal(response.statusCode, 422);
    assert.equal(response.json().invalidParams[0].name, 'location.coordinates');
  });

  it('filters by district, officer, category and time, newest first, with a cursor', async () => {
    const other = await bearerFor(db, world.otherOfficer.id);
    for (const at of ['2026-11-20T10:00:00+01:00', '2026-11-21T10:00:00+01:00', '2026-11-22T10:00:00+01:00']) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/v1/observations',
        headers: other,
        payload: { categoryCode: 'parkeeroverlast', location: GROTE_MARKT, observedAt: at },
      });
      assert.equal(r.statusCode, 201, r.body);
    }
    const byOfficer = await app.inject({
      method: 'GET',
      url: `/api/v1/observations?officerId=${world.otherOfficer.id}&limit=2`,
      headers: analyst,
    });
    assert.equal(byOfficer.statusCode, 200, byOfficer.body);
    const firstPage = byOfficer.json();
    assert.deepEqual(
      firstPage.items.map((o: { observedAt: string }) => o.observedAt),
      ['2026-11-22T09:00:00.000Z', '2026-11-21T09:00:00.000Z'],
    );
    assert.ok(firstPage.nextCursor);
    const secondPage = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/observations?officerId=${world.otherOfficer.id}&limit=2&cursor=${firstPage.nextCursor}`,
        headers: analyst,
      })
    ).json();
    assert.deepEqual(
      secondPage.items.map((o: { observedAt: string }) => o.observedAt),
      ['2026-11-20T09:00:00.000Z'],
    );
    assert.equal(secondPage.nextCursor, null);

    const windowed = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/observations?categoryCode=parkeeroverlast&districtCode=${CENTRUM}&from=2026-11-21T00:00:00%2B01:00&to=2026-11-22T00:00:00%2B01:00`,
        headers: analyst,
      })
    ).json();
    assert.equal(windowed.items.length, 1);
    assert.equal(windowed.items[0].observedAt, '2026-11-21T09:00:00.000Z');
    const elsewhere = (
      await app.inject({ method: 'GET', url: '/api/v1/observations?districtCode=WK039218', headers: analyst })
    ).json();
    assert.equal(elsewhere.items.length, 0);
  });

  it('pages through observations that share a millisecond without skipping one', async () => {
    const ids: string[] = [];
    for (const micros of ['000456', '000457']) {
      const created = await post({
        categoryCode: 'hondenpoep',
        location: GROTE_MARKT,
        observedAt: '2026-11-10T10:00:00Z',
      });
      assert.equal(created.statusCode, 201, created.body);
      await db.query(`UPDATE observations SET observed_at = $1 WHERE id = $2`, [
        `2026-11-10 10:00:00.${micros}+00`,
        created.json().id,
      ]);
      ids.push(created.json().id);
    }
    const window = 'from=2026-11-10T00:00:00Z&to=2026-11-11T00:00:00Z&limit=1';
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: Awaited<ReturnType<App['inject']>> = await app.inject({
        method: 'GET',
        url: `/api/v1/observations?${window}${cursor ? `&cursor=${cursor}` : ''}`,
        headers: analyst,
      });
      assert.equal(response.statusCode, 200, response.body);
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = response.json();
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length < 5);
    assert.deepEqual(seen, [...ids].reverse());
  });

  it('refuses a reversed period and a forged cursor', async () => {
    const reversed = await app.inject({
      method: 'GET',
      url: '/api/v1/observations?from=2026-11-22T00:00:00Z&to=2026-11-21T00:00:00Z',
      headers: analyst,
    });
    assert.equal(reversed.statusCode, 400);
    const forged = await app.inject({
      method: 'GET',
      url: '/api/v1/observations?cursor=bm9uc2Vuc2U',
      headers: analyst,
    });
    assert.equal(forged.statusCode, 400);
    assert.equal(forged.json().invalidParams[0].name, 'query.cursor');
    // Shapes a loose check let through to PostgreSQL (a 500): 36 dashes as the id, '1' as the moment.
    for (const text of [
      '2026-11-24T08:00:00.000Z|------------------------------------',
      '1|00000000-0000-4000-8000-000000000000',
    ]) {
      const cursor = Buffer.from(text).toString('base64url');
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/observations?cursor=${cursor}`,
        headers: analyst,
      });
      assert.equal(response.statusCode, 400, `${text}: ${response.body}`);
      assert.equal(response.json().invalidParams[0].code, 'invalid_cursor');
    }
  });
});
