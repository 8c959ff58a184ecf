import type { Queryable } from '../../db/db.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { listContactReports, listFollows, listStaffAccounts, type SubjectKeys } from './repository.ts';
import type { PrivacyRequestBody, SubjectFollow, SubjectReport, SubjectStaffAccount } from './schemas.ts';
import { normaliseEmail, normalisePhone, phoneTail, type DataSubject } from './subject.ts';

export interface PersonalData {
  subject: DataSubject;
  reports: SubjectReport[];
  follows: (SubjectFollow & { followId: string })[];
  staffAccounts: SubjectStaffAccount[];
}

export function subjectOf(body: PrivacyRequestBody): DataSubject {
  return {
    email: body.email === undefined ? null : normaliseEmail(body.email),
    phone: body.phone === undefined ? null : normalisePhone(body.phone),
  };
}

function matchesOf(subject: DataSubject, email: string | null, phone: string | null): ('email' | 'phone')[] {
  const matched: ('email' | 'phone')[] = [];
  if (subject.email !== null && email !== null && normaliseEmail(email) === subject.email) matched.push('email');
  if (subject.phone !== null && phone !== null && normalisePhone(phone) === subject.phone) matched.push('phone');
  return matched;
}

/**
 * Everything held for the subject within the actor's municipality. SQL narrows (exact e-mail, phone digits ending
 * alike); normalisePhone decides, so there is one definition of "the same number".
 */
export async function collectPersonalData(
  db: Queryable,
  actor: StaffUser,
  subject: DataSubject,
  options: { lock: boolean },
): Promise<PersonalData> {
  const keys: SubjectKeys = {
    municipalityCode: actor.municipalityCode,
    email: subject.email,
    phoneTail: subject.phone === null ? null : phoneTail(subject.phone),
  };
  const reports = (await listContactReports(db, keys, options)).flatMap((row) => {
    const matchedOn = matchesOf(subject, row.reporter_email, row.reporter_phone);
    if (matchedOn.length === 0) return [];
    return [
      {
        id: row.id,
        trackingCode: row.tracking_code,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        closedAt: row.closed_at?.toISOString() ?? null,
        category: { code: row.category_code, name: row.category_name },
        districtCode: row.district_code,
        description: row.description,
        address: row.address_text,
        matchedOn,
        reporter: {
          email: row.reporter_email,
          phone: row.reporter_phone,
          name: row.reporter_name,
          consentToShareWithPartners: row.reporter_consent_share,
        },
      },
    ];
  });
  const follows =
    subject.email === null
      ? []
      : (await listFollows(db, actor.municipalityCode, subject.email)).map((row) => ({
          followId: row.id,
          reportId: row.report_id,
          email: row.email,
          language: row.language,
          since: row.created_at.toISOString(),
        }));
  const staffAccounts = (await listStaffAccounts(db, keys)).flatMap((row) => {
    const matchedOn = matchesOf(subject, row.email, row.public_phone);
    if (matchedOn.length === 0) return [];
    const { id, name, email, roles, active } = row;
    return [{ id, name, email, roles, active, publicPhone: row.public_phone, matchedOn }];
  });
  return { subject, reports, follows, staffAccounts };
}
