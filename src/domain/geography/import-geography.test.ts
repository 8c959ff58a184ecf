import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { testConfig } from '../../../test/support/app.ts';
import { DomainError } from '../../shared/errors.ts';
import { getDistrictLocator } from './district-locator.ts';
import { parseFeatureCollection, readDistricts, readNeighbourhoods } from './cbs-geojson.ts';
import { importGeography, importGeographyFromFiles } from './import-geography.ts';
import { seedHaarlemGeography } from '../../db/seed/haarlem-geography.ts';

const haarlemDir = join(testConfig().SHARED_DATA_DIR, 'haarlem');

async function snapshot(db: Db) {
  const counts = (
    await db.query<{ boroughs: number; districts: number; neighbourhoods: number; population: number }>(
      `SELECT (SELECT count(*)::int FROM boroughs) AS boroughs, (SELECT count(*)::int FROM districts) AS districts,
            (SELECT count(*)::int FROM neighbourhoods) AS neighbourhoods, (SELECT sum(population)::int FROM districts) AS population`,
    )
  ).rows[0]!;
  const districts = (
    await db.query<{ code: string; borough: string | null; hash: string }>(
      `SELECT d.code, b.code AS borough, md5(ST_AsEWKB(d.geom)::text) AS hash FROM districts d LEFT JOIN boroughs b ON b.id = d.borough_id ORDER BY d.code`,
    )
  ).rows;
  const boroughIds = (await db.query<{ id: string; code: string }>('SELECT id, code FROM boroughs ORDER BY code')).rows;
  return { counts, districts, boroughIds };
}

