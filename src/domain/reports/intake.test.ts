import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { buildApp } from '../../http/app.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp, testConfig } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { toRd } from '../geography/index.ts';
import {
  buildReportsWorld,
  emails,
  GROTE_MARKT,
  OUTSIDE_HAARLEM,
  TEST_NOW,
  type ReportsWorld,
} from '../../../test/support/reports-world.ts';

const validBody = {
  category: 'hondenpoep',
  description: 'Elke ochtend hondenpoep voor de ingang van de kerk.',
  location: GROTE_MARKT,
  reporter: { email: 'melder@example.org', phone: '06-12345678', consentToShareWithPartners: false },
};

describe('report intake (POST /api/v1/reports)', () => {
  let db: Db;
  let app: App;
  let world: ReportsWorld;
  const clock = fixedClock(TEST_NOW);
  const countReports = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports')).rows[0]!.n;
  const post = (body: unknown, headers: Record<string, string> = {}, remoteAddress = '198.51.100.1') =>
    app.inject({ method: 'POST', url: '/api/v1/reports', payload: body as object, headers, remoteAddress });

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    app = await testApp(db, { clock, env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('stores a web report, routes it to the district officer and names both', async () => {
    const response = await post(validBody);
    assert.equal(response.statusCode, 201, response.body);
    const report = response.json();
    assert.equal(response.headers.location, `/api/v1/reports/${report.id}`);
    assert.match(report.trackingCode, /^WP-[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    assert.equal(report.status, 'new');
    assert.equal(report.createdAt, new Date(TEST_NOW).toISOString());
    assert.deepEqual(report.category, { code: 'hondenpoep', name: 'Hondenpoep' });
    assert.deepEqual(report.district, { code: 'WK039201', name: 'Oude Stad' });
    assert.deepEqual(report.assignee, {
      kind: 'officer',
      id: world.userId(emails.centrumOfficer),
      name: 'Sanne Bakker',
    });
    assert.equal(report.routing.rule, 'district-owner');
    assert.match(report.routing.reason.nl, /Sanne Bakker/);
    assert.match(report.routing.reason.en, /Sanne Bakker/);
    // hondenpoep: 21 calendar days, to the end of that day in Haarlem
    assert.equal(report.deadline, '2026-12-15T22:59:59.999Z');

    const stored = await db.query<{
      source: string;
      created_by: string | null;
      reporter_email: string;
      urgent: boolean;
    }>('SELECT source, created_by, reporter_email, urgent FROM reports WHERE id = $1', [report.id]);
    assert.deepEqual(stored.rows[0], {
      source: 'web',
      created_by: null,
      reporter_email: 'melder@example.org',
      urgent: false,
    });
    const history = await db.query<{
      action: string;
      actor_label: string;
      to_status: string;
      text: string;
      data: unknown;
    }>('SELECT action, actor_label, to_status, text, data FROM report_history WHERE report_id = $1', [report.id]);
    assert.equal(history.rows.length, 1);
    assert.equal(history.rows[0]!.action, 'created');
    assert.equal(history.rows[0]!.actor_label, 'public');
    assert.equal(history.rows[0]!.text, report.routing.reason.nl);
    assert.deepEqual(history.rows[0]!.data, {
      source: 'web',
      districtCode: 'WK039201',
      deadline: report.deadline,
      assignee: report.assignee,
      routing: report.routing,
    });
  });

  it('stores text with a lone UTF-16 surrogate as U+FFFD, and refuses the NUL character as a field problem', async () => {
    const odd = await post({
      ...validBody,
      description: 'Hondenpoep \ud800 bij de kerk',
      address: 'Grote Markt \udc00 2',
    });
    assert.equal(odd.statusCode, 201, odd.body);
    const stored = await db.query<{ description: string; address_text: string }>(
      'SELECT description, address_text FROM reports WHERE id = $1',
      [odd.json().id],
    );
    assert.deepEqual(stored.rows[0], {
      description: 'Hondenpoep \ufffd bij de kerk',
      address_text: 'Grote Markt \ufffd 2',
    });

    const before = await countReports();
    const nul = await post({ ...validBody, description: 'Hondenpoep\u0000', address: 'Grote\u0000Markt' });
    assert.equal(nul.statusCode, 400, nul.body);
    assert.deepEqual(
      nul
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['body.address', 'body.description'],
    );
    assert.equal(await countReports(), before);
  });

  it('takes the urgency from the category', async () => {
    const response = await post({ ...validBody, category: 'geluidsoverlast' });
    assert.equal(response.statusCode, 201, response.body);
    const stored = await db.query<{ urgent: boolean }>('SELECT urgent FROM reports WHERE id = $1', [
      response.json().id,
    ]);
    assert.equal(stored.rows[0]!.urgent, true);
  });

  it('accepts RD New coordinates with Content-Crs: EPSG:28992', async () => {
    const [x, y] = toRd(...GROTE_MARKT.coordinates);
    const response = await post(
      { ...validBody, location: { type: 'Point', coordinates: [x, y] } },
      { 'content-crs': 'EPSG:28992' },
    );
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().district.code, 'WK039201');
    const stored = await db.query<{ x: number; y: number }>(
      'SELECT ST_X(location) AS x, ST_Y(location) AS y FROM reports WHERE id = $1',
      [response.json().id],
    );
    assert.ok(Math.abs(stored.rows[0]!.x - x) < 0.001 && Math.abs(stored.rows[0]!.y - y) < 0.001);
  });

  it('refuses a point outside every district with 422', async () => {
    const before = await countReports();
    const response = await post({ ...validBody, location: OUTSIDE_HAARLEM });
    assert.equal(response.statusCode, 422);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    assert.equal(response.json().code, 'outside_municipality');
    assert.equal(response.json().invalidParams[0].name, 'body.location');
    assert.equal(await countReports(), before);
  });

  it('lists every field problem, structural and domain, in one 400', async () => {
    const before = await countReports();
    const response = await post({
      category: 'bestaat-niet',
      description: '',
      occurredAt: '2026-11-25T09:00:00+01:00',
      source: 'fax',
      location: GROTE_MARKT,
      reporter: { email: 'geen-adres', consentToShareWithPartners: 'ja' },
    });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    const names = response
      .json()
      .invalidParams.map((p: { name: string }) => p.name)
      .sort();
    assert.deepEqual(names, [
      'body.category',
      'body.description',
      'body.occurredAt',
      'body.reporter.consentToShareWithPartners',
      'body.reporter.email',
      'body.source',
    ]);
    assert.equal(await countReports(), before);
  });

  it('accepts occurredAt up to two minutes ahead of the server clock, not more', async () => {
    const at = (ms: number) => new Date(new Date(TEST_NOW).getTime() + ms).toISOString();
    assert.equal((await post({ ...validBody, occurredAt: at(90_000) })).statusCode, 201);
    const ahead = await post({ ...validBody, occurredAt: at(150_000) });
    assert.equal(ahead.statusCode, 400);
    assert.deepEqual(
      ahead.json().invalidParams.map((p: { name: string }) => p.name),
      ['body.occurredAt'],
    );
  });

  it('reports a main category and a missing location as problems too', async () => {
    const response = await post(
      { category: 'afval', description: 'Zakken naast de container', location: { type: 'Point' } },
      { 'content-crs': 'EPSG:28992' },
    );
    assert.equal(response.statusCode, 400);
    const names = response.json().invalidParams.map((p: { name: string }) => p.name);
    assert.ok(names.includes('body.location.coordinates'), names.join());
    // Without a location, a signed-out caller's category cannot be checked (the municipality is unknown); a staff member's can.
    const staff = await bearerFor(db, world.userId(emails.contactCentre));
    const staffResponse = await post(
      { category: 'afval', description: 'Zakken', source: 'phone', location: { type: 'Point' } },
      staff,
    );
    const staffNames = staffResponse.json().invalidParams.map((p: { name: string }) => p.name);
    assert.ok(
      staffNames.includes('body.category') && staffNames.includes('body.location.coordinates'),
      staffNames.join(),
    );
  });

  it('lets the contact centre file phone reports and officers street reports, recording who', async () => {
    const agent = world.userId(emails.contactCentre);
    const phone = await post({ ...validBody, source: 'phone' }, await bearerFor(db, agent));
    assert.equal(phone.statusCode, 201, phone.body);
    const officer = world.userId(emails.oostOfficer);
    const street = await post({ ...validBody, source: 'street' }, await bearerFor(db, officer));
    assert.equal(street.statusCode, 201, street.body);
    const rows = await db.query<{ id: string; source: string; created_by: string }>(
      'SELECT id, source, created_by FROM reports WHERE id = ANY($1::uuid[])',
      [[phone.json().id, street.json().id]],
    );
    const byId = new Map(rows.rows.map((r) => [r.id, r]));
    assert.deepEqual({ ...byId.get(phone.json().id) }, { id: phone.json().id, source: 'phone', created_by: agent });
    assert.deepEqual(
      { ...byId.get(street.json().id) },
      { id: street.json().id, source: 'street', created_by: officer },
    );
  });

  it('documents the report operations, their bodies and their problems in OpenAPI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const intake = doc.paths['/reports'].post;
    assert.ok(intake.requestBody.content['application/json'].schema.properties.location);
    assert.ok(intake.responses['201'] && intake.responses['400'] && intake.responses['429']);
    for (const path of [
      '/reports/{reportId}',
      '/reports/{reportId}/status',
      '/reports/{reportId}/assignment',
      '/reports/{reportId}/notes',
      '/public/reports/{trackingCode}',
    ]) {
      assert.ok(doc.paths[path], path);
    }
    assert.ok(doc.paths['/reports/{reportId}/status'].post.responses['409']);
  });

  it('refuses staff sources from anonymous callers and from the wrong role with 403', async () => {
    const before = await countReports();
    assert.equal((await post({ ...validBody, source: 'phone' })).statusCode, 403);
    assert.equal((await post({ ...validBody, source: 'street' })).statusCode, 403);
    const officer = await bearerFor(db, world.userId(emails.oostOfficer));
    assert.equal((await post({ ...validBody, source: 'phone' }, officer)).statusCode, 403);
    const agent = await bearerFor(db, world.userId(emails.contactCentre));
    const refused = await post({ ...validBody, source: 'street' }, agent);
    assert.equal(refused.statusCode, 403);
    assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
    assert.equal(await countReports(), before);
  });

  it('sees absences and categories changed through plain SQL at the next report, though it decides on cached data', async () => {
    const sanne = world.userId(emails.centrumOfficer);
    assert.equal((await post(validBody)).json().assignee.id, sanne);
    await db.query(
      `INSERT INTO absences (officer_id, kind, starts_at, ends_at, created_at) VALUES ($1, 'sick', $2::timestamptz - interval '1 day', $2::timestamptz + interval '40 days', now())`,
      [sanne, TEST_NOW],
    );
    const whileAway = await post(validBody);
    assert.equal(whileAway.statusCode, 201, whileAway.body);
    assert.notEqual(whileAway.json().assignee.id, sanne);
    const stored = await db.query<{ assignee_id: string }>('SELECT assignee_id FROM reports WHERE id = $1', [
      whileAway.json().id,
    ]);
    assert.equal(stored.rows[0]!.assignee_id, whileAway.json().assignee.id);

    await db.query(`UPDATE categories SET active = false WHERE code = 'hondenpoep'`);
    assert.deepEqual(
      (await post(validBody)).json().invalidParams.map((p: { code: string }) => p.code),
      ['unknown_category'],
    );
    await db.query(`UPDATE categories SET active = true WHERE code = 'hondenpoep'`);
    assert.equal((await post(validBody)).statusCode, 201, 'a category switched back on is accepted at once');
    await db.query('UPDATE absences SET cancelled_at = now() WHERE officer_id = $1', [sanne]);
    assert.equal((await post(validBody)).json().assignee.id, sanne);
  });
});

describe('idempotent intake (Idempotency-Key)', () => {
  let db: Db;
  let app: App;
  const countReports = async () => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports')).rows[0]!.n;
  const post = (body: unknown, key: string, remoteAddress = '198.51.100.2') =>
    app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: body as object,
      headers: { 'idempotency-key': key },
      remoteAddress,
    });

  before(async () => {
    db = await openTestDb({ empty: true });
    await buildReportsWorld(db);
    app = await testApp(db, { clock: fixedClock(TEST_NOW), env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('answers a retry with the first result and makes no second report', async () => {
    const before = await countReports();
    const first = await post(validBody, 'key-retry-1');
    const again = await post(validBody, 'key-retry-1');
    assert.equal(first.statusCode, 201);
    assert.equal(again.statusCode, 201);
    assert.deepEqual(again.json(), first.json());
    assert.equal(again.headers['idempotent-replayed'], 'true');
    assert.equal(first.headers['idempotent-replayed'], undefined);
    assert.equal(again.headers.location, first.headers.location);
    assert.equal(await countReports(), before + 1);
  });

  it('refuses the same key with a different body with 422', async () => {
    await post(validBody, 'key-reused');
    const before = await countReports();
    const other = await post({ ...validBody, description: 'Iets heel anders' }, 'key-reused');
    assert.equal(other.statusCode, 422);
    assert.equal(other.json().code, 'idempotency_mismatch');
    assert.equal(await countReports(), before);
  });

  it('keeps keys apart per caller', async () => {
    const mine = await post(validBody, 'key-shared', '198.51.100.3');
    const theirs = await post(validBody, 'key-shared', '198.51.100.4');
    assert.equal(mine.statusCode, 201);
    assert.equal(theirs.statusCode, 201);
    assert.notEqual(mine.json().id, theirs.json().id);
  });

  it('makes one report from concurrent retries', async () => {
    const before = await countReports();
    const responses = await Promise.all(Array.from({ length: 6 }, () => post(validBody, 'key-concurrent')));
    assert.deepEqual(
      responses.map((r) => r.statusCode),
      [201, 201, 201, 201, 201, 201],
    );
    assert.equal(new Set(responses.map((r) => r.json().id)).size, 1);
    assert.equal(responses.filter((r) => r.headers['idempotent-replayed'] === 'true').length, 5);
    assert.equal(await countReports(), before + 1);
  });

  it('does not store failed attempts: a corrected retry under the same key succeeds', async () => {
    const bad = await post({ ...validBody, description: '' }, 'key-corrected');
    assert.equal(bad.statusCode, 400);
    const good = await post(validBody, 'key-corrected');
    assert.equal(good.statusCode, 201);
  });
});

describe('intake limits and logging', () => {
  let db: Db;
  let world: ReportsWorld;
  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
  });
  after(async () => {
    await db.close();
  });

  it('answers too many reports from one address with a 429 problem', async () => {
    const app = await testApp(db, { clock: fixedClock(TEST_NOW), env: { REPORT_RATE_LIMIT_PER_MINUTE: '2' } });
    try {
      const send = (remoteAddress: string) =>
        app.inject({ method: 'POST', url: '/api/v1/reports', payload: validBody, remoteAddress });
      assert.equal((await send('203.0.113.7')).statusCode, 201);
      assert.equal((await send('203.0.113.7')).statusCode, 201);
      const limited = await send('203.0.113.7');
      assert.equal(limited.statusCode, 429);
      assert.match(String(limited.headers['content-type']), /application\/problem\+json/);
      assert.equal(limited.json().status, 429);
      assert.ok(limited.json().title && limited.json().detail);
      assert.equal((await send('203.0.113.8')).statusCode, 201, 'another address has its own budget');
    } finally {
      await app.close();
    }
  });

  it('gives signed-in staff their own, higher limit per user, not the public one of their address', async () => {
    const app = await testApp(db, {
      clock: fixedClock(TEST_NOW),
      env: { REPORT_RATE_LIMIT_PER_MINUTE: '2', STAFF_REPORT_RATE_LIMIT_PER_MINUTE: '5' },
    });
    try {
      const office = '203.0.113.20';
      const agent = await bearerFor(db, world.userId(emails.contactCentre));
      const officer = await bearerFor(db, world.userId(emails.centrumOfficer));
      const send = (headers: Record<string, string>, body: object = validBody) =>
        app.inject({ method: 'POST', url: '/api/v1/reports', payload: body, remoteAddress: office, headers });
      const phone = { ...validBody, source: 'phone' };
      for (let i = 1; i <= 5; i++) assert.equal((await send(agent, phone)).statusCode, 201, `agent report ${i}`);
      const agentLimited = await send(agent, phone);
      assert.equal(agentLimited.statusCode, 429, 'the staff limit holds too');
      assert.equal(agentLimited.headers['x-ratelimit-limit'], '5');
      // A colleague at the same address has a budget of their own.
      assert.equal((await send(officer, { ...validBody, source: 'street' })).statusCode, 201);
      // The public at that address is still limited to the public figure, whatever staff filed.
      assert.equal((await send({})).statusCode, 201);
      assert.equal((await send({})).statusCode, 201);
      assert.equal((await send({})).statusCode, 429);
      // A token that resolves to no one is the public.
      assert.equal((await send({ authorization: 'Bearer not-a-session' })).statusCode, 429);
    } finally {
      await app.close();
    }
  });

  it('writes no reporter contact to any log line', async () => {
    const logLines: string[] = [];
    const originalWrite = process.stdout.write.bind(process.stdout);
    // pino writes to a replaced process.stdout.write; the test runner's own output passes through.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
      if (text.startsWith('{"level"')) {
        logLines.push(text);
        return true;
      }
      return (originalWrite as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    }) as typeof process.stdout.write;
    try {
      const app = await buildApp(
        {
          db,
          clock: fixedClock(TEST_NOW),
          config: testConfig({ LOG_LEVEL: 'trace', REPORT_RATE_LIMIT_PER_MINUTE: '1000' }),
        },
        { logger: true },
      );
      const reporter = { email: 'geheim.adres@example.org', phone: '+31 6 98765432', consentToShareWithPartners: true };
      const created = await app.inject({ method: 'POST', url: '/api/v1/reports', payload: { ...validBody, reporter } });
      assert.equal(created.statusCode, 201);
      const invalid = await app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: { ...validBody, description: '', reporter },
      });
      assert.equal(invalid.statusCode, 400);
      const staff = await bearerFor(
        db,
        (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = $1`, [emails.coordinator])).rows[0]!.id,
      );
      const detail = await app.inject({ method: 'GET', url: `/api/v1/reports/${created.json().id}`, headers: staff });
      assert.equal(detail.json().reporter.email, reporter.email);
      await app.close();
    } finally {
      process.stdout.write = originalWrite;
    }
    assert.ok(
      logLines.some((line) => line.includes('incoming request')),
      'the logger was captured',
    );
    for (const line of logLines) {
      assert.ok(!line.includes('geheim.adres'), `reporter e-mail in log: ${line}`);
      assert.ok(!line.includes('98765432'), `reporter phone in log: ${line}`);
    }
  });
});

describe('report intake in a municipality in another time zone', () => {
  let db: Db;
  let app: App;
  // Monday 23 November, 22:00 in New York; already Tuesday in Amsterdam.
  const clock = fixedClock('2026-11-24T03:00:00Z');

  before(async () => {
    db = await openTestDb({ empty: true });
    await buildReportsWorld(db);
    await db.query("UPDATE municipalities SET timezone = 'America/New_York' WHERE code = 'GM0392'");
    app = await testApp(db, { clock });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it("counts the deadline from the day of receipt on the municipality's own wall calendar", async () => {
    const response = await app.inject({ method: 'POST', url: '/api/v1/reports', payload: validBody });
    assert.equal(response.statusCode, 201, response.body);
    // hondenpoep: 21 calendar days after Monday 23 November, to the end of that day in New York (EST).
    assert.equal(response.json().deadline, '2026-12-15T04:59:59.999Z');
  });
});
