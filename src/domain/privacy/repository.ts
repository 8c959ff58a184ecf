import type { Queryable } from '../../db/db.ts';
import type { SubjectHash } from './subject.ts';

/** What the SQL narrows by: the normalised e-mail address, the last digits of the phone number. */
export interface SubjectKeys {
  municipalityCode: string;
  email: string | null;
  phoneTail: string | null;
}

export interface ContactReportRow {
  id: string;
  tracking_code: string;
  status: string;
  created_at: Date;
  closed_at: Date | null;
  category_code: string;
  category_name: string;
  district_code: string;
  description: string;
  address_text: string | null;
  reporter_email: string | null;
  reporter_phone: string | null;
  reporter_name: string | null;
  reporter_consent_share: boolean;
}

/** Candidate reports: the e-mail matches exactly, or the phone's digits end alike (the caller decides on phones). */
export async function listContactReports(
  db: Queryable,
  keys: SubjectKeys,
  options: { lock: boolean },
): Promise<ContactReportRow[]> {
  const { rows } = await db.query<ContactReportRow>(
    `SELECT r.id, r.tracking_code, r.status, r.created_at, r.closed_at, c.code AS category_code, c.name_nl AS category_name,
            r.district_code, r.description, r.address_text, r.reporter_email, r.reporter_phone, r.reporter_name,
            r.reporter_consent_share
       FROM reports r JOIN categories c ON c.id = r.category_id
      WHERE r.municipality_code = $1
        AND (lower(btrim(r.reporter_email)) = $2
             OR ($3::text IS NOT NULL AND regexp_replace(r.reporter_phone, '[^0-9]', '', 'g') LIKE '%' || $3))
      ORDER BY r.created_at, r.id
      ${options.lock ? 'FOR UPDATE OF r' : ''}`,
    [keys.municipalityCode, keys.email, keys.phoneTail],
  );
  return rows;
}

export interface FollowRow {
  id: string;
  report_id: string;
  email: string;
  language: 'nl' | 'en';
  created_at: Date;
}

export async function listFollows(db: Queryable, municipalityCode: string, email: string): Promise<FollowRow[]> {
  const { rows } = await db.query<FollowRow>(
    `SELECT f.id, f.report_id, f.email, f.language, f.created_at
       FROM report_followers f JOIN reports r ON r.id = f.report_id
      WHERE r.municipality_code = $1 AND lower(btrim(f.email)) = $2
      ORDER BY f.created_at, f.id`,
    [municipalityCode, email],
  );
  return rows;
}

export interface StaffAccountRow {
  id: string;
  name: string;
  email: string;
  roles: string[];
  active: boolean;
  public_phone: string | null;
}

export async function listStaffAccounts(db: Queryable, keys: SubjectKeys): Promise<StaffAccountRow[]> {
  const { rows } = await db.query<StaffAccountRow>(
    `SELECT u.id, u.name, u.email, u.roles, u.active, o.public_phone
       FROM users u LEFT JOIN officers o ON o.user_id = u.id
      WHERE u.municipality_code = $1
        AND (lower(btrim(u.email)) = $2
             OR ($3::text IS NOT NULL AND regexp_replace(o.public_phone, '[^0-9]', '', 'g') LIKE '%' || $3))
      ORDER BY u.name, u.id`,
    [keys.municipalityCode, keys.email, keys.phoneTail],
  );
  return rows;
}

/** Nulls the reporter contact of these reports (the reports stay) and notes it in each one's history. */
export async function eraseReporterContact(
  db: Queryable,
  reportIds: readonly string[],
  entry: { at: Date; actorId: string; actorLabel: string; text: string },
): Promise<void> {
  if (reportIds.length === 0) return;
  await db.query(
    `WITH erased AS (
       UPDATE reports
          SET reporter_email = NULL, reporter_phone = NULL, reporter_name = NULL, reporter_consent_share = false,
              updated_at = $2, version = version + 1
        WHERE id = ANY($1::uuid[])
       RETURNING id, status
     )
     INSERT INTO report_history (report_id, at, actor_id, actor_label, action, from_status, to_status, text, data)
     SELECT id, $2, $3, $4, 'contact_erased', status, status, $5, '{}'::jsonb FROM erased`,
    [reportIds, entry.at, entry.actorId, entry.actorLabel, entry.text],
  );
}

export async function deleteFollows(db: Queryable, followIds: readonly string[]): Promise<number> {
  if (followIds.length === 0) return 0;
  const { rowCount } = await db.query('DELETE FROM report_followers WHERE id = ANY($1::uuid[])', [followIds]);
  return rowCount;
}

export async function insertPrivacyRequest(
  db: Queryable,
  row: {
    municipalityCode: string;
    kind: 'search' | 'erase';
    actorId: string;
    actorLabel: string;
    at: Date;
    subjectHashes: SubjectHash[];
    counts: Record<string, number>;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO privacy_requests (municipality_code, kind, actor_id, actor_label, at, subject_hashes, counts)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb) RETURNING id`,
    [
      row.municipalityCode,
      row.kind,
      row.actorId,
      row.actorLabel,
      row.at,
      JSON.stringify(row.subjectHashes),
      JSON.stringify(row.counts),
    ],
  );
  return rows[0]!.id;
}
