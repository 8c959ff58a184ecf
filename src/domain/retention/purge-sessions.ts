import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { deleteDeadSessions } from './repository.ts';

/** Deletes sessions that are expired or revoked: they sign no one in any more, and name who was signed in when. */
export async function purgeSessions(deps: {
  db: Db;
  clock: Clock;
}): Promise<{ expiredSessionsRemoved: number; revokedSessionsRemoved: number }> {
  const { expired, revoked } = await deleteDeadSessions(deps.db, deps.clock.now());
  return { expiredSessionsRemoved: expired, revokedSessionsRemoved: revoked };
}
