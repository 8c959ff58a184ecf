import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';

/** How long a sent or failed message keeps its recipient and payload (addresses, texts) after its last attempt. */
export const OUTBOX_KEEP_DAYS = 30;

/**
 * Retention of the outbox: 30 days after a message was sent or given up, its recipient (an e-mail address or URL)
 * and payload are removed; the row stays, so a report's deliveries still show what went out when. The recipient
 * becomes `erased:<id>`, which keeps (event_key, channel, recipient) unique.
 */
export async function purgeDeliveredMessages(deps: { db: Db; clock: Clock }): Promise<{ erased: number }> {
  const { rowCount } = await deps.db.query(
    `UPDATE outbox_messages SET recipient = 'erased:' || id, payload = '{}'::jsonb
      WHERE status IN ('sent', 'failed') AND recipient NOT LIKE 'erased:%'
        AND COALESCE(sent_at, next_attempt_at, created_at) < $1::timestamptz - make_interval(days => $2)`,
    [deps.clock.now(), OUTBOX_KEEP_DAYS],
  );
  return { erased: rowCount };
}
