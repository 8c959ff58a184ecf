import type { Queryable } from '../../db/db.ts';
import type { NewOutboxMessage, OutboxChannel, OutboxStatus } from './schemas.ts';

export interface OutboxRow {
  id: string;
  municipality_code: string;
  report_id: string | null;
  event_key: string;
  channel: OutboxChannel;
  recipient: string;
  template: string;
  payload: unknown;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  message_id: string | null;
}

/** Inserts the messages of one event; a message already there for (event, channel, recipient) is left alone. */
export async function insertMessages(
  db: Queryable,
  event: { municipalityCode: string; reportId: string | null; eventKey: string; at: Date },
  messages: readonly NewOutboxMessage[],
): Promise<number> {
  if (!messages.length) return 0;
  const { rowCount } = await db.query(
    `INSERT INTO outbox_messages (municipality_code, report_id, event_key, channel, recipient, template, payload,
                                  next_attempt_at, created_at)
     SELECT $1, $2, $3, m.channel, m.recipient, m.template, m.payload, $4, $4
       FROM jsonb_to_recordset($5::jsonb) AS m(channel text, recipient text, template text, payload jsonb)
     ON CONFLICT (event_key, channel, recipient) DO NOTHING`,
    [event.municipalityCode, event.reportId, event.eventKey, event.at, JSON.stringify(messages)],
  );
  return rowCount;
}

export interface ClaimedRow extends OutboxRow {
  time_zone: string;
}

/**
 * Claims due messages in one short statement: each gets attempts + 1 and a lease (next_attempt_at moved on), so
 * no transaction stays open while it is sent, and a worker that dies mid-send leaves it to be claimed again when
 * the lease ends. SKIP LOCKED lets workers in other processes claim other messages meanwhile.
 */
export async function claimDueMessages(
  db: Queryable,
  input: { now: Date; leaseUntil: Date; limit: number; channels: readonly OutboxChannel[] },
): Promise<ClaimedRow[]> {
  const { rows } = await db.query<ClaimedRow>(
    `WITH due AS (
       SELECT id FROM outbox_messages
        WHERE status = 'pending' AND next_attempt_at <= $1 AND channel = ANY($4::text[])
        ORDER BY next_attempt_at, id
        LIMIT $3
        FOR UPDATE SKIP LOCKED
     )
     UPDATE outbox_messages m SET attempts = m.attempts + 1, next_attempt_at = $2
       FROM due, municipalities mu
      WHERE m.id = due.id AND mu.code = m.municipality_code
     RETURNING m.*, mu.timezone AS time_zone`,
    [input.now, input.leaseUntil, input.limit, input.channels],
  );
  return rows;
}

/** Marks a claimed message sent; only while it is still the same attempt (a later claim owns it otherwise). */
export async function markSent(
  db: Queryable,
  input: { id: string; attempts: number; at: Date; messageId: string | null },
): Promise<void> {
  await db.query(
    `UPDATE outbox_messages SET status = 'sent', sent_at = $3, message_id = $4, last_error = NULL
      WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
    [input.id, input.attempts, input.at, input.messageId],
  );
}

export async function markAttemptFailed(
  db: Queryable,
  input: { id: string; attempts: number; error: string; nextAttemptAt: Date | null },
): Promise<void> {
  await db.query(
    `UPDATE outbox_messages
        SET last_error = $3,
            status = CASE WHEN $4::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
            next_attempt_at = COALESCE($4::timestamptz, next_attempt_at)
      WHERE id = $1 AND attempts = $2 AND status = 'pending'`,
    [input.id, input.attempts, input.error, input.nextAttemptAt],
  );
}

export async function findWebhookSecret(db: Queryable, partnerId: string): Promise<string | null> {
  const { rows } = await db.query<{ webhook_secret: string | null }>(
    "SELECT webhook_secret FROM teams WHERE id = $1 AND kind = 'partner'",
    [partnerId],
  );
  return rows[0]?.webhook_secret ?? null;
}

export async function listMessagesOfReport(db: Queryable, reportId: string): Promise<OutboxRow[]> {
  const { rows } = await db.query<OutboxRow>(
    'SELECT * FROM outbox_messages WHERE report_id = $1 ORDER BY created_at, id',
    [reportId],
  );
  return rows;
}

export async function listFailedMessages(
  db: Queryable,
  input: { municipalityCode: string; after: { at: string; id: string } | null; limit: number },
): Promise<(OutboxRow & { created_at_text: string })[]> {
  const { rows } = await db.query<OutboxRow & { created_at_text: string }>(
    `SELECT *, created_at::text AS created_at_text FROM outbox_messages
      WHERE municipality_code = $1 AND status = 'failed'
        AND ($2::timestamptz IS NULL OR (created_at, id) < ($2::timestamptz, $3::uuid))
      ORDER BY created_at DESC, id DESC
      LIMIT $4`,
    [input.municipalityCode, input.after?.at ?? null, input.after?.id ?? null, input.limit],
  );
  return rows;
}

export interface OutboxCounts {
  channel: OutboxChannel;
  status: OutboxStatus;
  n: number;
  oldest: Date | null;
}

/** Counts of pending and failed messages by channel (sent ones are the bulk and not counted). */
export async function countBacklog(db: Queryable, municipalityCode: string | null): Promise<OutboxCounts[]> {
  const { rows } = await db.query<OutboxCounts>(
    `SELECT channel, status, count(*)::int AS n, min(created_at) AS oldest FROM outbox_messages
      WHERE status IN ('pending', 'failed') AND ($1::text IS NULL OR municipality_code = $1)
      GROUP BY channel, status`,
    [municipalityCode],
  );
  return rows;
}
