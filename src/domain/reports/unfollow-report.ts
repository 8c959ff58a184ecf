import type { Db } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { verifyUnsubscribeToken } from '../outbox/index.ts';
import { deleteFollower } from './public-reports-repository.ts';

/**
 * One-click unsubscribe from a followed report (RFC 8058): the signed token from the e-mail names the follow.
 * Idempotent: a second click answers the same. The address is removed, not flagged: nothing is kept of it.
 */
export async function unfollowReport(
  deps: { db: Db; linkSecret: string },
  token: string,
): Promise<{ unsubscribed: true }> {
  const followerId = verifyUnsubscribeToken(token, deps.linkSecret);
  if (!followerId) throw new DomainError('not_found', 'This unsubscribe link is not valid.');
  await deleteFollower(deps.db, followerId);
  return { unsubscribed: true };
}