describe('importing geography', () => {
  let db: Db;
  const progress: Array<[number, number]> = [];

  before(async () => {
    db = await openTestDb({ empty: true });
    await seedHaarlemGeography({ db }, testConfig().SHARED_DATA_DIR, (done, total) => progress.push([done, total]));
  });
  after(async () => {
    await db.close();
  });

  it('loads Haarlem: 5 boroughs, 21 districts, 111 neighbourhoods, 167,635 inhabitants', async () => {
    const { counts, districts } = await snapshot(db);
    assert.deepEqual(counts, { boroughs: 5, districts: 21, neighbourhoods: 111, population: 167635 });
    const municipality = (await db.query('SELECT code, name, slug, jurisdiction_id FROM municipalities')).rows;
    assert.deepEqual(municipality, [
      { code: 'GM0392', name: 'Haarlem', slug: 'haarlem', jurisdiction_id: 'haarlem.nl' },
    ]);
    const boroughOf = Object.fromEntries(districts.map((d) => [d.code, d.borough]));
    assert.equal(boroughOf.WK039201, 'centrum');
    assert.equal(boroughOf.WK039205, 'zuid-west');
    assert.equal(boroughOf.WK039209, 'oost');
    assert.equal(boroughOf.WK039217, 'noord');
    assert.equal(boroughOf.WK039218, 'schalkwijk');
  });

  it('stores valid RD New multipolygons and borough outlines as unions of their districts', async () => {
    const check = (
      await db.query<{ invalid: number; srids: number[]; types: string[]; gap: number }>(
        `SELECT (SELECT count(*)::int FROM districts WHERE NOT ST_IsValid(geom)) + (SELECT count(*)::int FROM neighbourhoods WHERE NOT ST_IsValid(geom)) AS invalid,
              (SELECT array_agg(DISTINCT ST_SRID(geom)) FROM districts) AS srids,
              (SELECT array_agg(DISTINCT GeometryType(geom)) FROM neighbourhoods) AS types,
              (SELECT abs(sum(ST_Area(geom)) - (SELECT sum(ST_Area(geom)) FROM districts)) FROM boroughs) AS gap`,
      )
    ).rows[0]!;
    assert.equal(check.invalid, 0);
    assert.deepEqual(check.srids, [28992]);
    assert.deepEqual(check.types, ['MULTIPOLYGON']);
    assert.ok(check.gap < 1, `borough area equals district area (gap ${check.gap} m²)`);
  });

  it('reports progress up to the total', () => {
    assert.deepEqual(progress[0], [0, 137]);
    assert.deepEqual(progress.at(-1), [137, 137]);
  });

  it('is idempotent: a second import changes nothing and keeps borough ids', async () => {
    const before = await snapshot(db);
    const result = await seedHaarlemGeography({ db }, testConfig().SHARED_DATA_DIR);
    assert.deepEqual(result, {
      municipalityCode: 'GM0392',
      boroughs: 5,
      districts: 21,
      neighbourhoods: 111,
      skipped: [],
    });
    assert.deepEqual(await snapshot(db), before);
  });

  it('gives the same districts from the CRS84 files as from the RD files, and keeps boroughs without a boroughs file', async () => {
    const rdAreas = (
      await db.query<{ code: string; area: number }>('SELECT code, ST_Area(geom) AS area FROM districts ORDER BY code')
    ).rows;
    await importGeographyFromFiles(
      { db },
      {
        districts: join(haarlemDir, 'wijken-2024.wgs84.geojson'),
        neighbourhoods: join(haarlemDir, 'buurten-2024-generalised.wgs84.geojson'),
      },
    );
    const wgsAreas = (
      await db.query<{ code: string; area: number; borough: string | null }>(
        'SELECT d.code, ST_Area(d.geom) AS area, b.code AS borough FROM districts d LEFT JOIN boroughs b ON b.id = d.borough_id ORDER BY d.code',
      )
    ).rows;
    assert.equal(wgsAreas.length, 21);
    for (const [i, row] of wgsAreas.entries()) {
      assert.equal(row.code, rdAreas[i]!.code);
      assert.ok(Math.abs(row.area - rdAreas[i]!.area) / rdAreas[i]!.area < 0.001, `${row.code} area within 0.1%`);
      assert.ok(row.borough, `${row.code} keeps its borough`);
    }
    await seedHaarlemGeography({ db }, testConfig().SHARED_DATA_DIR);
  });

  it('rebuilds the cached locator after an import', async () => {
    const before = await getDistrictLocator(db);
    await seedHaarlemGeography({ db }, testConfig().SHARED_DATA_DIR);
    // Even unchecked: the import in this process dropped the cached one.
    assert.notEqual(await getDistrictLocator(db, { verify: false }), before);
  });

  it('refuses RD coordinates without a crs member and malformed features before writing anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wijkpost-geo-'));
    const rd = JSON.parse(readFileSync(join(haarlemDir, 'wijken-2024.rd.geojson'), 'utf8'));
    delete rd.crs;
    writeFileSync(join(dir, 'no-crs.geojson'), JSON.stringify(rd));
    await assert.rejects(
      importGeographyFromFiles({ db }, { districts: join(dir, 'no-crs.geojson') }),
      (error: unknown) =>
        error instanceof DomainError && error.code === 'validation' && /no crs member/.test(error.detail),
    );
    const broken = JSON.parse(readFileSync(join(haarlemDir, 'wijken-2024.rd.geojson'), 'utf8'));
    broken.features[0].properties.wijknaam = 'Renamed before the failure';
    broken.features[1].geometry = { type: 'Point', coordinates: [104000, 488000] };
    writeFileSync(join(dir, 'broken.geojson'), JSON.stringify(broken));
    await assert.rejects(
      importGeographyFromFiles({ db }, { districts: join(dir, 'broken.geojson') }),
      /no Polygon or MultiPolygon/,
    );
    const name = (
      await db.query<{ name: string }>(`SELECT name FROM districts WHERE code = $1`, [
        broken.features[0].properties.wijkcode,
      ])
    ).rows[0]!.name;
    assert.notEqual(name, 'Renamed before the failure');
    await assert.rejects(importGeographyFromFiles({ db }, { districts: join(dir, 'missing.geojson') }), /Cannot read/);
  });

  it('skips water-only wijken and rolls back the whole import when the database refuses a row', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wijkpost-geo-'));
    const wijken = JSON.parse(readFileSync(join(haarlemDir, 'wijken-2024.rd.geojson'), 'utf8'));
    wijken.features[0].properties.water = 'JA';
    writeFileSync(join(dir, 'water.geojson'), JSON.stringify(wijken));
    const before = await snapshot(db);
    const result = await importGeographyFromFiles({ db }, { districts: join(dir, 'water.geojson') });
    assert.equal(result.districts, 20);
    assert.deepEqual(result.skipped, [{ code: wijken.features[0].properties.wijkcode, reason: 'water only' }]);

    const buurten = JSON.parse(readFileSync(join(haarlemDir, 'buurten-2024-generalised.rd.geojson'), 'utf8'));
    buurten.features[0].properties.statnaam = null; // falls back to the code: allowed
    buurten.features[1].geometry.coordinates = [
      [
        [0, 0],
        [1, 1],
      ],
    ];
    writeFileSync(join(dir, 'short-ring.geojson'), JSON.stringify(buurten));
    await assert.rejects(
      importGeographyFromFiles(
        { db },
        { districts: join(haarlemDir, 'wijken-2024.rd.geojson'), neighbourhoods: join(dir, 'short-ring.geojson') },
      ),
      /malformed polygon/,
    );
    // A closed but collapsed ring passes the file check; the database refuses the empty area
    // after the districts and earlier buurten were written.
    buurten.features[1].geometry.coordinates = [
      [
        [104000, 488000],
        [104100, 488100],
        [104200, 488200],
        [104000, 488000],
      ],
    ];
    writeFileSync(join(dir, 'collapsed.geojson'), JSON.stringify(buurten));
    await assert.rejects(
      importGeographyFromFiles(
        { db },
        { districts: join(haarlemDir, 'wijken-2024.rd.geojson'), neighbourhoods: join(dir, 'collapsed.geojson') },
      ),
      /neighbourhoods_geom_valid/,
    );
    const after = await snapshot(db);
    assert.deepEqual(after, before);
    const firstBuurt = (
      await db.query<{ name: string }>('SELECT name FROM neighbourhoods WHERE code = $1', [
        buurten.features[0].properties.statcode,
      ])
    ).rows[0]!;
    assert.notEqual(firstBuurt.name, buurten.features[0].properties.statcode);
  });
  it('refuses, before writing, district and neighbourhood codes that belong to another municipality, naming them', async () => {
    const read = (file: string) => JSON.parse(readFileSync(join(haarlemDir, file), 'utf8'));
    const haarlemDistricts = readDistricts(parseFeatureCollection(read('wijken-2024.rd.geojson'), 'wijken'), 'wijken');
    const elsewhere = { code: 'GM9999', name: 'Elders' };
    const before = await snapshot(db);
    await assert.rejects(
      importGeography(
        { db },
        {
          municipality: elsewhere,
          districts: [
            { ...haarlemDistricts[0]!, municipalityCode: 'GM9999' },
            { ...haarlemDistricts[1]!, municipalityCode: 'GM9999' },
            { ...haarlemDistricts[2]!, code: 'WK999901', municipalityCode: 'GM9999' },
          ],
        },
      ),
      (error: unknown) =>
        error instanceof DomainError &&
        error.code === 'conflict' &&
        error.detail.includes(`${haarlemDistricts[0]!.code} (GM0392)`) &&
        error.detail.includes(`${haarlemDistricts[1]!.code} (GM0392)`) &&
        !error.detail.includes('WK999901'),
    );
    // New district codes, but neighbourhood codes of Haarlem.
    const buurten = readNeighbourhoods(
      parseFeatureCollection(read('buurten-2024-generalised.rd.geojson'), 'buurten'),
      'buurten',
    );
    const buurt = buurten.find((n) => n.districtCode === haarlemDistricts[0]!.code)!;
    await assert.rejects(
      importGeography(
        { db },
        {
          municipality: elsewhere,
          districts: [{ ...haarlemDistricts[0]!, code: 'WK999901', municipalityCode: 'GM9999' }],
          neighbourhoods: [{ ...buurt, districtCode: 'WK999901', municipalityCode: 'GM9999' }],
        },
      ),
      (error: unknown) =>
        error instanceof DomainError && error.code === 'conflict' && error.detail.includes(`${buurt.code} (GM0392)`),
    );
    assert.deepEqual(await snapshot(db), before);
    const created = await db.query(`SELECT 1 FROM municipalities WHERE code = 'GM9999'`);
    assert.equal(created.rows.length, 0);
  });
});
