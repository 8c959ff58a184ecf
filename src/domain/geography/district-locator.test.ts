import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { testConfig } from '../../../test/support/app.ts';
import { DomainError } from '../../shared/errors.ts';
import { toCrs84, toRd } from './crs.ts';
import {
  getDistrictLocator,
  invalidateDistrictLocator,
  locatePoint,
  NEAREST_NEIGHBOURHOOD_METRES,
  type DistrictLocator,
} from './district-locator.ts';
import { seedHaarlemGeography } from '../../db/seed/haarlem-geography.ts';

interface SurfacePoint {
  code: string;
  x: number;
  y: number;
}

/** What PostGIS says the neighbourhood of a point in a district should be (same rule as the locator). */
async function expectedNeighbourhood(db: Db, districtCode: string, x: number, y: number): Promise<string | null> {
  const result = await db.query<{ code: string }>(
    `SELECT code FROM neighbourhoods
     WHERE district_code = $1 AND ST_DWithin(geom, ST_SetSRID(ST_MakePoint($2, $3), 28992), $4)
     ORDER BY ST_Covers(geom, ST_SetSRID(ST_MakePoint($2, $3), 28992)) DESC,
              ST_Distance(geom, ST_SetSRID(ST_MakePoint($2, $3), 28992)), code LIMIT 1`,
    [districtCode, x, y, NEAREST_NEIGHBOURHOOD_METRES],
  );
  return result.rows[0]?.code ?? null;
}

