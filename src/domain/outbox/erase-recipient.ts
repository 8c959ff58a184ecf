import type { Queryable } from '../../db/db.ts';

/**
 * A data-subject erasure reaches the outbox too (called by the privacy area in its transaction): the e-mails to this
 * address in the municipality lose their recipient and contents, and those still pending are given up, so nothing
 * goes out to an address erased on request. `email` is normalised (trimmed, lower case) by the caller.
 */
export async function eraseOutboxRecipient(
  tx: Queryable,
  input: { municipalityCode: string; email: string },
): Promise<number> {
  const { rowCount } = await tx.query(
    `UPDATE outbox_messages
        SET recipient = 'erased:' || id, payload = '{}'::jsonb,
            status = CASE WHEN status = 'pending' THEN 'failed' ELSE status END,
            last_error = CASE WHEN status = 'pending' THEN 'recipient erased on request' ELSE last_error END
      WHERE municipality_code = $1 AND channel = 'email' AND lower(trim(recipient)) = $2`,
    [input.municipalityCode, input.email],
  );
  return rowCount;
}
