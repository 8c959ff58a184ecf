import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { fixedClock } from '../../shared/clock.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { purgeDeliveredMessages } from './index.ts';

describe('outbox retention', () => {
  let db: Db;
  const clock = fixedClock('2026-11-24T09:00:00Z');
  before(async () => {
    db = await openTestDb({ empty: true });
    await db.query("INSERT INTO municipalities (code, name, slug) VALUES ('GM0392', 'Haarlem', 'haarlem')");
    const add = (key: string, status: string, daysAgo: number) =>
      db.query(
        `INSERT INTO outbox_messages (municipality_code, event_key, channel, recipient, template, payload, status,
                                      next_attempt_at, created_at, sent_at)
         VALUES ('GM0392', $1, 'email', $1 || '@example.org', 'status_update', '{"text": "Opgeruimd bij Jansen"}', $2,
                 $3::timestamptz - make_interval(days => $4), $3::timestamptz - make_interval(days => $4),
                 CASE WHEN $2 = 'sent' THEN $3::timestamptz - make_interval(days => $4) END)`,
        [key, status, clock.now(), daysAgo],
      );
    await add('old-sent', 'sent', 31);
    await add('old-failed', 'failed', 31);
    await add('recent-sent', 'sent', 29);
    await add('old-pending', 'pending', 31);
  });
  after(() => db.close());

  it('removes recipient and contents 30 days after sending or giving up, keeping the row; pending ones stay', async () => {
    assert.deepEqual(await purgeDeliveredMessages({ db, clock }), { erased: 2 });
    const { rows } = await db.query<{ event_key: string; recipient: string; payload: object }>(
      'SELECT event_key, recipient, payload FROM outbox_messages ORDER BY event_key',
    );
    const kept = Object.fromEntries(rows.map((r) => [r.event_key, r.recipient.includes('@') ? 'kept' : 'erased']));
    assert.deepEqual(kept, {
      'old-failed': 'erased',
      'old-pending': 'kept',
      'old-sent': 'erased',
      'recent-sent': 'kept',
    });
    assert.ok(rows.filter((r) => !r.recipient.includes('@')).every((r) => JSON.stringify(r.payload) === '{}'));
    assert.deepEqual(await purgeDeliveredMessages({ db, clock }), { erased: 0 }, 'once is enough');
  });
});
