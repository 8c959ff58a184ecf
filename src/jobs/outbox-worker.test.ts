/**
 * The outbox end to end: reports filed and changed through the API, delivered by the worker to a REAL SMTP
 * server on 127.0.0.1 (smtp-server) and a local webhook receiver, with a fixed clock for the retry timings.
 */
import assert from 'node:assert/strict';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/db.ts';
import type { App } from '../http/deps.ts';
import { fixedClock } from '../shared/clock.ts';
import { verifyReporterLinkToken } from '../shared/reporter-links.ts';
import { deliverDueMessages, messageIdFor, retryDelaySeconds, type MailSender } from '../domain/outbox/index.ts';
import { bearerFor, testApp, testConfig } from '../../test/support/app.ts';
import { openTestDb } from '../../test/support/db.ts';
import {
  buildReportsWorld,
  emails,
  GROTE_MARKT,
  TEST_NOW,
  type ReportsWorld,
} from '../../test/support/reports-world.ts';
import { startTestSmtp, type TestSmtp } from '../../test/support/smtp.ts';
import { outboxDeliveryDeps } from './outbox-worker.ts';

const secret = 'outbox-test-link-signing-secret-0123456789';

describe('the outbox worker with a real SMTP server', () => {
  let db: Db;
  let app: App;
  let world: ReportsWorld;
  let smtp: TestSmtp;
  let officer: { authorization: string };
  const clock = fixedClock(TEST_NOW);
  const config = () =>
    testConfig({ SMTP_URL: smtp.url, PUBLIC_BASE_URL: 'https://wijkpost.test', LINK_SIGNING_SECRET: secret });

  /** One worker round with the real transports; `mail` replaces the SMTP sender (a crashing worker). */
  const deliver = async (mail?: MailSender) => {
    const deps = outboxDeliveryDeps({ db, clock }, config(), mail ? { mail } : {});
    try {
      return await deliverDueMessages(deps);
    } finally {
      deps.close();
    }
  };
  const fileReport = async (email: string, language?: 'nl' | 'en'): Promise<{ id: string; trackingCode: string }> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'hondenpoep',
        description: 'Hondenpoep op de stoep',
        location: GROTE_MARKT,
        reporter: { email, consentToShareWithPartners: false, ...(language ? { language } : {}) },
      },
      remoteAddress: '198.51.100.30',
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  };
  const setStatus = async (id: string, status: string, text?: string) => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/status`,
      headers: officer,
      payload: text ? { status, text } : { status },
    });
    assert.equal(response.statusCode, 200, response.body);
  };
  const messagesTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
  const outboxRows = async (recipient: string) =>
    (
      await db.query<{
        id: string;
        status: string;
        attempts: number;
        next_attempt_at: Date;
        last_error: string | null;
        message_id: string | null;
        template: string;
      }>(
        'SELECT id, status, attempts, next_attempt_at, last_error, message_id, template FROM outbox_messages WHERE recipient = $1 ORDER BY created_at, id',
        [recipient],
      )
    ).rows;

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    app = await testApp(db, { clock, env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000', LINK_SIGNING_SECRET: secret } });
    officer = await bearerFor(db, world.userId(emails.centrumOfficer));
    smtp = await startTestSmtp();
  });
  after(async () => {
    await smtp.stop();
    await app.close();
    await db.close();
  });

  it('sends a reporter who left an address a confirmation with the tracking code, holder and deadline', async () => {
    const report = await fileReport('melder.een@example.org');
    assert.deepEqual(messagesTo('melder.een@example.org'), [], 'nothing is sent in the request itself');
    const counts = await deliver();
    assert.ok(counts.sent >= 1);
    const [mail, ...more] = messagesTo('melder.een@example.org');
    assert.equal(more.length, 0);
    assert.ok(mail);
    assert.match(mail.parsed.subject ?? '', new RegExp(report.trackingCode));
    assert.match(mail.parsed.text ?? '', new RegExp(report.trackingCode));
    assert.match(mail.parsed.text ?? '', /Sanne Bakker/);
    assert.match(mail.parsed.text ?? '', /vóór \d+ december 2026/);
    assert.match(mail.parsed.text ?? '', new RegExp(`https://wijkpost.test/melding/${report.trackingCode}`));
    const html = String(mail.parsed.html);
    assert.match(html, /<html lang="nl">/);
    assert.doesNotMatch(html, /<img|src=|url\(/i, 'no images, no remote content, no tracking pixel');
    const [row] = await outboxRows('melder.een@example.org');
    assert.equal(row?.status, 'sent');
    assert.equal(mail.parsed.messageId, messageIdFor(row!.id, 'wijkpost.invalid'));
  });

  it('writes the confirmation in English for a reporter who filed in English', async () => {
    await fileReport('reporter.en@example.org', 'en');
    await deliver();
    const [mail] = messagesTo('reporter.en@example.org');
    assert.match(mail?.parsed.subject ?? '', /^We received your report/);
    assert.match(String(mail?.parsed.html), /<html lang="en">/);
  });

  it('sends the text for the reporter and a working feedback link when the report is resolved', async () => {
    const report = await fileReport('melder.twee@example.org');
    await setStatus(report.id, 'resolved', 'De hondenpoep is opgeruimd door de reinigingsdienst.');
    await deliver();
    const mails = messagesTo('melder.twee@example.org');
    assert.equal(mails.length, 2, 'confirmation and resolution');
    const resolved = mails.find((m) => /afgehandeld/.test(m.parsed.subject ?? ''));
    assert.ok(resolved);
    assert.match(resolved.parsed.text ?? '', /De hondenpoep is opgeruimd door de reinigingsdienst\./);
    const link = /https:\/\/wijkpost\.test\/feedback\/([A-Za-z0-9_-]+)/.exec(resolved.parsed.text ?? '');
    assert.ok(link, 'a feedback link');
    // The link works: the feedback page opens it (the same token the feedback area checks).
    const form = await app.inject({ method: 'GET', url: `/api/v1/public/feedback/${link[1]}` });
    assert.equal(form.statusCode, 200, form.body);
    const verified = verifyReporterLinkToken(link[1]!, { purpose: 'feedback', now: clock.now() }, secret);
    assert.equal(verified.reportId, report.id);
    assert.throws(() =>
      verifyReporterLinkToken(
        link[1]!,
        { purpose: 'feedback', now: clock.now() },
        'another-secret-of-at-least-32-characters',
      ),
    );
  });

  it('asks the reporter the question and tells them the partner by name on a forward', async () => {
    const report = await fileReport('melder.drie@example.org');
    await setStatus(report.id, 'waiting_for_reporter', 'Om welk huisnummer gaat het precies?');
    await deliver();
    const question = messagesTo('melder.drie@example.org').find((m) => /vraag/.test(m.parsed.subject ?? ''));
    assert.match(question?.parsed.text ?? '', /Om welk huisnummer gaat het precies\?/);
    await setStatus(report.id, 'in_progress');
    const forward = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${report.id}/assignment`,
      headers: officer,
      payload: { kind: 'partner', id: world.teamId('spaarnelanden'), text: 'Graag vandaag nog' },
    });
    assert.equal(forward.statusCode, 200, forward.body);
    await deliver();
    const forwarded = messagesTo('melder.drie@example.org').find((m) => /doorgestuurd/.test(m.parsed.subject ?? ''));
    assert.match(forwarded?.parsed.text ?? '', /Spaarnelanden/);
    assert.doesNotMatch(
      forwarded?.parsed.text ?? '',
      /Graag vandaag nog/,
      "the note to the partner is not the reporter's",
    );
  });

  it('keeps a delivery pending while the SMTP server is down, backs off, and delivers once it is back', async () => {
    await smtp.stop();
    try {
      await fileReport('melder.vier@example.org');
      const first = await deliver();
      assert.equal(first.sent, 0);
      let [row] = await outboxRows('melder.vier@example.org');
      assert.equal(row?.status, 'pending');
      assert.equal(row?.attempts, 1);
      assert.ok(row?.last_error, 'the last error is kept');
      assert.doesNotMatch(row!.last_error!, /@/, 'without addresses');
      assert.equal(row!.next_attempt_at.getTime() - clock.now().getTime(), 30_000, 'first retry after the base');
      assert.deepEqual(await deliver(), { sent: 0, retried: 0, failed: 0 }, 'not due before its time');
      clock.advance(30_000);
      await deliver();
      [row] = await outboxRows('melder.vier@example.org');
      assert.equal(row?.attempts, 2);
      assert.equal(row!.next_attempt_at.getTime() - clock.now().getTime(), 60_000, 'then twice the base');
    } finally {
      await smtp.start();
    }
    clock.advance(60_000);
    await deliver();
    const [row] = await outboxRows('melder.vier@example.org');
    assert.equal(row?.status, 'sent');
    assert.equal(messagesTo('melder.vier@example.org').length, 1);
  });

  it('gives up after three days as failed, never showing it as sent', async () => {
    await smtp.stop();
    try {
      await fileReport('melder.vijf@example.org');
      await deliver();
      clock.advance(3 * 24 * 3600 * 1000);
      const counts = await deliver();
      assert.ok(counts.failed >= 1);
      const [row] = await outboxRows('melder.vijf@example.org');
      assert.equal(row?.status, 'failed');
      assert.ok(row?.last_error);
    } finally {
      await smtp.start();
    }
    clock.advance(3600_000);
    await deliver();
    assert.equal((await outboxRows('melder.vijf@example.org'))[0]?.status, 'failed', 'a failed message stays failed');
    assert.equal(messagesTo('melder.vijf@example.org').length, 0);
  });

  it('loses nothing when a worker dies after claiming: the next round delivers it, with the same Message-ID', async () => {
    await fileReport('melder.zes@example.org');
    // A worker that claims and then never finishes (the process died mid-send).
    const hung: MailSender = { send: () => new Promise(() => undefined) };
    void deliver(hung);
    await new Promise((resolve) => setTimeout(resolve, 200));
    let [row] = await outboxRows('melder.zes@example.org');
    assert.deepEqual([row?.status, row?.attempts], ['pending', 1], 'claimed, not sent');
    assert.deepEqual((await deliver()).sent, 0, 'the claim holds while its lease runs');
    clock.advance(5 * 60_000);
    await deliver();
    [row] = await outboxRows('melder.zes@example.org');
    assert.equal(row?.status, 'sent');
    const mails = messagesTo('melder.zes@example.org');
    assert.equal(mails.length, 1);
    assert.equal(mails[0]!.parsed.messageId, messageIdFor(row!.id, 'wijkpost.invalid'));
  });

  it('repeats a message accepted just before a crash with the same Message-ID, so mail clients fold it', async () => {
    await fileReport('melder.zeven@example.org');
    const deps = outboxDeliveryDeps({ db, clock }, config());
    // Sends for real, then dies before recording it.
    const acceptedThenDied: MailSender = {
      send: async (mail) => {
        await deps.mail!.send(mail);
        await new Promise(() => undefined);
      },
    };
    void deliverDueMessages({ ...deps, mail: acceptedThenDied });
    for (let i = 0; i < 50 && messagesTo('melder.zeven@example.org').length === 0; i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    clock.advance(5 * 60_000);
    await deliver();
    deps.close();
    const ids = messagesTo('melder.zeven@example.org').map((m) => m.parsed.messageId);
    assert.equal(ids.length, 2, 'at least once: a repeat');
    assert.equal(ids[0], ids[1]);
  });

  it('tells followers of the change, with a one-click unsubscribe that a link scanner cannot trigger', async () => {
    const report = await fileReport('melder.negen@example.org');
    const { rows } = await db.query<{ public_id: string }>('SELECT public_id FROM reports WHERE id = $1', [report.id]);
    const follow = await app.inject({
      method: 'POST',
      url: '/api/v1/public/report-followers',
      payload: { reportId: rows[0]!.public_id, email: 'buur@example.org', language: 'en' },
      remoteAddress: '198.51.100.31',
    });
    assert.equal(follow.statusCode, 201, follow.body);
    await setStatus(report.id, 'planned', 'Morgen komt de veegwagen langs bij nummer 12.');
    await deliver();
    const [mail, ...more] = messagesTo('buur@example.org');
    assert.equal(more.length, 0);
    assert.ok(mail);
    assert.match(mail.parsed.subject ?? '', /^News about the report you follow/);
    assert.doesNotMatch(
      mail.parsed.text ?? '',
      /nummer 12|melder\.negen/,
      "the reporter's texts are not the follower's",
    );
    assert.doesNotMatch(mail.parsed.text ?? '', new RegExp(report.trackingCode), 'nor the tracking code');
    const headers = mail.raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
    const oneClick =
      /^List-Unsubscribe: <(https:\/\/wijkpost\.test(\/api\/v1\/public\/report-followers\/unsubscribe\?token=[^>]+))>\r?$/m.exec(
        headers,
      );
    assert.ok(oneClick, 'a List-Unsubscribe URL');
    assert.match(headers, /^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    const pageLink = /https:\/\/wijkpost\.test(\/afmelden\?token=[A-Za-z0-9._-]+)/.exec(mail.parsed.text ?? '');
    assert.ok(pageLink, 'a link to the unsubscribe page in the text');

    const opened = await app.inject({ method: 'GET', url: pageLink[1]! });
    assert.equal(opened.statusCode, 200);
    assert.match(opened.body, /<html lang="nl">[\s\S]*<form method="post" action="\/afmelden">/);
    const followers = async () =>
      (await db.query('SELECT 1 FROM report_followers WHERE report_id = $1', [report.id])).rowCount;
    assert.equal(await followers(), 1, 'opening the page alone unsubscribes nobody');

    const forged = await app.inject({
      method: 'POST',
      url: oneClick[2]!.replace(/token=[^.]+/, 'token=00000000-0000-4000-8000-000000000000'),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(forged.statusCode, 404);
    const clicked = await app.inject({
      method: 'POST',
      url: oneClick[2]!,
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=One-Click',
    });
    assert.equal(clicked.statusCode, 200, clicked.body);
    assert.deepEqual(clicked.json(), { unsubscribed: true });
    assert.equal(await followers(), 0);
    await setStatus(report.id, 'resolved', 'Opgeruimd.');
    await deliver();
    assert.equal(messagesTo('buur@example.org').length, 1, 'no more messages after unsubscribing');
  });

  describe('partner webhooks', () => {
    let receiver: Server;
    let url: string;
    const webhookSecret = 'spaarnelanden-webhook-secret-42';
    const received: { verified: boolean; body: unknown; timestamp: string | undefined }[] = [];
    let answer = 204;
    before(async () => {
      receiver = createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on('data', (chunk: Buffer) => chunks.push(chunk));
        request.on('end', () => {
          const raw = Buffer.concat(chunks);
          const expected = Buffer.from(`sha256=${createHmac('sha256', webhookSecret).update(raw).digest('hex')}`);
          const given = Buffer.from(String(request.headers['x-wijkpost-signature'] ?? ''));
          const verified = given.length === expected.length && timingSafeEqual(given, expected);
          received.push({
            verified,
            body: JSON.parse(raw.toString('utf8')),
            timestamp: request.headers['x-wijkpost-timestamp'] as string,
          });
          response.statusCode = verified ? answer : 401;
          response.end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/wijkpost`;
      const admin = await bearerFor(db, world.userId(emails.administrator));
      const set = await app.inject({
        method: 'PUT',
        url: `/api/v1/partners/${world.teamId('spaarnelanden')}/delivery-channel`,
        headers: admin,
        payload: { channel: 'webhook', webhookUrl: url, webhookSecret },
      });
      assert.equal(set.statusCode, 200, set.body);
      assert.deepEqual(set.json(), { channel: 'webhook', email: null, webhookUrl: url, webhookSecretSet: true });
      assert.ok(!set.body.includes(webhookSecret), 'the secret is write-only');
    });
    after(async () => {
      await db.query("UPDATE teams SET delivery_channel = 'workspace', webhook_url = NULL, webhook_secret = NULL");
      await new Promise<void>((resolve) => receiver.close(() => resolve()));
    });

    it('POSTs a forward to the partner, signed with its secret, retrying until it answers 2xx', async () => {
      const report = await fileReport('melder.acht@example.org');
      answer = 503;
      const forward = await app.inject({
        method: 'POST',
        url: `/api/v1/reports/${report.id}/assignment`,
        headers: officer,
        payload: { kind: 'partner', id: world.teamId('spaarnelanden'), text: 'Container vol' },
      });
      assert.equal(forward.statusCode, 200, forward.body);
      await deliver();
      let [row] = await outboxRows(url);
      assert.deepEqual([row?.status, row?.last_error], ['pending', 'the webhook answered 503']);
      answer = 204;
      clock.advance(30_000);
      await deliver();
      [row] = await outboxRows(url);
      assert.equal(row?.status, 'sent');
      assert.equal(received.length, 2);
      assert.ok(
        received.every((r) => r.verified),
        'the receiver verified the signature',
      );
      assert.match(received[1]!.timestamp ?? '', /^\d+$/);
      const body = received[1]!.body as Record<string, unknown>;
      assert.equal(body.event, 'report.forwarded');
      assert.equal(body.reportId, report.id);
      assert.equal(body.text, 'Container vol');
      assert.doesNotMatch(JSON.stringify(body), /melder\.acht|trackingCode/, 'no reporter contact, no tracking code');
    });
  });

  it("e-mails the partner of a forward when that is its channel, with the municipality's note", async () => {
    const admin = await bearerFor(db, world.userId(emails.administrator));
    const set = await app.inject({
      method: 'PUT',
      url: `/api/v1/partners/${world.teamId('spaarnelanden')}/delivery-channel`,
      headers: admin,
      payload: { channel: 'email', email: 'meldingen@spaarnelanden.example' },
    });
    assert.equal(set.statusCode, 200, set.body);
    const report = await fileReport('melder.tien@example.org');
    const forward = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${report.id}/assignment`,
      headers: officer,
      payload: { kind: 'partner', id: world.teamId('spaarnelanden'), text: 'Bak staat bij de kerk' },
    });
    assert.equal(forward.statusCode, 200, forward.body);
    await deliver();
    const [mail] = messagesTo('meldingen@spaarnelanden.example');
    assert.match(mail?.parsed.subject ?? '', /^Doorgestuurde melding/);
    assert.match(mail?.parsed.text ?? '', /Bak staat bij de kerk/);
    assert.match(mail?.parsed.text ?? '', new RegExp(`https://wijkpost.test/werk/melding/${report.id}`));
    assert.doesNotMatch(
      mail?.parsed.text ?? '',
      new RegExp(`melder\\.tien|${report.trackingCode}`),
      'no reporter contact, no tracking code',
    );
  });

  it('backs off exponentially from the base up to an hour', () => {
    assert.deepEqual(
      [1, 2, 3, 4, 5, 6, 7, 8, 20].map((n) => retryDelaySeconds(n, 30)),
      [30, 60, 120, 240, 480, 960, 1920, 3600, 3600],
    );
  });
});
