import type { Queryable } from '../../db/db.ts';
import type { Role } from '../../shared/staff.ts';

export interface OfficerSchedule {
  workingWeekdays: number[];
  districtWeekdays: number[];
  workStart: string;
  workEnd: string;
}

export interface OfficerProfile {
  introduction: string | null;
  photoUrl: string | null;
  publicPhone: string | null;
}

export interface OfficerRecord extends OfficerSchedule, OfficerProfile {
  id: string;
  municipalityCode: string;
  name: string;
  email: string;
  roles: Role[];
  active: boolean;
  /** Current ownership and backup duties. */
  districts: Array<{ code: string; name: string; duty: 'owner' | 'backup' }>;
}

interface OfficerRow {
  id: string;
  municipality_code: string;
  name: string;
  email: string;
  roles: Role[];
  active: boolean;
  working_weekdays: number[];
  district_weekdays: number[];
  work_start: string;
  work_end: string;
  introduction: string | null;
  photo_url: string | null;
  public_phone: string | null;
}

const officerSelect = `
  SELECT u.id, u.municipality_code, u.name, u.email, u.roles, u.active,
         o.working_weekdays, o.district_weekdays,
         to_char(o.work_start, 'HH24:MI') AS work_start, to_char(o.work_end, 'HH24:MI') AS work_end,
         o.introduction, o.photo_url, o.public_phone
    FROM officers o JOIN users u ON u.id = o.user_id`;

async function dutiesByOfficer(db: Queryable, municipalityCode: string, officerId?: string) {
  const { rows } = await db.query<{ code: string; name: string; owner_id: string; backup_id: string | null }>(
    `SELECT d.code, d.name, a.owner_id, a.backup_id
       FROM district_assignments a JOIN districts d ON d.code = a.district_code
      WHERE a.valid_to IS NULL AND d.municipality_code = $1
        AND ($2::uuid IS NULL OR a.owner_id = $2::uuid OR a.backup_id = $2::uuid)
      ORDER BY d.code`,
    [municipalityCode, officerId ?? null],
  );
  const duties = new Map<string, OfficerRecord['districts']>();
  const add = (id: string, duty: OfficerRecord['districts'][number]) =>
    duties.set(id, [...(duties.get(id) ?? []), duty]);
  for (const row of rows) {
    add(row.owner_id, { code: row.code, name: row.name, duty: 'owner' });
    if (row.backup_id) add(row.backup_id, { code: row.code, name: row.name, duty: 'backup' });
  }
  return duties;
}

const toOfficer = (row: OfficerRow, districts: OfficerRecord['districts']): OfficerRecord => ({
  id: row.id,
  municipalityCode: row.municipality_code,
  name: row.name,
  email: row.email,
  roles: row.roles,
  active: row.active,
  workingWeekdays: row.working_weekdays.map(Number),
  districtWeekdays: row.district_weekdays.map(Number),
  workStart: row.work_start,
  workEnd: row.work_end,
  introduction: row.introduction,
  photoUrl: row.photo_url,
  publicPhone: row.public_phone,
  districts,
});

export async function listOfficers(
  db: Queryable,
  municipalityCode: string,
  options: { includeInactive?: boolean } = {},
): Promise<OfficerRecord[]> {
  const { rows } = await db.query<OfficerRow>(
    `${officerSelect} WHERE u.municipality_code = $1 AND 'officer' = ANY(u.roles) AND ($2 OR u.active) ORDER BY u.name, u.id`,
    [municipalityCode, options.includeInactive ?? false],
  );
  const duties = await dutiesByOfficer(db, municipalityCode);
  return rows.map((row) => toOfficer(row, duties.get(row.id) ?? []));
}

/** An officer of this municipality (active or not), or null: other municipalities' officers do not exist for the caller. */
export async function findOfficer(
  db: Queryable,
  municipalityCode: string,
  officerId: string,
): Promise<OfficerRecord | null> {
  if (!isUuid(officerId)) return null;
  const { rows } = await db.query<OfficerRow>(
    `${officerSelect} WHERE u.municipality_code = $1 AND u.id = $2 AND 'officer' = ANY(u.roles)`,
    [municipalityCode, officerId],
  );
  const row = rows[0];
  if (!row) return null;
  const duties = await dutiesByOfficer(db, municipalityCode, officerId);
  return toOfficer(row, duties.get(row.id) ?? []);
}

export async function insertOfficerProfile(
  db: Queryable,
  userId: string,
  officer: Partial<OfficerSchedule & OfficerProfile> = {},
): Promise<void> {
  await db.query(
    `INSERT INTO officers (user_id, working_weekdays, district_weekdays, work_start, work_end, introduction, photo_url, public_phone)
     VALUES ($1, COALESCE($2::smallint[], '{1,2,3,4,5}'), COALESCE($3::smallint[], '{2,4}'),
             COALESCE($4::time, '08:00'), COALESCE($5::time, '17:00'), $6, $7, $8)
     ON CONFLICT (user_id) DO NOTHING`,
    [
      userId,
      officer.workingWeekdays ?? null,
      officer.districtWeekdays ?? null,
      officer.workStart ?? null,
      officer.workEnd ?? null,
      officer.introduction ?? null,
      officer.photoUrl ?? null,
      officer.publicPhone ?? null,
    ],
  );
}

export async function updateOfficerSchedule(
  db: Queryable,
  officerId: string,
  schedule: OfficerSchedule,
): Promise<void> {
  await db.query(
    `UPDATE officers SET working_weekdays = $2::smallint[], district_weekdays = $3::smallint[], work_start = $4::time, work_end = $5::time
      WHERE user_id = $1`,
    [officerId, schedule.workingWeekdays, schedule.districtWeekdays, schedule.workStart, schedule.workEnd],
  );
}

/** The public face of a district: its current owner's card, nothing private. */
export async function publicOfficerCard(
  db: Queryable,
  districtCode: string,
): Promise<{
  districtCode: string;
  districtName: string;
  name: string;
  photoUrl: string | null;
  introduction: string | null;
  districtWeekdays: number[];
  publicPhone: string | null;
} | null> {
  const { rows } = await db.query<{
    code: string;
    district_name: string;
    name: string;
    photo_url: string | null;
    introduction: string | null;
    district_weekdays: number[];
    public_phone: string | null;
  }>(
    `SELECT d.code, d.name AS district_name, u.name, o.photo_url, o.introduction, o.district_weekdays, o.public_phone
       FROM district_assignments a
       JOIN districts d ON d.code = a.district_code
       JOIN users u ON u.id = a.owner_id AND u.active
       JOIN officers o ON o.user_id = u.id
      WHERE a.district_code = $1 AND a.valid_to IS NULL`,
    [districtCode],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    districtCode: row.code,
    districtName: row.district_name,
    name: row.name,
    photoUrl: row.photo_url,
    introduction: row.introduction,
    districtWeekdays: row.district_weekdays.map(Number),
    publicPhone: row.public_phone,
  };
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids arrive from URLs; a malformed one is simply not found (and must not reach a uuid cast). */
export const isUuid = (value: string) => uuidPattern.test(value);
