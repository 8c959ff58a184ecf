import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/db.ts';
import { openTestDb } from '../../test/support/db.ts';
import { getDistrictLocator, importGeographyFromSource } from '../domain/geography/index.ts';
import { DomainError } from '../shared/errors.ts';
import { PdokCbsClient } from './pdok-cbs.ts';

const fixtureDir = new URL('../../test/fixtures/pdok/', import.meta.url);
const recorded: Record<string, { features: unknown[] }> = {
  'wijkenbuurten:wijken': JSON.parse(readFileSync(new URL('wijken-gm0392.json', fixtureDir), 'utf8')),
  'wijkenbuurten:buurten': JSON.parse(readFileSync(new URL('buurten-gm0392.json', fixtureDir), 'utf8')),
};

/** Plays the recorded WFS answers back like the service: honours typeName, count and startIndex. */
function startRecordedWfs(requests: URL[], mode: { broken?: boolean; ignoreFilter?: boolean } = {}): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    if (mode.broken) {
      res.writeHead(200, { 'content-type': 'text/xml' });
      res.end('<ows:ExceptionReport><ows:Exception exceptionCode="InvalidParameterValue"/></ows:ExceptionReport>');
      return;
    }
    const layer = recorded[url.searchParams.get('typeName') ?? ''];
    if (!layer) {
      res.writeHead(400).end();
      return;
    }
    const start = Number(url.searchParams.get('startIndex') ?? 0);
    const count = Number(url.searchParams.get('count') ?? 1000);
    const foreign = {
      type: 'Feature',
      id: 'wijken.1',
      geometry: null,
      properties: { wijkcode: 'WK036300', wijknaam: 'Burgwallen-Oude Zijde', gemeentecode: 'GM0363', water: 'NEE' },
    };
    const all = mode.ignoreFilter ? [foreign, ...layer.features] : layer.features;
    const features = all.slice(start, start + count);
    res.writeHead(200, { 'content-type': 'application/json; subtype=geojson' });
    res.end(JSON.stringify({ ...layer, numberMatched: all.length, numberReturned: features.length, features }));
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

