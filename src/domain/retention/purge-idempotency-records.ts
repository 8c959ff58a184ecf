import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { deleteIdempotencyRecordsBefore } from './repository.ts';

export const DEFAULT_IDEMPOTENCY_RETENTION_HOURS = 48;

/**
 * Deletes stored Idempotency-Key answers older than retentionHours: a client retries within minutes, and the
 * stored answer holds the report's tracking code. After this a reused key counts as a new request.
 */
export async function purgeIdempotencyRecords(
  deps: { db: Db; clock: Clock },
  retentionHours: number = DEFAULT_IDEMPOTENCY_RETENTION_HOURS,
): Promise<{ idempotencyRecordsRemoved: number }> {
  const cutoff = new Date(deps.clock.now().getTime() - retentionHours * 3_600_000);
  return { idempotencyRecordsRemoved: await deleteIdempotencyRecordsBefore(deps.db, cutoff) };
}
