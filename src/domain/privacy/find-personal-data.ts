import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { recordAuditEntry, REPORTER_CONTACT_VIEW } from '../audit/index.ts';
import { collectPersonalData, subjectOf } from './collect-personal-data.ts';
import { insertPrivacyRequest } from './repository.ts';
import type { PersonalDataExport, PrivacyRequestBody } from './schemas.ts';
import { hashSubject } from './subject.ts';

/**
 * Right of access (AVG art. 15): everything held for an e-mail address or phone number within the administrator's
 * municipality, as one JSON document. Reading personal data in bulk is itself recorded (who, when, how much; the
 * address only as a salted hash), and each report whose contact it shows is an audit entry, in the same transaction.
 */
export async function findPersonalData(
  deps: { db: Db; clock: Clock },
  actor: StaffUser,
  body: PrivacyRequestBody,
): Promise<PersonalDataExport> {
  const at = deps.clock.now();
  const subject = subjectOf(body);
  return deps.db.transaction(async (tx) => {
    const found = await collectPersonalData(tx, actor, subject, { lock: false });
    await insertPrivacyRequest(tx, {
      municipalityCode: actor.municipalityCode,
      kind: 'search',
      actorId: actor.id,
      actorLabel: actor.name,
      at,
      subjectHashes: hashSubject(subject),
      counts: {
        reports: found.reports.length,
        follows: found.follows.length,
        staffAccounts: found.staffAccounts.length,
      },
    });
    for (const report of found.reports) {
      await recordAuditEntry({ db: tx, clock: deps.clock }, actor, {
        action: REPORTER_CONTACT_VIEW,
        record: { kind: 'reports', id: report.id },
        outcome: 'shown',
      });
    }
    return {
      generatedAt: at.toISOString(),
      municipalityCode: actor.municipalityCode,
      subject,
      reports: found.reports,
      follows: found.follows.map(({ reportId, email, language, since }) => ({ reportId, email, language, since })),
      staffAccounts: found.staffAccounts,
    };
  });
}
