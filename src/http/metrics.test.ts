import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/db.ts';
import { fixedClock } from '../shared/clock.ts';
import { testApp } from '../../test/support/app.ts';
import { openTestDb } from '../../test/support/db.ts';
import { buildReportsWorld, GROTE_MARKT, TEST_NOW } from '../../test/support/reports-world.ts';
import type { App } from './deps.ts';
import { recordJobRun } from './metrics.ts';
import { registerOpen311Client } from '../domain/open311/index.ts';

const TOKEN = 'metrics-token-for-tests-0123456789';
const auth = { authorization: `Bearer ${TOKEN}` };
const body = {
  category: 'hondenpoep',
  description: 'Elke ochtend hondenpoep voor de ingang van de kerk.',
  location: GROTE_MARKT,
  reporter: { email: 'melder@example.org', phone: '06-12345678', consentToShareWithPartners: false },
};

/** The value of one sample line (`name{labels} value`), 0 when absent. */
function sample(text: string, name: string, labels: string): number {
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{${labels}}`) || (labels === '' && l.startsWith(`${name} `)));
  return line ? Number(line.split(' ').at(-1)) : 0;
}

describe('GET /metrics', () => {
  let db: Db;
  let app: App;
  before(async () => {
    db = await openTestDb({ empty: true });
    await buildReportsWorld(db);
    app = await testApp(db, { clock: fixedClock(TEST_NOW), env: { METRICS_TOKEN: TOKEN } });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('is off (404) when METRICS_TOKEN is not configured', async () => {
    const plain = await testApp(db);
    try {
      const res = await plain.inject({ method: 'GET', url: '/metrics', headers: auth });
      assert.equal(res.statusCode, 404);
    } finally {
      await plain.close();
    }
  });

  it('answers 401 without the token or with a wrong one', async () => {
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: TOKEN }]) {
      const res = await app.inject({ method: 'GET', url: '/metrics', headers });
      assert.equal(res.statusCode, 401);
      assert.match(String(res.headers['content-type']), /application\/problem\+json/);
    }
  });

  it('is not in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    assert.ok(!JSON.stringify(Object.keys(doc.paths)).includes('metrics'));
  });

  it('counts an intake (source, routing rule, latency, requests) and shows open reports by holder kind', async () => {
    const before = (await app.inject({ method: 'GET', url: '/metrics', headers: auth })).body;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: body,
      remoteAddress: '198.51.100.9',
    });
    assert.equal(created.statusCode, 201);
    const rule = created.json().routing.rule as string;
    const holder = created.json().assignee.kind as string;
    recordJobRun('purge-sessions', 'ok');

    const res = await app.inject({ method: 'GET', url: '/metrics', headers: auth });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /^text\/plain; version=0\.0\.4/);
    const text = res.body;
    const diff = (name: string, labels: string) => sample(text, name, labels) - sample(before, name, labels);
    assert.equal(diff('wijkpost_reports_created_total', 'source="web"'), 1);
    assert.equal(diff('wijkpost_routing_decisions_total', `rule="${rule}"`), 1);
    assert.equal(diff('wijkpost_intake_duration_seconds_count', 'status="201"'), 1);
    assert.equal(diff('wijkpost_http_requests_total', 'method="POST",route="/api/v1/reports",status="201"'), 1);
    assert.ok(diff('wijkpost_job_runs_total', 'job="purge-sessions",outcome="ok"') >= 1);
    assert.equal(diff('wijkpost_outbox_messages', 'channel="email",status="pending"'), 1, 'the confirmation waits');
    assert.equal(sample(text, 'wijkpost_outbox_messages', 'channel="webhook",status="failed"'), 0);
    const { rows } = await db.query<{ n: string | number }>(
      `SELECT count(*) AS n FROM reports WHERE status NOT IN ('resolved', 'cancelled') AND assignee_kind = $1`,
      [holder],
    );
    assert.ok(Number(rows[0]!.n) >= 1);
    assert.equal(sample(text, 'wijkpost_open_reports', `holder_kind="${holder}"`), Number(rows[0]!.n));
    // No personal data or ids in the labels.
    assert.ok(!text.includes('melder@example.org'));
    assert.ok(!text.includes(created.json().trackingCode));
    assert.ok(!text.includes(created.json().id));
  });

  it('counts a report filed through Open311 as an intake of source open311', async () => {
    await registerOpen311Client(
      { db, clock: fixedClock(TEST_NOW) },
      { name: 'metrics-test', key: 'metrics-open311-key' },
    );
    const before = (await app.inject({ method: 'GET', url: '/metrics', headers: auth })).body;
    const filed = await app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({
        api_key: 'metrics-open311-key',
        service_code: 'hondenpoep',
        lat: String(GROTE_MARKT.coordinates[1]),
        long: String(GROTE_MARKT.coordinates[0]),
        description: 'Hondenpoep bij de kerk, via een Open311-app.',
      }).toString(),
      remoteAddress: '198.51.100.10',
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const text = (await app.inject({ method: 'GET', url: '/metrics', headers: auth })).body;
    const diff = (name: string, labels: string) => sample(text, name, labels) - sample(before, name, labels);
    assert.equal(diff('wijkpost_reports_created_total', 'source="open311"'), 1);
    assert.equal(diff('wijkpost_intake_duration_seconds_count', 'status="201"'), 1);
  });

  it('labels requests by route pattern, never by the URL with its ids', async () => {
    const id = '00000000-0000-4000-8000-00000000abcd';
    await app.inject({ method: 'GET', url: `/api/v1/reports/${id}` });
    const text = (await app.inject({ method: 'GET', url: '/metrics', headers: auth })).body;
    assert.ok(text.includes('route="/api/v1/reports/:reportId"'));
    assert.ok(!text.includes(id));
  });
});
