import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { clearReporterContact, deleteFollowersOfClosedReports, recordRetentionHistory } from './repository.ts';

export interface AnonymiseReporterContactCounts {
  /** Reports whose reporter e-mail, phone and name were cleared in this run. */
  reportsAnonymised: number;
  /** Follower e-mail addresses removed (report_followers rows). */
  followersRemoved: number;
}

/**
 * Clears the reporter's contact (e-mail, phone, name, consent to share) and removes the followers' addresses of
 * every report closed at least its municipality's reporter_retention_days ago (default 365, as Signalen does).
 * The report itself, its history and its location stay: they are the municipality's record, not personal data.
 * Each report changed gets a history entry by the system ("contact_expired"), naming nothing that was removed.
 * Idempotent: a second run at the same moment finds nothing left to change.
 */
export async function anonymiseReporterContact(deps: {
  db: Db;
  clock: Clock;
}): Promise<AnonymiseReporterContactCounts> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const anonymised = await clearReporterContact(tx, now);
    const followed = await deleteFollowersOfClosedReports(tx, now);
    await recordRetentionHistory(tx, [...anonymised, ...followed], 'contact_expired', now);
    return { reportsAnonymised: anonymised.length, followersRemoved: followed.length };
  });
}
