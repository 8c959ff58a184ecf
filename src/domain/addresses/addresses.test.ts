import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { buildApp } from '../../http/app.ts';
import { fixedClock } from '../../shared/clock.ts';
import { testApp, testConfig } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { CENTRUM, ensureHaarlem } from '../../../test/support/fieldwork-world.ts';

const fixtures = join(import.meta.dirname, '../../../test/fixtures/pdok-locatieserver');
const fixture = (name: string) => readFileSync(join(fixtures, name), 'utf8');
const lookups: Record<string, string> = {
  'adr-6f1c2f8e9f0b4c3e8a1d5b7c9e2f4a60': 'lookup-grote-markt.json',
  'adr-1d2c3b4a5f6e47d8c9b0a1f2e3d4c5b6': 'lookup-amsterdam-dam.json',
};

/** Serves recorded PDOK responses on 127.0.0.1 and remembers what was asked. */
function recordedPdok(): Promise<{ server: Server; baseUrl: string; requests: URL[] }> {
  const requests: URL[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    response.setHeader('content-type', 'application/json');
    if (url.pathname.endsWith('/suggest')) return response.end(fixture('suggest-grote-markt.json'));
    if (url.pathname.endsWith('/lookup'))
      return response.end(fixture(lookups[url.searchParams.get('id') ?? ''] ?? 'lookup-unknown.json'));
    response.statusCode = 404;
    response.end('{}');
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        server,
        requests,
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/bzk/locatieserver/search/v3_1`,
      }),
    ),
  );
}

/** A port that was open a moment ago and is closed now: connection refused. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('address search (PDOK Locatieserver, recorded responses)', () => {
  let db: Db;
  let pdok: Awaited<ReturnType<typeof recordedPdok>>;
  let app: App;
  let hanging: Server;

  before(async () => {
    db = await openTestDb({ empty: true });
    await ensureHaarlem(db);
    pdok = await recordedPdok();
    app = await testApp(db, { env: { PDOK_LOCATIESERVER_URL: pdok.baseUrl } });
    hanging = createServer(() => {});
    await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', resolve));
  });
  after(async () => {
    await app.close();
    await db.close();
    pdok.server.close();
    hanging.closeAllConnections();
    hanging.close();
  });

  it('suggests addresses in the municipality, asking PDOK for addresses of that gemeentecode only', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/addresses/suggest?q=grote%20markt%202&municipalityCode=GM0392&limit=5',
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json().items[0], {
      id: 'adr-6f1c2f8e9f0b4c3e8a1d5b7c9e2f4a60',
      label: 'Grote Markt 2, 2011RD Haarlem',
    });
    assert.equal(response.json().items.length, 3);
    const asked = pdok.requests.at(-1)!;
    assert.match(asked.pathname, /\/suggest$/);
    assert.equal(asked.searchParams.get('q'), 'grote markt 2');
    assert.deepEqual(asked.searchParams.getAll('fq'), ['type:adres', 'gemeentecode:0392']);
    assert.equal(asked.searchParams.get('rows'), '5');
  });

  it('drops search-engine syntax from what the user typed', async () => {
    await app.inject({
      method: 'GET',
      url: `/api/v1/addresses/suggest?q=${encodeURIComponent('grote* markt:2 (OR)')}&municipalityCode=GM0392`,
    });
    assert.equal(pdok.requests.at(-1)!.searchParams.get('q'), 'grote markt 2 OR');
  });

  it('looks up an address: label, CRS84 point and the district from our own polygons', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/addresses/adr-6f1c2f8e9f0b4c3e8a1d5b7c9e2f4a60' });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), {
      id: 'adr-6f1c2f8e9f0b4c3e8a1d5b7c9e2f4a60',
      label: 'Grote Markt 2, 2011RD Haarlem',
      location: { type: 'Point', coordinates: [4.63628, 52.38125] },
      districtCode: CENTRUM,
    });
    assert.match(String(response.headers['content-crs']), /CRS84/);
  });

  it('says so when the address lies outside the municipalities served (422) and when PDOK does not know it (404)', async () => {
    const outside = await app.inject({ method: 'GET', url: '/api/v1/addresses/adr-1d2c3b4a5f6e47d8c9b0a1f2e3d4c5b6' });
    assert.equal(outside.statusCode, 422);
    assert.match(outside.json().detail, /buiten de gemeente/);
    const unknown = await app.inject({ method: 'GET', url: '/api/v1/addresses/adr-00000000000000000000000000000000' });
    assert.equal(unknown.statusCode, 404);
  });

  it('validates the query with every problem listed', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/addresses/suggest?q=a&municipalityCode=Haarlem' });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['querystring.municipalityCode', 'querystring.q'],
    );
  });

  it('answers 503 problem+json "tap the map instead" when PDOK is unreachable', async () => {
    const port = await closedPort();
    const offline = await testApp(db, { env: { PDOK_LOCATIESERVER_URL: `http://127.0.0.1:${port}/search/v3_1` } });
    try {
      for (const url of [
        '/api/v1/addresses/suggest?q=grote%20markt&municipalityCode=GM0392',
        '/api/v1/addresses/adr-6f1c2f8e9f0b4c3e8a1d5b7c9e2f4a60',
      ]) {
        const response = await offline.inject({ method: 'GET', url });
        assert.equal(response.statusCode, 503, response.body);
        assert.match(String(response.headers['content-type']), /application\/problem\+json/);
        assert.match(response.json().detail, /Adres zoeken is nu niet beschikbaar/);
        assert.match(response.json().detail, /tap the place on the map/);
      }
    } finally {
      await offline.close();
    }
  });

  it('answers 503 when PDOK does not answer within the timeout', async () => {
    const port = (hanging.address() as AddressInfo).port;
    const slow = await testApp(db, {
      env: { PDOK_LOCATIESERVER_URL: `http://127.0.0.1:${port}/search/v3_1`, PDOK_TIMEOUT_MS: '200' },
    });
    try {
      const started = Date.now();
      const response = await slow.inject({
        method: 'GET',
        url: '/api/v1/addresses/suggest?q=grote%20markt&municipalityCode=GM0392',
      });
      assert.equal(response.statusCode, 503);
      assert.ok(Date.now() - started < 2000);
    } finally {
      await slow.close();
    }
  });

  it('rate-limits the public address routes', async () => {
    const limited = await testApp(db, {
      env: { PDOK_LOCATIESERVER_URL: pdok.baseUrl, ADDRESS_SEARCH_RATE_LIMIT_PER_MINUTE: '2' },
    });
    try {
      const url = '/api/v1/addresses/suggest?q=grote%20markt&municipalityCode=GM0392';
      const statuses = [];
      for (let i = 0; i < 3; i++) statuses.push((await limited.inject({ method: 'GET', url })).statusCode);
      assert.deepEqual(statuses, [200, 200, 429]);
    } finally {
      await limited.close();
    }
  });

  it('keeps address ids out of the request log', async () => {
    const lines: string[] = [];
    const logged = await buildApp(
      {
        db,
        clock: fixedClock('2026-11-24T09:00:00+01:00'),
        config: testConfig({ LOG_LEVEL: 'info', PDOK_LOCATIESERVER_URL: pdok.baseUrl }),
      },
      { logger: true, logStream: { write: (line) => lines.push(line) } },
    );
    try {
      await logged.inject({ method: 'GET', url: '/api/v1/addresses/adr-6f1c2f8e9f0b4c3e8a1d5b7c9e2f4a60' });
      await logged.inject({ method: 'GET', url: `/api/v1/public/districts/${CENTRUM}/meetings` });
    } finally {
      await logged.close();
    }
    const output = lines.join('');
    assert.match(output, /WK039201\/meetings/, 'request logging is on');
    assert.doesNotMatch(output, /adr-6f1c2f8e/);
  });
});