describe('district locator (Haarlem)', () => {
  let db: Db;
  let locator: DistrictLocator;
  let surfacePoints: SurfacePoint[];

  before(async () => {
    db = await openTestDb({ empty: true });
    await seedHaarlemGeography({ db }, testConfig().SHARED_DATA_DIR);
    locator = await getDistrictLocator(db);
    surfacePoints = (
      await db.query<SurfacePoint>(
        `SELECT code, ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y FROM districts WHERE municipality_code = 'GM0392' ORDER BY code`,
      )
    ).rows;
  });
  after(async () => {
    await db.close();
  });

  it('finds each of the 21 districts from a point inside it (ST_PointOnSurface)', () => {
    assert.equal(surfacePoints.length, 21);
    for (const point of surfacePoints) {
      const result = locator.locate(point.x, point.y);
      assert.equal(result?.districtCode, point.code);
      assert.equal(result?.municipalityCode, 'GM0392');
    }
  });

  it('returns borough and names with the district', () => {
    const oudeStad = surfacePoints.find((p) => p.code === 'WK039201')!;
    const result = locator.locate(oudeStad.x, oudeStad.y)!;
    assert.equal(result.districtName, 'Oude Stad');
    assert.equal(result.boroughCode, 'centrum');
    assert.equal(result.boroughName, 'Centrum');
    const meerwijk = surfacePoints.find((p) => p.code === 'WK039221')!;
    assert.equal(locator.locate(meerwijk.x, meerwijk.y)!.boroughCode, 'schalkwijk');
  });

  it('returns null outside the city: Dam square in Amsterdam and the North Sea', () => {
    const [damX, damY] = toRd(4.8925, 52.3731);
    assert.equal(locator.locate(damX, damY), null);
    const [seaX, seaY] = toRd(4.35, 52.45);
    assert.equal(locator.locate(seaX, seaY), null);
    assert.equal(locator.locate(-5000, 1e7), null);
  });

  it('throws outside_municipality from locatePoint outside the city', async () => {
    await assert.rejects(
      locatePoint({ db }, { type: 'Point', coordinates: [4.8925, 52.3731] }, 'CRS84'),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === 'outside_municipality' &&
        /not within a district/.test(error.detail),
    );
  });

  it('only answers within the requested municipality', () => {
    const point = surfacePoints[0]!;
    assert.equal(locator.locate(point.x, point.y, 'GM0363'), null);
    assert.equal(locator.locate(point.x, point.y, 'GM0392')?.districtCode, point.code);
  });

  it('gives one deterministic answer, the lowest district code, on a vertex shared by two districts', async () => {
    const shared = (
      await db.query<{ low: string; high: string; x: number; y: number }>(
        `SELECT a.code AS low, b.code AS high, ST_X(dp.geom) AS x, ST_Y(dp.geom) AS y
         FROM districts a CROSS JOIN LATERAL ST_DumpPoints(a.geom) AS dp
         JOIN districts b ON b.code > a.code AND ST_Intersects(b.geom, dp.geom)
         ORDER BY a.code, b.code, dp.path LIMIT 1`,
      )
    ).rows[0];
    assert.ok(shared, 'two districts share a vertex');
    const covers = await db.query<{ code: string }>(
      `SELECT code FROM districts WHERE ST_Covers(geom, ST_SetSRID(ST_MakePoint($1, $2), 28992)) ORDER BY code`,
      [shared.x, shared.y],
    );
    assert.ok(covers.rows.length >= 2, 'the vertex lies on both districts');
    for (let i = 0; i < 3; i++) assert.equal(locator.locate(shared.x, shared.y)?.districtCode, covers.rows[0]!.code);
  });

  it('agrees with PostGIS ST_Contains on 2,000 random points (fixed seed)', async () => {
    const box = (
      await db.query<{ minx: number; miny: number; maxx: number; maxy: number }>(
        `SELECT ST_XMin(e) AS minx, ST_YMin(e) AS miny, ST_XMax(e) AS maxx, ST_YMax(e) AS maxy FROM (SELECT ST_Extent(geom)::geometry AS e FROM districts) s`,
      )
    ).rows[0]!;
    let seed = 42;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < 2000; i++) {
      xs.push(box.minx - 200 + random() * (box.maxx - box.minx + 400));
      ys.push(box.miny - 200 + random() * (box.maxy - box.miny + 400));
    }
    const postgis = await db.query<{ i: number; code: string | null }>(
      `SELECT p.i::int AS i, (SELECT d.code FROM districts d WHERE ST_Contains(d.geom, ST_SetSRID(ST_MakePoint(p.x, p.y), 28992)) ORDER BY d.code LIMIT 1) AS code
       FROM unnest($1::float8[], $2::float8[]) WITH ORDINALITY AS p(x, y, i) ORDER BY p.i`,
      [xs, ys],
    );
    let inside = 0;
    for (const row of postgis.rows) {
      const ours = locator.locate(xs[row.i - 1]!, ys[row.i - 1]!)?.districtCode ?? null;
      assert.equal(ours, row.code, `point ${row.i}: ${xs[row.i - 1]}, ${ys[row.i - 1]}`);
      if (row.code) inside++;
    }
    assert.ok(inside > 500 && inside < 2000, `a fair mix of inside (${inside}) and outside points`);
  });

  it('gives the same district for RD and CRS84 input', async () => {
    for (const point of surfacePoints) {
      const fromRd = await locatePoint({ db }, { type: 'Point', coordinates: [point.x, point.y] }, 'EPSG:28992');
      const fromCrs84 = await locatePoint({ db }, { type: 'Point', coordinates: toCrs84(point.x, point.y) }, 'CRS84');
      assert.equal(fromRd.districtCode, point.code);
      assert.equal(fromCrs84.districtCode, point.code);
    }
  });

  it('lets the district decide when a point lies in a buurt of a neighbouring wijk', async () => {
    const stray = (
      await db.query<{ district: string; foreign: string; x: number; y: number }>(
        `SELECT d.code AS district, n.code AS foreign, ST_X(p) AS x, ST_Y(p) AS y FROM (
           SELECT d.code AS dcode, n.code AS ncode, ST_PointOnSurface(ST_Intersection(d.geom, n.geom)) AS p,
                  ST_Area(ST_Intersection(d.geom, n.geom)) AS area
           FROM districts d JOIN neighbourhoods n ON n.district_code <> d.code AND ST_Intersects(d.geom, n.geom)
         ) s JOIN districts d ON d.code = s.dcode JOIN neighbourhoods n ON n.code = s.ncode
         WHERE s.area > 200 AND ST_Contains(d.geom, s.p) ORDER BY s.area DESC LIMIT 5`,
      )
    ).rows;
    assert.ok(stray.length > 0, 'the generalised buurten overlap neighbouring wijken somewhere');
    for (const point of stray) {
      const result = locator.locate(point.x, point.y)!;
      assert.equal(result.districtCode, point.district);
      assert.notEqual(result.neighbourhoodCode, point.foreign);
      assert.equal(result.neighbourhoodCode, await expectedNeighbourhood(db, point.district, point.x, point.y));
      if (result.neighbourhoodCode) assert.ok(result.neighbourhoodCode.startsWith(`BU${point.district.slice(2)}`));
    }
  });

  it('takes the nearest buurt of the district within 50 m for a point in no buurt, else none', async () => {
    const gaps = (
      await db.query<{ code: string; x: number; y: number }>(
        `SELECT s.code, ST_X(s.p) AS x, ST_Y(s.p) AS y FROM (
           SELECT d.code, (ST_Dump(ST_Difference(d.geom, (SELECT ST_Union(geom) FROM neighbourhoods)))).geom AS g
           FROM districts d) parts
         CROSS JOIN LATERAL (SELECT parts.code, ST_PointOnSurface(parts.g) AS p) s
         WHERE ST_Area(parts.g) > 50 ORDER BY ST_Area(parts.g) DESC LIMIT 40`,
      )
    ).rows;
    assert.ok(gaps.length > 0);
    let near = 0;
    let none = 0;
    for (const gap of gaps) {
      const result = locator.locate(gap.x, gap.y);
      if (!result) continue; // ST_PointOnSurface of a sliver can sit on the district edge of a neighbour
      assert.equal(
        result.neighbourhoodCode,
        await expectedNeighbourhood(db, result.districtCode, gap.x, gap.y),
        `gap point in ${gap.code}`,
      );
      if (result.neighbourhoodCode) near++;
      else none++;
    }
    assert.ok(near > 0, 'some gaps are within 50 m of a buurt of their wijk');
    assert.ok(near + none > 0);
  });

  it('caches the locator per database and rebuilds it after invalidation', async () => {
    const first = await getDistrictLocator(db);
    assert.equal(await getDistrictLocator(db), first);
    assert.equal(await getDistrictLocator(db, { verify: false }), first);
    invalidateDistrictLocator(db);
    const second = await getDistrictLocator(db);
    assert.notEqual(second, first);
    assert.equal(second.districtCount, 21);
  });
});
