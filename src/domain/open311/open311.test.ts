/**
 * A black-box test of the Open311 GeoReport v2 server, written from the specification
 * (http://wiki.open311.org/GeoReport_v2) and the choices, over HTTP only: discovery, services, a
 * service definition, POST requests with and without a valid key, GET requests (one and many, each filter),
 * every error case, in JSON and in XML (parsed with fast-xml-parser). Staff endpoints are used only to see
 * where a report went. Address search answers from recorded PDOK responses on 127.0.0.1.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { XMLParser } from 'fast-xml-parser';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { emails, GROTE_MARKT, OUTSIDE_HAARLEM, pointInDistrict } from '../../../test/support/reports-world.ts';

const DEMO_KEY = 'wijkpost-demo-open311';
const fixtures = join(import.meta.dirname, '../../../test/fixtures/pdok-locatieserver');
const GROTE_MARKT_ID = 'adr-6f1c2f8e9f0b4c3e8a1d5b7c9e2f4a60';
const AMSTERDAM_DAM_ID = 'adr-1d2c3b4a5f6e47d8c9b0a1f2e3d4c5b6';

/** Recorded PDOK Locatieserver: every suggestion is Grote Markt; lookups by id. */
function recordedPdok(): Promise<{ server: Server; baseUrl: string }> {
  const lookups: Record<string, string> = {
    [GROTE_MARKT_ID]: 'lookup-grote-markt.json',
    [AMSTERDAM_DAM_ID]: 'lookup-amsterdam-dam.json',
  };
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    response.setHeader('content-type', 'application/json');
    const file = url.pathname.endsWith('/suggest')
      ? 'suggest-grote-markt.json'
      : (lookups[url.searchParams.get('id') ?? ''] ?? 'lookup-unknown.json');
    response.end(readFileSync(join(fixtures, file), 'utf8'));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/search/v3_1` }),
    ),
  );
}

const lists = new Set(['service', 'request', 'error', 'attribute', 'value', 'endpoint', 'format']);
const xml = new XMLParser({ isArray: (name) => lists.has(name), parseTagValue: false });
const form = (fields: Record<string, string | string[]>) => {
  const body = new URLSearchParams();
  for (const [key, value] of Object.entries(fields))
    for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
  return body.toString();
};

describe('Open311 GeoReport v2 (black box, from the specification)', () => {
  let db: Db;
  let app: App;
  let pdok: Awaited<ReturnType<typeof recordedPdok>>;
  let staff: { authorization: string };
  let parkwijk: { type: 'Point'; coordinates: [number, number] };
  const filed: Record<string, string> = {};

  const get = (url: string) => app.inject({ method: 'GET', url });
  const post = (url: string, fields: Record<string, string | string[]>) =>
    app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: form(fields),
    });
  const valid = (overrides: Record<string, string | string[]> = {}) => ({
    api_key: DEMO_KEY,
    service_code: 'hondenpoep',
    lat: String(parkwijk.coordinates[1]),
    long: String(parkwijk.coordinates[0]),
    description: 'Hondenpoep op het grasveld bij de speeltuin',
    ...overrides,
  });
  /** The JSON error list: every entry {code, description}, the code being the HTTP status. */
  const errorsOf = (response: { statusCode: number; json(): unknown }, status: number) => {
    assert.equal(response.statusCode, status, JSON.stringify(response.json()));
    const errors = response.json() as Array<{ code: number; description: string }>;
    assert.ok(Array.isArray(errors) && errors.length > 0);
    for (const error of errors) {
      assert.equal(error.code, status);
      assert.equal(typeof error.description, 'string');
    }
    return errors.map((e) => e.description).join(' | ');
  };

  before(async () => {
    db = await openTestDb();
    pdok = await recordedPdok();
    // The rate limit has its own test below; here every case may post.
    app = await testApp(db, { env: { PDOK_LOCATIESERVER_URL: pdok.baseUrl, REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [emails.coordinator]);
    staff = await bearerFor(db, rows[0]!.id);
    parkwijk = await pointInDistrict(db, 'WK039209');
  });
  after(async () => {
    await app.close();
    await db.close();
    pdok.server.close();
  });

  it('serves the discovery document in JSON and XML, pointing at the v2 endpoint', async () => {
    const json = await get('/open311/discovery.json');
    assert.equal(json.statusCode, 200);
    assert.match(String(json.headers['content-type']), /^application\/json/);
    const endpoint = json.json().endpoints[0];
    assert.equal(endpoint.specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.match(endpoint.url, /\/open311\/v2$/);
    assert.deepEqual([...endpoint.formats].sort(), ['application/json', 'text/xml']);
    assert.ok(!Number.isNaN(Date.parse(json.json().changeset)));

    const response = await get('/open311/discovery.xml');
    assert.match(String(response.headers['content-type']), /^text\/xml/);
    assert.match(response.body, /^<\?xml version="1.0" encoding="UTF-8"\?>/);
    const parsed = xml.parse(response.body).discovery;
    assert.equal(parsed.endpoints.endpoint[0].specification, 'http://wiki.open311.org/GeoReport_v2');
    assert.deepEqual(parsed.endpoints.endpoint[0].formats.format.sort(), ['application/json', 'text/xml']);
  });

  it('lists one realtime service per public subcategory, grouped by main category (JSON and XML agree)', async () => {
    const response = await get('/open311/v2/services.json');
    assert.equal(response.statusCode, 200);
    const services = response.json() as Array<Record<string, unknown>>;
    for (const service of services) {
      assert.deepEqual(Object.keys(service).sort(), [
        'description',
        'group',
        'keywords',
        'metadata',
        'service_code',
        'service_name',
        'type',
      ]);
      assert.equal(service.type, 'realtime');
    }
    const byCode = new Map(services.map((s) => [s.service_code, s]));
    assert.equal(byCode.get('hondenpoep')?.group, 'Afval');
    assert.equal(byCode.get('hondenpoep')?.metadata, false);
    assert.equal(byCode.get('grofvuil')?.metadata, true, 'grofvuil asks what kind of waste');
    for (const hidden of ['jongerenoverlast', 'geluidsoverlast', 'drank-en-drugsoverlast', 'afval'])
      assert.ok(!byCode.has(hidden), `${hidden} is not offered`);

    const inXml = xml.parse((await get('/open311/v2/services.xml')).body).services.service;
    assert.deepEqual(
      inXml.map((s: { service_code: string }) => s.service_code),
      services.map((s) => s.service_code),
    );
    const grofvuil = inXml.find((s: { service_code: string }) => s.service_code === 'grofvuil');
    assert.equal(grofvuil.metadata, 'true');
    assert.equal(grofvuil.type, 'realtime');
  });

  it("defines a service's attributes (the category's extra questions), in JSON and XML", async () => {
    const response = await get('/open311/v2/services/grofvuil.json');
    assert.equal(response.statusCode, 200);
    const definition = response.json();
    assert.equal(definition.service_code, 'grofvuil');
    const [attribute] = definition.attributes;
    assert.equal(attribute.variable, true);
    assert.equal(attribute.code, 'soort');
    assert.equal(attribute.datatype, 'singlevaluelist');
    assert.equal(attribute.required, true);
    assert.equal(attribute.order, 1);
    assert.equal(typeof attribute.description, 'string');
    assert.ok(attribute.values.some((v: { key: string }) => v.key === 'matras'));

    const inXml = xml.parse((await get('/open311/v2/services/grofvuil.xml')).body).service_definition;
    assert.equal(inXml.service_code, 'grofvuil');
    assert.equal(inXml.attributes.attribute[0].code, 'soort');
    assert.equal(inXml.attributes.attribute[0].values.value.length, attribute.values.length);

    assert.deepEqual((await get('/open311/v2/services/hondenpoep.json')).json().attributes, []);
    assert.match(errorsOf(await get('/open311/v2/services/bestaat-niet.json'), 404), /bestaat-niet/);
    const missing = await get('/open311/v2/services/jongerenoverlast.xml');
    assert.equal(missing.statusCode, 404);
    assert.equal(xml.parse(missing.body).errors.error[0].code, '404');
  });

  it('refuses POST requests without an api_key (401) and with a wrong one (403), in both formats', async () => {
    const { api_key: _key, ...withoutKey } = valid();
    assert.match(errorsOf(await post('/open311/v2/requests.json', withoutKey), 401), /api_key/);
    errorsOf(await post('/open311/v2/requests.json', valid({ api_key: 'not-a-key' })), 403);
    const inXml = await post('/open311/v2/requests.xml', valid({ api_key: 'not-a-key' }));
    assert.equal(inXml.statusCode, 403);
    assert.match(String(inXml.headers['content-type']), /^text\/xml/);
    const [error] = xml.parse(inXml.body).errors.error;
    assert.equal(error.code, '403');
    assert.ok(error.description.length > 0);
    const count = await db.query('SELECT 1 FROM reports');
    assert.equal(count.rows.length, 0, 'nothing was filed');
  });

  it('files a request (form-encoded) and answers [{service_request_id, service_notice}]', async () => {
    const response = await post(
      '/open311/v2/requests.json',
      valid({
        email: 'melder@example.org',
        phone: '06-12345678',
        first_name: 'Anna',
        last_name: 'de Melder',
        media_url: 'https://photos.example.org/poep.jpg',
        device_id: 'phone-1',
      }),
    );
    assert.equal(response.statusCode, 201, response.body);
    const [created] = response.json();
    assert.equal(typeof created.service_request_id, 'string');
    assert.match(created.service_notice, /afgehandeld/);
    filed.hondenpoep = created.service_request_id;

    const inXml = await post(
      '/open311/v2/requests.xml',
      valid({ service_code: 'fietswrak', 'attribute[aantal]': '3' }),
    );
    assert.equal(inXml.statusCode, 201, inXml.body);
    const request = xml.parse(inXml.body).service_requests.request[0];
    assert.ok(request.service_request_id);
    filed.fietswrak = request.service_request_id;
  });

  it('files JSON bodies too, with attributes as attribute[code] or an attribute object', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: { ...valid({ service_code: 'grofvuil' }), attribute: { soort: 'matras' } },
    });
    assert.equal(response.statusCode, 201, response.body);
    filed.grofvuil = response.json()[0].service_request_id;
  });

  it('places a request by address_string and by address_id through the address search', async () => {
    const { lat: _lat, long: _long, ...noPoint } = valid({ service_code: 'graffiti-wildplak' });
    const byText = await post('/open311/v2/requests.json', { ...noPoint, address_string: 'Grote Markt 2, Haarlem' });
    assert.equal(byText.statusCode, 201, byText.body);
    const byId = await post('/open311/v2/requests.json', { ...noPoint, address_id: GROTE_MARKT_ID });
    assert.equal(byId.statusCode, 201, byId.body);
    for (const created of [byText, byId]) {
      const [request] = (await get(`/open311/v2/requests/${created.json()[0].service_request_id}.json`)).json();
      assert.ok(Math.abs(request.lat - GROTE_MARKT.coordinates[1]) < 0.001, `${request.lat}`);
      assert.ok(Math.abs(request.long - GROTE_MARKT.coordinates[0]) < 0.001, `${request.long}`);
    }
    filed.graffiti = byId.json()[0].service_request_id;
  });

  it('answers 400 for every kind of bad input, listing each problem', async () => {
    const { lat: _lat, long: _long, ...noPoint } = valid();
    const cases: Array<[Record<string, string | string[]>, RegExp]> = [
      [valid({ service_code: 'bestaat-niet' }), /service_code/],
      [valid({ service_code: 'jongerenoverlast' }), /service_code/],
      [{ ...valid(), service_code: '' }, /service_code/],
      [noPoint, /lat|address/],
      [valid({ lat: 'noord', long: 'oost' }), /lat.*long|long.*lat/],
      [{ ...noPoint, lat: '52.38' }, /long/],
      [valid({ lat: String(OUTSIDE_HAARLEM.coordinates[1]), long: String(OUTSIDE_HAARLEM.coordinates[0]) }), /lat/],
      [{ ...noPoint, address_id: AMSTERDAM_DAM_ID }, /address_id/],
      [{ ...noPoint, address_id: 'adr-00000000000000000000000000000000' }, /address_id/],
      [valid({ service_code: 'grofvuil' }), /attribute\[soort\]/],
      [valid({ service_code: 'grofvuil', 'attribute[soort]': 'koelkast' }), /attribute\[soort\]/],
      [valid({ service_code: 'fietswrak', 'attribute[aantal]': 'veel' }), /attribute\[aantal\]/],
      [valid({ 'attribute[kleur]': 'bruin' }), /attribute\[kleur\]/],
      [valid({ email: 'geen-adres' }), /email/],
      [valid({ media_url: 'ftp://example.org/a.jpg' }), /media_url/],
      [valid({ description: 'x'.repeat(1001) }), /description/],
    ];
    for (const [fields, expected] of cases) {
      const description = errorsOf(await post('/open311/v2/requests.json', fields), 400);
      assert.match(description, expected, JSON.stringify(fields).slice(0, 120));
    }
    const several = await post('/open311/v2/requests.json', { ...noPoint, service_code: 'bestaat-niet' });
    assert.equal(several.json().length, 2, 'an unknown service and a missing location, both listed');
    const inXml = await post('/open311/v2/requests.xml', valid({ service_code: 'bestaat-niet' }));
    assert.equal(inXml.statusCode, 400);
    assert.match(xml.parse(inXml.body).errors.error[0].description, /service_code/);
  });

  it('reads one request: public fields only, the holder as a team, never a person or reporter data', async () => {
    for (const format of ['json', 'xml'] as const) {
      const response = await get(`/open311/v2/requests/${filed.hondenpoep}.${format}`);
      assert.equal(response.statusCode, 200);
      assert.doesNotMatch(response.body, /melder@example\.org|12345678|Anna|de Melder|photos\.example|grasveld/);
      assert.doesNotMatch(response.body, /Fatima|de Vries/, 'the officer is not named');
      const request = format === 'json' ? response.json()[0] : xml.parse(response.body).service_requests.request[0];
      assert.equal(request.service_request_id, filed.hondenpoep);
      assert.equal(request.status, 'open');
      assert.equal(request.service_code, 'hondenpoep');
      assert.equal(request.service_name, 'Hondenpoep');
      assert.match(request.agency_responsible, /Handhaving Haarlem/);
      for (const field of ['requested_datetime', 'updated_datetime', 'expected_datetime'])
        assert.match(request[field], /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/);
      assert.ok(Math.abs(Number(request.lat) - parkwijk.coordinates[1]) < 0.0002);
    }
    const parking = await post('/open311/v2/requests.json', valid({ service_code: 'parkeeroverlast' }));
    const [request] = (await get(`/open311/v2/requests/${parking.json()[0].service_request_id}.json`)).json();
    assert.equal(request.agency_responsible, 'Team Parkeren');
    filed.parkeren = request.service_request_id;

    errorsOf(await get('/open311/v2/requests/00000000-0000-4000-8000-000000000000.json'), 404);
    errorsOf(await get('/open311/v2/requests/WP-1234.json'), 404);
  });

  it('routes an Open311 request like the same report through POST /api/v1/reports, and keeps its contact for staff', async () => {
    const web = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category: 'hondenpoep', description: 'Via het webformulier', location: parkwijk },
    });
    assert.equal(web.statusCode, 201, web.body);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/reports?categoryCode=hondenpoep&limit=200',
      headers: staff,
    });
    const viaOpen311 = list.json().items.filter((r: { source: string }) => r.source === 'open311');
    assert.equal(viaOpen311.length, 1);
    assert.deepEqual(viaOpen311[0].assignee, web.json().assignee);
    assert.equal(viaOpen311[0].district.code, 'WK039209');

    const detail = (
      await app.inject({ method: 'GET', url: `/api/v1/reports/${viaOpen311[0].id}`, headers: staff })
    ).json();
    assert.deepEqual(detail.reporter, {
      email: 'melder@example.org',
      phone: '06-12345678',
      name: 'Anna de Melder',
      consentToShareWithPartners: false,
    });
    assert.equal(detail.mediaUrl, 'https://photos.example.org/poep.jpg');
    assert.equal(detail.history[0].actor.label, 'Open311: demo');
  });

  it('lists requests with each filter: ids, service_code, dates, status (JSON and XML)', async () => {
    const ids = (url: string) =>
      get(url).then((r) => {
        assert.equal(r.statusCode, 200, r.body);
        return (r.json() as Array<{ service_request_id: string }>).map((s) => s.service_request_id).sort();
      });
    const all = await ids('/open311/v2/requests.json');
    for (const id of Object.values(filed)) assert.ok(all.includes(id));

    const two = [filed.hondenpoep!, filed.grofvuil!].sort();
    assert.deepEqual(await ids(`/open311/v2/requests.json?service_request_id=${two.join(',')}`), two);
    assert.deepEqual(
      await ids(`/open311/v2/requests.json?service_request_id=${filed.grofvuil}&service_code=hondenpoep`),
      [filed.grofvuil],
      'with ids, the other filters are ignored',
    );
    assert.deepEqual(
      await ids('/open311/v2/requests.json?service_code=grofvuil,fietswrak'),
      [filed.grofvuil, filed.fietswrak].sort(),
    );

    const start = encodeURIComponent('2026-11-24T08:00:00+01:00');
    const end = encodeURIComponent('2026-11-24T10:00:00+01:00');
    assert.deepEqual(await ids(`/open311/v2/requests.json?start_date=${start}&end_date=${end}`), all);
    assert.deepEqual(await ids(`/open311/v2/requests.json?end_date=${start}`), []);
    assert.deepEqual(await ids(`/open311/v2/requests.json?start_date=${end}`), []);

    // Resolve one through the staff API: it is closed now.
    const staffList = await app.inject({ method: 'GET', url: '/api/v1/reports?categoryCode=grofvuil', headers: staff });
    const reportId = staffList.json().items[0].id;
    const resolved = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/status`,
      headers: staff,
      payload: { status: 'resolved', text: 'Opgehaald.' },
    });
    assert.equal(resolved.statusCode, 200, resolved.body);
    assert.deepEqual(await ids('/open311/v2/requests.json?status=closed'), [filed.grofvuil]);
    assert.ok(!(await ids('/open311/v2/requests.json?status=open')).includes(filed.grofvuil!));
    assert.deepEqual(await ids('/open311/v2/requests.json?status=open,closed'), all);

    const inXml = xml.parse((await get('/open311/v2/requests.xml?status=closed')).body).service_requests.request;
    assert.equal(inXml.length, 1);
    assert.equal(inXml[0].status, 'closed');
    assert.equal(inXml[0].service_request_id, filed.grofvuil);
  });

  it('answers 400 for malformed dates, a span over 90 days, an unknown status or service_code', async () => {
    for (const query of [
      'start_date=gisteren',
      'end_date=2026-11-24',
      'start_date=2026-11-24T10:00:00Z&end_date=2026-11-24T08:00:00Z',
      'start_date=2026-01-01T00:00:00Z&end_date=2026-11-24T00:00:00Z',
      'status=pending',
      'service_code=bestaat-niet',
    ]) {
      errorsOf(await get(`/open311/v2/requests.json?${query}`), 400);
      const inXml = await get(`/open311/v2/requests.xml?${query}`);
      assert.equal(inXml.statusCode, 400, query);
      assert.equal(xml.parse(inXml.body).errors.error[0].code, '400');
    }
  });

  it('lists the last 90 days by default; an older request is still found by its id', async () => {
    const earlier = await testApp(db, {
      clock: fixedClock('2026-08-01T10:00:00+02:00'),
      env: { PDOK_LOCATIESERVER_URL: pdok.baseUrl },
    });
    let old: string;
    try {
      const response = await earlier.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        payload: valid({ service_code: 'wildplassen' }),
      });
      assert.equal(response.statusCode, 201, response.body);
      old = response.json()[0].service_request_id;
    } finally {
      await earlier.close();
    }
    const recent = (await get('/open311/v2/requests.json'))
      .json()
      .map((r: { service_request_id: string }) => r.service_request_id);
    assert.ok(!recent.includes(old));
    assert.equal((await get(`/open311/v2/requests.json?service_request_id=${old}`)).json().length, 1);
    const august = encodeURIComponent('2026-07-30T00:00:00Z');
    assert.equal((await get(`/open311/v2/requests.json?start_date=${august}`)).json()[0].service_request_id, old);
  });

  it('rate-limits POST requests as the web form is limited', async () => {
    const limited = await testApp(db, { env: { REPORT_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const statuses = [];
      for (let i = 0; i < 3; i++) {
        const response = await limited.inject({
          method: 'POST',
          url: '/open311/v2/requests.json',
          payload: valid({ service_code: 'veeg-zwerfvuil' }),
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 429) assert.equal(response.json()[0].code, 429);
      }
      assert.deepEqual(statuses, [201, 201, 429]);
    } finally {
      await limited.close();
    }
  });

  it('stays out of /api/v1/openapi.json (it follows its own specification)', async () => {
    const paths = Object.keys((await get('/api/v1/openapi.json')).json().paths);
    assert.ok(paths.length > 10);
    assert.deepEqual(
      paths.filter((path) => path.includes('open311')),
      [],
    );
  });

  it('selects the jurisdiction by jurisdiction_id, required once the server serves several', async () => {
    assert.equal((await get('/open311/v2/services.json?jurisdiction_id=haarlem.nl')).statusCode, 200);
    errorsOf(await get('/open311/v2/services.json?jurisdiction_id=amsterdam.nl'), 404);
    errorsOf(await post('/open311/v2/requests.json', valid({ jurisdiction_id: 'amsterdam.nl' })), 404);

    await db.query(
      "INSERT INTO municipalities (code, name, slug, jurisdiction_id) VALUES ('GM0363', 'Amsterdam', 'amsterdam', 'amsterdam.nl')",
    );
    assert.match(errorsOf(await get('/open311/v2/services.json'), 400), /jurisdiction_id/);
    errorsOf(await get('/open311/v2/requests.json'), 400);
    errorsOf(await post('/open311/v2/requests.json', valid()), 400);
    const haarlem = await post('/open311/v2/requests.json', valid({ jurisdiction_id: 'haarlem.nl' }));
    assert.equal(haarlem.statusCode, 201, haarlem.body);
    assert.deepEqual((await get('/open311/v2/services.json?jurisdiction_id=amsterdam.nl')).json(), []);
  });

  it('answers unknown resources and formats with the error list (404)', async () => {
    errorsOf(await get('/open311/v2/tokens/abc.json'), 404);
    errorsOf(await get('/open311/v2/services.csv'), 404);
    const inXml = await get('/open311/v2/nothing.xml');
    assert.equal(inXml.statusCode, 404);
    assert.equal(xml.parse(inXml.body).errors.error[0].code, '404');
  });

  it('returns at most the first 1,000 requests, newest first', async () => {
    // 1,005 copies of one filed request, a minute apart before it, straight into the table (intake is tested above).
    const one = (await get('/open311/v2/requests.json?jurisdiction_id=haarlem.nl')).json()[0].service_request_id;
    await db.query(
      `INSERT INTO reports (municipality_code, tracking_code, category_id, description, source, location, district_code,
                            status, urgent, deadline, assignee_kind, assignee_id, routing_rule, routing_reason_nl,
                            routing_reason_en, created_at, updated_at)
       SELECT municipality_code, 'CAP' || n, category_id, description, source, location, district_code, status, urgent,
              deadline, assignee_kind, assignee_id, routing_rule, routing_reason_nl, routing_reason_en,
              created_at - n * interval '1 minute', updated_at
         FROM reports, generate_series(1, 1005) n WHERE public_id = $1`,
      [one],
    );
    const listed = (await get('/open311/v2/requests.json?jurisdiction_id=haarlem.nl')).json() as Array<{
      requested_datetime: string;
    }>;
    assert.equal(listed.length, 1000);
    const times = listed.map((r) => Date.parse(r.requested_datetime));
    assert.deepEqual(
      times,
      [...times].sort((a, b) => b - a),
    );
  });
});
