import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { testApp, testConfig } from '../../../test/support/app.ts';
import { toCrs84 } from './crs.ts';
import { seedHaarlemGeography } from '../../db/seed/haarlem-geography.ts';

type Position = number[];
const positionsOf = (geometry: { type: string; coordinates: unknown }): Position[] =>
  ((geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as Position[][][]).flat(2);

describe('geography routes (public)', () => {
  let db: Db;
  let app: App;
  let oudeStad: { x: number; y: number };

  before(async () => {
    db = await openTestDb({ empty: true });
    await seedHaarlemGeography({ db }, testConfig().SHARED_DATA_DIR);
    app = await testApp(db);
    oudeStad = (
      await db.query<{ x: number; y: number }>(
        `SELECT ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y FROM districts WHERE code = 'WK039201'`,
      )
    ).rows[0]!;
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('lists municipalities and shows one, without login', async () => {
    const list = await app.inject({ method: 'GET', url: '/api/v1/municipalities' });
    assert.equal(list.statusCode, 200);
    const haarlem = list.json().municipalities.find((m: { code: string }) => m.code === 'GM0392');
    assert.deepEqual(haarlem, {
      code: 'GM0392',
      name: 'Haarlem',
      slug: 'haarlem',
      jurisdictionId: 'haarlem.nl',
      timezone: 'Europe/Amsterdam',
      boroughCount: 5,
      districtCount: 21,
      neighbourhoodCount: 111,
      population: 167635,
    });
    const one = await app.inject({ method: 'GET', url: '/api/v1/municipalities/GM0392' });
    assert.deepEqual(one.json(), haarlem);
    const missing = await app.inject({ method: 'GET', url: '/api/v1/municipalities/GM9999' });
    assert.equal(missing.statusCode, 404);
    assert.match(String(missing.headers['content-type']), /application\/problem\+json/);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/municipalities/haarlem' });
    assert.equal(bad.statusCode, 400);
  });

  it('lists the 5 boroughs with their districts', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/municipalities/GM0392/boroughs' });
    assert.equal(response.statusCode, 200);
    const boroughs = response.json().boroughs as Array<{ code: string; districtCodes: string[]; population: number }>;
    assert.deepEqual(
      boroughs.map((b) => b.code),
      ['centrum', 'noord', 'oost', 'schalkwijk', 'zuid-west'],
    );
    assert.deepEqual(boroughs.find((b) => b.code === 'schalkwijk')!.districtCodes, [
      'WK039218',
      'WK039219',
      'WK039220',
      'WK039221',
    ]);
    assert.equal(
      boroughs.reduce((sum, b) => sum + b.population, 0),
      167635,
    );
  });

  it('serves districts as GeoJSON in CRS84 by default, with Content-Crs', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/municipalities/GM0392/districts' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-crs'], '<http://www.opengis.net/def/crs/OGC/1.3/CRS84>');
    const collection = response.json();
    assert.equal(collection.type, 'FeatureCollection');
    assert.equal(collection.features.length, 21);
    const first = collection.features[0];
    assert.equal(first.id, 'WK039201');
    assert.deepEqual(first.properties, {
      code: 'WK039201',
      name: 'Oude Stad',
      municipalityCode: 'GM0392',
      boroughCode: 'centrum',
      boroughName: 'Centrum',
      population: 14745,
    });
    for (const [lon, lat] of positionsOf(first.geometry))
      assert.ok(lon! > 4.5 && lon! < 4.8 && lat! > 52.3 && lat! < 52.5);
  });

  it('serves RD New on crs=EPSG:28992 (or Accept-Crs) and simplifies on request', async () => {
    const rd = await app.inject({ method: 'GET', url: '/api/v1/municipalities/GM0392/districts?crs=EPSG:28992' });
    assert.equal(rd.statusCode, 200);
    assert.equal(rd.headers['content-crs'], '<http://www.opengis.net/def/crs/EPSG/0/28992>');
    const full = rd
      .json()
      .features.flatMap((f: { geometry: { type: string; coordinates: unknown } }) => positionsOf(f.geometry));
    for (const [x, y] of full) assert.ok(x! > 95000 && x! < 115000 && y! > 480000 && y! < 500000);
    const header = await app.inject({
      method: 'GET',
      url: '/api/v1/municipalities/GM0392/districts',
      headers: { 'accept-crs': 'http://www.opengis.net/def/crs/EPSG/0/28992' },
    });
    assert.equal(header.headers['content-crs'], '<http://www.opengis.net/def/crs/EPSG/0/28992>');
    const simplified = await app.inject({
      method: 'GET',
      url: '/api/v1/municipalities/GM0392/districts?crs=EPSG:28992&simplify=25',
    });
    const fewer = simplified
      .json()
      .features.flatMap((f: { geometry: { type: string; coordinates: unknown } }) => positionsOf(f.geometry));
    assert.ok(fewer.length < full.length / 2, `${fewer.length} of ${full.length} positions after simplify`);
  });

  it('refuses EPSG:4326, unknown CRSs and a negative tolerance with a 400 problem', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/municipalities/GM0392/districts?crs=EPSG:4326' });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    assert.equal(response.json().invalidParams[0].name, 'query.crs');
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/districts/WK039201?crs=EPSG:3857' });
    assert.equal(unknown.statusCode, 400);
    assert.match(unknown.json().detail, /Unsupported coordinate reference system/);
    const negative = await app.inject({ method: 'GET', url: '/api/v1/municipalities/GM0392/districts?simplify=-1' });
    assert.equal(negative.statusCode, 400);
  });

  it('serves one district as a Feature, 404 for an unknown one', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/districts/WK039221?crs=EPSG:28992' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['content-crs'], '<http://www.opengis.net/def/crs/EPSG/0/28992>');
    const feature = response.json();
    assert.equal(feature.type, 'Feature');
    assert.equal(feature.properties.name, 'Meerwijk');
    assert.equal(feature.properties.boroughCode, 'schalkwijk');
    const missing = await app.inject({ method: 'GET', url: '/api/v1/districts/WK039299' });
    assert.equal(missing.statusCode, 404);
  });

  it('serves the 111 neighbourhoods with their district', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/municipalities/GM0392/neighbourhoods?simplify=5',
    });
    assert.equal(response.statusCode, 200);
    assert.ok(response.headers['content-crs']);
    const features = response.json().features;
    assert.equal(features.length, 111);
    assert.deepEqual(features[0].properties, { code: 'BU03920101', name: 'Stationsbuurt', districtCode: 'WK039201' });
  });

  it('locates lon/lat and RD x/y to the same district', async () => {
    const [lon, lat] = toCrs84(oudeStad.x, oudeStad.y);
    const byLonLat = await app.inject({ method: 'GET', url: `/api/v1/locate?lon=${lon}&lat=${lat}` });
    assert.equal(byLonLat.statusCode, 200);
    assert.equal(byLonLat.json().districtCode, 'WK039201');
    assert.equal(byLonLat.json().boroughCode, 'centrum');
    const byRd = await app.inject({
      method: 'GET',
      url: `/api/v1/locate?x=${oudeStad.x}&y=${oudeStad.y}&crs=EPSG:28992`,
    });
    assert.deepEqual(byRd.json(), byLonLat.json());
    const byEtrs89 = await app.inject({ method: 'GET', url: `/api/v1/locate?x=${lon}&y=${lat}&crs=EPSG:4258` });
    assert.deepEqual(byEtrs89.json(), byLonLat.json());
    const otherCity = await app.inject({
      method: 'GET',
      url: `/api/v1/locate?lon=${lon}&lat=${lat}&municipalityCode=GM0363`,
    });
    assert.equal(otherCity.statusCode, 422);
  });

  it('answers 422 outside the municipality and 400 for missing or mixed coordinates', async () => {
    const dam = await app.inject({ method: 'GET', url: '/api/v1/locate?lon=4.8925&lat=52.3731' });
    assert.equal(dam.statusCode, 422);
    assert.match(String(dam.headers['content-type']), /application\/problem\+json/);
    assert.equal(dam.json().code, 'outside_municipality');
    const none = await app.inject({ method: 'GET', url: '/api/v1/locate' });
    assert.equal(none.statusCode, 400);
    const half = await app.inject({ method: 'GET', url: '/api/v1/locate?lon=4.63' });
    assert.equal(half.statusCode, 400);
    assert.deepEqual(
      half.json().invalidParams.map((p: { name: string }) => p.name),
      ['query.lat'],
    );
    const swapped = await app.inject({ method: 'GET', url: '/api/v1/locate?lon=52.38&lat=4.63' });
    assert.equal(swapped.statusCode, 400);
    assert.match(swapped.json().detail, /swapped/);
  });

  it('documents the routes in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    for (const path of [
      '/municipalities',
      '/municipalities/{municipalityCode}/districts',
      '/districts/{districtCode}',
      '/locate',
    ]) {
      assert.ok(doc.paths[path], path);
    }
  });
});
