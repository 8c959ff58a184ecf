import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import {
  buildReportsWorld,
  emails,
  GROTE_MARKT,
  TEST_NOW,
  type ReportsWorld,
} from '../../../test/support/reports-world.ts';
import { deliverDueMessages } from './index.ts';

describe('deliveries in the API: per report, and the administrators’ outbox view', () => {
  let db: Db;
  let app: App;
  let world: ReportsWorld;
  const clock = fixedClock(TEST_NOW);
  const as = (email: string) => bearerFor(db, world.userId(email));
  let reportId: string;

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    app = await testApp(db, { clock }); // no SMTP_URL: mail is off
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'hondenpoep',
        description: 'Hondenpoep',
        location: GROTE_MARKT,
        reporter: { email: 'melder@example.org', consentToShareWithPartners: false },
      },
      remoteAddress: '198.51.100.40',
    });
    assert.equal(response.statusCode, 201, response.body);
    reportId = response.json().id;
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const deliveries = async (email: string) =>
    app.inject({ method: 'GET', url: `/api/v1/reports/${reportId}/deliveries`, headers: await as(email) });

  it('keeps e-mails pending without SMTP_URL: never dropped, never claimed', async () => {
    const counts = await deliverDueMessages({
      db,
      clock,
      mail: null,
      webhook: { post: async () => assert.fail('no webhook here') },
      retryBaseSeconds: 30,
      publicBaseUrl: 'http://localhost',
      linkSecret: 'x'.repeat(32),
      messageIdDomain: 'example.org',
    });
    assert.deepEqual(counts, { sent: 0, retried: 0, failed: 0 });
    const response = await deliveries(emails.coordinator);
    assert.equal(response.statusCode, 200, response.body);
    const [item, ...rest] = response.json().items;
    assert.equal(rest.length, 0);
    assert.deepEqual(
      [item.channel, item.template, item.status, item.attempts, item.lastError, item.sentAt, item.recipient],
      ['email', 'confirmation', 'pending', 0, null, null, 'melder@example.org'],
    );
  });

  it('shows recipients only to staff who may read the reporter contact, and nothing to a partner without the report', async () => {
    const analyst = await deliveries(emails.analyst);
    assert.equal(analyst.statusCode, 200);
    assert.equal(analyst.json().items.length, 1);
    assert.ok(!('recipient' in analyst.json().items[0]), 'an analyst reads no addresses');
    assert.doesNotMatch(analyst.body, /melder@example\.org/);
    assert.equal((await deliveries(emails.partner)).statusCode, 404);
  });

  it('tells administrators that mail is off and what waits, and lists failed deliveries page by page', async () => {
    const admin = await as(emails.administrator);
    const status = await app.inject({ method: 'GET', url: '/api/v1/outbox/status', headers: admin });
    assert.equal(status.statusCode, 200, status.body);
    assert.deepEqual(status.json(), {
      mailEnabled: false,
      pending: 1,
      failed: 0,
      oldestPendingAt: new Date(TEST_NOW).toISOString(),
    });
    const forbidden = await app.inject({
      method: 'GET',
      url: '/api/v1/outbox/status',
      headers: await as(emails.coordinator),
    });
    assert.equal(forbidden.statusCode, 403);

    await db.query(
      `INSERT INTO outbox_messages (municipality_code, report_id, event_key, channel, recipient, template, payload, status,
                                    attempts, next_attempt_at, last_error, created_at)
       SELECT 'GM0392', $1, 'test:' || g, 'email', 'x' || g || '@example.org', 'status_update', '{}', 'failed', 12, $2,
              'connect ECONNREFUSED 127.0.0.1:25', $2::timestamptz - g * interval '1 minute'
         FROM generate_series(1, 3) AS g`,
      [reportId, clock.now()],
    );
    const first = await app.inject({ method: 'GET', url: '/api/v1/outbox/failed?limit=2', headers: admin });
    assert.equal(first.statusCode, 200, first.body);
    assert.deepEqual(
      first.json().items.map((i: { recipient: string }) => i.recipient),
      ['x1@example.org', 'x2@example.org'],
    );
    assert.equal(first.json().items[0].reportId, reportId);
    const next = await app.inject({
      method: 'GET',
      url: `/api/v1/outbox/failed?limit=2&cursor=${first.json().nextCursor}`,
      headers: admin,
    });
    assert.deepEqual(
      next.json().items.map((i: { recipient: string }) => i.recipient),
      ['x3@example.org'],
    );
    assert.equal(next.json().nextCursor, null);
    const summary = await app.inject({ method: 'GET', url: '/api/v1/outbox/status', headers: admin });
    assert.equal(summary.json().failed, 3);
  });
});

