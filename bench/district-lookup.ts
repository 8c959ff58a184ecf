/**
 * Point → district: the in-process index against PostGIS (one ST_Contains query per point, the
 * way a request would otherwise ask the database), both on random points in Haarlem's bounding
 * box from a fixed seed. Expects a database with the Haarlem geography.
 */
import { performance } from 'node:perf_hooks';
import type { Db } from '../src/db/db.ts';
import { getDistrictLocator } from '../src/domain/geography/index.ts';

const inProcessLookups = 1_000_000;
const postgisLookups = 2_000;

function randomPoints(box: { minx: number; miny: number; maxx: number; maxy: number }, count: number, seed: number) {
  let state = seed;
  const next = () => (state = (state * 16807) % 2147483647) / 2147483647;
  const xs = new Float64Array(count);
  const ys = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    xs[i] = box.minx + next() * (box.maxx - box.minx);
    ys[i] = box.miny + next() * (box.maxy - box.miny);
  }
  return { xs, ys };
}

export async function benchDistrictLookup(
  db: Db,
): Promise<{ lookups: number; seconds: number; lookupsPerSecond: number; postgisLookupsPerSecond: number }> {
  const box = (
    await db.query<{ minx: number; miny: number; maxx: number; maxy: number }>(
      `SELECT ST_XMin(e) AS minx, ST_YMin(e) AS miny, ST_XMax(e) AS maxx, ST_YMax(e) AS maxy
       FROM (SELECT ST_Extent(geom)::geometry AS e FROM districts WHERE municipality_code = 'GM0392') s`,
    )
  ).rows[0];
  if (!box || box.minx === null) throw new Error('benchDistrictLookup needs the Haarlem geography (seed it first).');
  const locator = await getDistrictLocator(db);
  const { xs, ys } = randomPoints(box, inProcessLookups, 20261124);

  for (let i = 0; i < 50_000; i++) locator.locate(xs[i]!, ys[i]!); // warm up the JIT
  let found = 0;
  const start = performance.now();
  for (let i = 0; i < inProcessLookups; i++) if (locator.locate(xs[i]!, ys[i]!)) found++;
  const seconds = (performance.now() - start) / 1000;
  if (found === 0) throw new Error('no random point fell in a district; the benchmark would measure nothing');

  const sample = randomPoints(box, postgisLookups, 7);
  const sql = `SELECT code FROM districts WHERE ST_Contains(geom, ST_SetSRID(ST_MakePoint($1, $2), 28992)) ORDER BY code LIMIT 1`;
  for (let i = 0; i < 50; i++) await db.query(sql, [sample.xs[i], sample.ys[i]]);
  const dbStart = performance.now();
  for (let i = 0; i < postgisLookups; i++) await db.query(sql, [sample.xs[i], sample.ys[i]]);
  const dbSeconds = (performance.now() - dbStart) / 1000;

  return {
    lookups: inProcessLookups,
    seconds,
    lookupsPerSecond: inProcessLookups / seconds,
    postgisLookupsPerSecond: postgisLookups / dbSeconds,
  };
}
