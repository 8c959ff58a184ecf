/**
 * Several processes deliver the outbox at once on one PostgreSQL server: FOR UPDATE SKIP LOCKED hands each message
 * to one of them. Two pools stand in for two processes. Like run-job-lock.test.ts this file always runs on the
 * server (DATABASE_URL when set, else the local server) in a database of its own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { fixedClock } from '../shared/clock.ts';
import { deliverDueMessages, type MailSender } from '../domain/outbox/index.ts';
import { scratchServerDatabase } from '../../test/support/db.ts';

describe('the outbox on the PostgreSQL server: several workers at once', () => {
  let scratch: Awaited<ReturnType<typeof scratchServerDatabase>>;
  let processes: Db[];
  const clock = fixedClock('2026-11-24T09:00:00Z');
  const messages = 60;
  before(async () => {
    scratch = await scratchServerDatabase('wijkpost_outbox_lock', { pools: 2, max: 3 });
    processes = scratch.pools;
    await migrate(processes[0]!);
    await processes[0]!.query("INSERT INTO municipalities (code, name, slug) VALUES ('GM0392', 'Haarlem', 'haarlem')");
    await processes[0]!.query(
      `INSERT INTO outbox_messages (municipality_code, event_key, channel, recipient, template, payload, next_attempt_at, created_at)
       SELECT 'GM0392', 'parallel:' || g, 'email', 'r' || g || '@example.org', 'confirmation',
              jsonb_build_object('language', 'nl', 'trackingCode', 'WP-' || g, 'category', jsonb_build_object('nl', 'Afval', 'en', 'Waste'),
                                 'assigneeName', 'Team', 'deadline', '2026-12-01T10:00:00Z'),
              $1, $1
         FROM generate_series(1, ${messages}) AS g`,
      [clock.now()],
    );
  });
  after(() => scratch.drop());

  it('never sends one message twice when two processes deliver at the same time', async () => {
    const sentBy: { worker: number; messageId: string }[] = [];
    const sender = (worker: number): MailSender => ({
      // A slow server: each worker is mid-send while the other claims.
      send: async (mail) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        sentBy.push({ worker, messageId: mail.messageId });
      },
    });
    const deps = (db: Db, worker: number) => ({
      db,
      clock,
      mail: sender(worker),
      webhook: { post: async () => undefined },
      retryBaseSeconds: 30,
      publicBaseUrl: 'https://wijkpost.test',
      linkSecret: 'parallel-test-link-secret-0123456789',
      messageIdDomain: 'example.org',
    });
    const results = await Promise.all(
      processes.flatMap((db, worker) => [
        deliverDueMessages(deps(db, worker), { batchSize: 4 }),
        deliverDueMessages(deps(db, worker), { batchSize: 4 }),
      ]),
    );
    const ids = sentBy.map((s) => s.messageId);
    assert.equal(ids.length, messages);
    assert.equal(new Set(ids).size, messages, 'each message once');
    assert.equal(
      results.reduce((n, r) => n + r.sent, 0),
      messages,
    );
    assert.deepEqual([...new Set(sentBy.map((s) => s.worker))].sort(), [0, 1], 'both processes took a share');
    const { rows } = await processes[1]!.query<{ status: string; attempts: number; n: number }>(
      'SELECT status, attempts, count(*)::int AS n FROM outbox_messages GROUP BY status, attempts',
    );
    assert.deepEqual(rows, [{ status: 'sent', attempts: 1, n: messages }]);
  });
});
