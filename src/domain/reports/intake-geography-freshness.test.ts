/**
 * An import-geography run by another process (a CLI on a live server) is seen by this process's
 * district locator, routing and intake without a restart. The other process is a second handle with
 * caches of its own: a second pool on the PostgreSQL server; on PGlite, which has one connection, a
 * second handle object on the same instance.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type pg from 'pg';
import type { Db, QueryOptions } from '../../db/db.ts';
import { openPostgres } from '../../db/postgres.ts';
import { fixedClock } from '../../shared/clock.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { importGeography, locatePoint, toRd } from '../geography/index.ts';
import { loadRoutingSnapshot } from '../routing/index.ts';
import { createReport } from './create-report.ts';
import { GROTE_MARKT, HAARLEM, TEST_NOW } from '../../../test/support/reports-world.ts';

async function anotherProcess(db: Db): Promise<Db> {
  if (db.kind === 'postgres') {
    const url = (db as Db & { pool: pg.Pool }).pool.options.connectionString!;
    return openPostgres(url, { max: 2 });
  }
  return { ...db, close: async () => undefined };
}

/** An RD square of `half` metres around a point, as import input. */
function squareAround([x, y]: [number, number], half: number) {
  const ring = [
    [x - half, y - half],
    [x + half, y - half],
    [x + half, y + half],
    [x - half, y + half],
    [x - half, y - half],
  ];
  return { geojson: JSON.stringify({ type: 'Polygon', coordinates: [ring] }), srid: 28992 };
}

describe('geography changed by another process: seen by locator, routing and intake without restart', () => {
  let db: Db;
  let other: Db;
  const clock = fixedClock(TEST_NOW);
  const grooteMarktRd = toRd(GROTE_MARKT.coordinates[0], GROTE_MARKT.coordinates[1]);
  const intake = (handle: Db = db) =>
    createReport(
      { db: handle, clock },
      {
        body: { category: 'hondenpoep', description: 'Hondenpoep bij de kerk.', location: GROTE_MARKT },
        contentCrs: undefined,
        caller: { staff: null, ip: '198.51.100.7' },
        idempotencyKey: undefined,
      },
    );
  const storedPlace = async (id: string) =>
    (
      await db.query<{ district: string; neighbourhood: string | null }>(
        'SELECT district_code AS district, neighbourhood_code AS neighbourhood FROM reports WHERE id = $1',
        [id],
      )
    ).rows[0];

  before(async () => {
    db = await openTestDb();
    other = await anotherProcess(db);
  });
  after(async () => {
    await other.close();
    await db.close();
  });

  it('places the Grote Markt in Oude Stad before the import (caches warm)', async () => {
    const created = await intake();
    assert.equal(created.report.district.code, 'WK039201');
    assert.equal((await locatePoint({ db }, GROTE_MARKT)).districtCode, 'WK039201');
  });

  it('after another process imports a new district there, intake, the locator and routing use it', async () => {
    await importGeography(
      { db: other },
      {
        municipality: { code: HAARLEM, name: 'Haarlem' },
        // Its code sorts before WK039201, so on the overlap it decides (see the locator's border rule).
        districts: [
          {
            code: 'WK039200',
            name: 'Proefwijk',
            municipalityCode: HAARLEM,
            municipalityName: 'Haarlem',
            population: null,
            waterOnly: false,
            geometry: squareAround(grooteMarktRd, 100),
          },
        ],
        neighbourhoods: [
          {
            code: 'BU03920000',
            name: 'Proefbuurt',
            districtCode: 'WK039200',
            municipalityCode: HAARLEM,
            waterOnly: false,
            geometry: squareAround(grooteMarktRd, 100),
          },
        ],
      },
    );
    // Intake first: its first attempt uses the cached locator and routing data unchecked.
    const created = await intake();
    assert.equal(created.report.district.code, 'WK039200');
    assert.deepEqual(await storedPlace(created.report.id), { district: 'WK039200', neighbourhood: 'BU03920000' });
    const located = await locatePoint({ db }, GROTE_MARKT);
    assert.equal(located.districtCode, 'WK039200');
    assert.equal(located.neighbourhoodCode, 'BU03920000');
    const snapshot = await loadRoutingSnapshot(db, HAARLEM, 'WK039200');
    assert.equal(snapshot.district.name, 'Proefwijk');
  });

  it('sees a neighbourhood-only change made with plain SQL by another process', async () => {
    await other.transaction(async (tx) => {
      const away: [number, number] = [grooteMarktRd[0] + 1000, grooteMarktRd[1]];
      await tx.query(
        `UPDATE neighbourhoods SET geom = ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($1), 28992)) WHERE code = 'BU03920000'`,
        [squareAround(away, 50).geojson],
      );
      await tx.query(
        `INSERT INTO neighbourhoods (code, municipality_code, district_code, name, geom)
         VALUES ('BU03920001', $1, 'WK039200', 'Proefbuurt Markt', ST_Multi(ST_SetSRID(ST_GeomFromGeoJSON($2), 28992)))`,
        [HAARLEM, squareAround(grooteMarktRd, 100).geojson],
      );
    });
    // Someone looks at routing first: its cached data is then newer than the cached locator, and the
    // insert's version check alone would pass an intake placed on the old neighbourhoods.
    assert.equal((await loadRoutingSnapshot(db, HAARLEM, 'WK039200')).district.code, 'WK039200');
    const created = await intake();
    assert.deepEqual(await storedPlace(created.report.id), { district: 'WK039200', neighbourhood: 'BU03920001' });
    assert.equal((await locatePoint({ db }, GROTE_MARKT)).neighbourhoodName, 'Proefbuurt Markt');
  });

  it('still costs an intake one statement while nothing changed', async () => {
    const statements: string[] = [];
    const counting: Db = {
      ...db,
      query: (sql: string, params?: readonly unknown[], options?: QueryOptions) => {
        statements.push(sql);
        return db.query(sql, params, options);
      },
    } as Db;
    await intake(counting); // fills this handle's caches
    statements.length = 0;
    const created = await intake(counting);
    assert.equal(created.report.district.code, 'WK039200');
    assert.equal(statements.length, 1, `one statement (the insert), saw: ${statements.map((s) => s.slice(0, 40))}`);
  });
});