const baseUrlOf = (server: Server) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}/cbs/wijkenbuurten/2024/wfs/v1_0`;

describe('PDOK CBS WFS adapter (recorded responses, local server)', () => {
  let db: Db;
  let server: Server;
  const requests: URL[] = [];

  before(async () => {
    db = await openTestDb({ empty: true });
    server = await startRecordedWfs(requests);
  });
  after(async () => {
    server.close();
    await db.close();
  });

  it('asks for GeoJSON in RD New filtered on the municipality, page by page', async () => {
    const client = new PdokCbsClient({ baseUrl: baseUrlOf(server), pageSize: 2 });
    requests.length = 0;
    const collection = (await client.fetchDistricts('GM0392')) as unknown as {
      features: Array<{ properties: { wijkcode: string } }>;
      crs: unknown;
    };
    assert.deepEqual(
      collection.features.map((f) => f.properties.wijkcode),
      ['WK039201', 'WK039202', 'WK039203', 'WK039290'],
    );
    assert.deepEqual(collection.crs, { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::28992' } });
    assert.deepEqual(
      requests.map((r) => r.searchParams.get('startIndex')),
      ['0', '2'],
    );
    const first = requests[0]!;
    assert.equal(first.pathname, '/cbs/wijkenbuurten/2024/wfs/v1_0');
    assert.equal(first.searchParams.get('service'), 'WFS');
    assert.equal(first.searchParams.get('version'), '2.0.0');
    assert.equal(first.searchParams.get('request'), 'GetFeature');
    assert.equal(first.searchParams.get('typeName'), 'wijkenbuurten:wijken');
    assert.equal(first.searchParams.get('outputFormat'), 'json');
    assert.equal(first.searchParams.get('srsName'), 'EPSG:28992');
    assert.equal(first.searchParams.get('count'), '2');
    assert.match(
      first.searchParams.get('filter') ?? '',
      /<PropertyName>gemeentecode<\/PropertyName><Literal>GM0392<\/Literal>/,
    );
  });

  it('imports wijken and buurten of a municipality, skipping water-only wijken', async () => {
    const client = new PdokCbsClient({ baseUrl: baseUrlOf(server), pageSize: 3 });
    const progress: number[] = [];
    const result = await importGeographyFromSource(
      { db, source: client },
      { code: 'GM0392', jurisdictionId: 'haarlem.nl' },
      (done) => progress.push(done),
    );
    assert.equal(result.municipalityCode, 'GM0392');
    assert.equal(result.districts, 3);
    assert.equal(result.neighbourhoods, recorded['wijkenbuurten:buurten']!.features.length);
    assert.deepEqual(result.skipped, [{ code: 'WK039290', reason: 'water only' }]);
    assert.equal(progress.at(-1), 3 + result.neighbourhoods);

    const municipality = (
      await db.query('SELECT name, slug, jurisdiction_id FROM municipalities WHERE code = $1', ['GM0392'])
    ).rows[0];
    assert.deepEqual(municipality, { name: 'Haarlem', slug: 'haarlem', jurisdiction_id: 'haarlem.nl' });
    const districts = (
      await db.query<{ code: string; name: string; population: number }>(
        `SELECT code, name, population FROM districts WHERE code IN ('WK039201','WK039202','WK039203','WK039290') ORDER BY code`,
      )
    ).rows;
    assert.deepEqual(districts, [
      { code: 'WK039201', name: 'Oude Stad', population: 14745 },
      { code: 'WK039202', name: 'Haarlemmerhoutkwartier', population: 13090 },
      { code: 'WK039203', name: 'Zijlwegkwartier', population: 8295 },
    ]);
    const locator = await getDistrictLocator(db);
    const inside = (
      await db.query<{ x: number; y: number }>(
        `SELECT ST_X(ST_PointOnSurface(geom)) AS x, ST_Y(ST_PointOnSurface(geom)) AS y FROM districts WHERE code = 'WK039202'`,
      )
    ).rows[0]!;
    assert.equal(locator.locate(inside.x, inside.y)?.districtCode, 'WK039202');
  });

  it('drops features of other municipalities when a server ignores the filter', async () => {
    const ignoring = await startRecordedWfs([], { ignoreFilter: true });
    try {
      const client = new PdokCbsClient({ baseUrl: baseUrlOf(ignoring) });
      const collection = (await client.fetchDistricts('GM0392')) as unknown as {
        features: Array<{ properties: { gemeentecode: string } }>;
      };
      assert.equal(collection.features.length, 4);
      assert.ok(collection.features.every((f) => f.properties.gemeentecode === 'GM0392'));
    } finally {
      ignoring.close();
    }
  });

  it('reports an unreachable or misbehaving service as unavailable', async () => {
    const brokenRequests: URL[] = [];
    const broken = await startRecordedWfs(brokenRequests, { broken: true });
    try {
      const client = new PdokCbsClient({ baseUrl: baseUrlOf(broken) });
      await assert.rejects(
        client.fetchDistricts('GM0392'),
        (error: unknown) =>
          error instanceof DomainError && error.code === 'unavailable' && /did not return GeoJSON/.test(error.detail),
      );
    } finally {
      broken.close();
    }
    const closedPort = new PdokCbsClient({ baseUrl: 'http://127.0.0.1:9/wfs', timeoutMs: 2000 });
    await assert.rejects(
      closedPort.fetchDistricts('GM0392'),
      (error: unknown) => error instanceof DomainError && error.code === 'unavailable',
    );
    await assert.rejects(
      closedPort.fetchDistricts('0392'),
      (error: unknown) => error instanceof DomainError && error.code === 'validation',
    );
  });
});
