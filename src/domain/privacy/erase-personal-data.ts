import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { eraseOutboxRecipient } from '../outbox/index.ts';
import { collectPersonalData, subjectOf } from './collect-personal-data.ts';
import { deleteFollows, eraseReporterContact, insertPrivacyRequest } from './repository.ts';
import type { ErasureReceipt, PrivacyRequestBody } from './schemas.ts';
import { hashSubject } from './subject.ts';

/** The history text; it names no address, so the history (append-only) never holds what was erased. */
export const contactErasedText = 'Reporter contact erased on request';

/**
 * Right to erasure (AVG art. 17) within the administrator's municipality, in one transaction:
 * - reports with this reporter contact keep everything but the contact (e-mail, phone, name, consent): the report is
 *   the municipality's record of its work; each gets a history entry without the address;
 * - follows of this e-mail address are removed;
 * - e-mails to this address in the outbox lose address and contents, and pending ones are not sent;
 * - staff accounts are counted, not touched: an employee's account is ended through user management.
 * The audit row holds who, when and the counts, and the address only as a salted hash.
 */
export async function erasePersonalData(
  deps: { db: Db; clock: Clock },
  actor: StaffUser,
  body: PrivacyRequestBody,
): Promise<ErasureReceipt> {
  const at = deps.clock.now();
  const subject = subjectOf(body);
  return deps.db.transaction(async (tx) => {
    const found = await collectPersonalData(tx, actor, subject, { lock: true });
    await eraseReporterContact(
      tx,
      found.reports.map((report) => report.id),
      { at, actorId: actor.id, actorLabel: actor.name, text: contactErasedText },
    );
    const follows = await deleteFollows(
      tx,
      found.follows.map((follow) => follow.followId),
    );
    if (subject.email !== null)
      await eraseOutboxRecipient(tx, { municipalityCode: actor.municipalityCode, email: subject.email });
    const counts = { reports: found.reports.length, follows, staffAccounts: found.staffAccounts.length };
    const requestId = await insertPrivacyRequest(tx, {
      municipalityCode: actor.municipalityCode,
      kind: 'erase',
      actorId: actor.id,
      actorLabel: actor.name,
      at,
      subjectHashes: hashSubject(subject),
      counts,
    });
    return { requestId, erasedAt: at.toISOString(), ...counts };
  });
}
