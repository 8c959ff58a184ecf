import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { deleteUploadUsageBefore } from './repository.ts';

/**
 * Deletes the photo upload counts of earlier days: they name (by a keyed hash) which address uploaded how much,
 * and only today's count is needed for the cap.
 */
export async function purgeUploadUsage(deps: { db: Db; clock: Clock }): Promise<{ uploadCountsRemoved: number }> {
  const today = deps.clock.now().toISOString().slice(0, 10);
  return { uploadCountsRemoved: await deleteUploadUsageBefore(deps.db, today) };
}