describe("a partner's delivery channel (administrators)", () => {
  let db: Db;
  let app: App;
  let world: ReportsWorld;
  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });
  const put = async (payload: object, email: string = emails.administrator) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/partners/${world.teamId('spaarnelanden')}/delivery-channel`,
      headers: await bearerFor(db, world.userId(email)),
      payload,
    });

  it('starts with the workspace, refuses an incomplete channel listing every problem, and changes nothing then', async () => {
    const bad = await put({ channel: 'webhook' });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['body.webhookSecret', 'body.webhookUrl'],
    );
    const get = await app.inject({
      method: 'GET',
      url: `/api/v1/partners/${world.teamId('spaarnelanden')}/delivery-channel`,
      headers: await bearerFor(db, world.userId(emails.administrator)),
    });
    assert.deepEqual(get.json(), { channel: 'workspace', email: null, webhookUrl: null, webhookSecretSet: false });
    assert.equal((await put({ channel: 'workspace' }, emails.coordinator)).statusCode, 403);
  });

  it('keeps the secret when a webhook is updated without one, and never returns it', async () => {
    const secret = 'a-partner-webhook-secret-1234';
    assert.equal(
      (await put({ channel: 'webhook', webhookUrl: 'https://partner.example/hook', webhookSecret: secret })).statusCode,
      200,
    );
    const moved = await put({ channel: 'webhook', webhookUrl: 'https://partner.example/hook2' });
    assert.equal(moved.statusCode, 200, moved.body);
    assert.equal(moved.json().webhookSecretSet, true);
    const { rows } = await db.query<{ webhook_secret: string }>('SELECT webhook_secret FROM teams WHERE id = $1', [
      world.teamId('spaarnelanden'),
    ]);
    assert.equal(rows[0]?.webhook_secret, secret);
    const teams = await app.inject({
      method: 'GET',
      url: '/api/v1/teams',
      headers: await bearerFor(db, world.userId(emails.administrator)),
    });
    assert.ok(!teams.body.includes(secret));
    const mail = await put({ channel: 'email', email: 'meldingen@spaarnelanden.example' });
    assert.deepEqual(mail.json(), {
      channel: 'email',
      email: 'meldingen@spaarnelanden.example',
      webhookUrl: null,
      webhookSecretSet: false,
    });
  });
});

describe('an erasure request reaches the outbox', () => {
  let db: Db;
  let app: App;
  let world: ReportsWorld;
  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('removes the address from waiting e-mails and gives them up, so nothing is sent to it', async () => {
    const filed = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'hondenpoep',
        description: 'Hondenpoep',
        location: GROTE_MARKT,
        reporter: { email: 'Wis.Mij@example.org', consentToShareWithPartners: false },
      },
      remoteAddress: '198.51.100.41',
    });
    assert.equal(filed.statusCode, 201, filed.body);
    const erased = await app.inject({
      method: 'POST',
      url: '/api/v1/privacy/requests/erase',
      headers: await bearerFor(db, world.userId(emails.administrator)),
      payload: { email: 'wis.mij@EXAMPLE.org' },
    });
    assert.equal(erased.statusCode, 200, erased.body);
    const { rows } = await db.query<{ recipient: string; status: string; payload: object; last_error: string }>(
      'SELECT recipient, status, payload, last_error FROM outbox_messages WHERE report_id = $1',
      [filed.json().id],
    );
    assert.equal(rows.length, 1);
    assert.match(rows[0]!.recipient, /^erased:/);
    assert.deepEqual(
      [rows[0]!.status, rows[0]!.payload, rows[0]!.last_error],
      ['failed', {}, 'recipient erased on request'],
    );
  });
});
