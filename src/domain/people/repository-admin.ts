import type { Queryable } from '../../db/db.ts';
import type { Role } from '../../shared/staff.ts';
import { isUuid } from './repository-officers.ts';

/** A user as the administration sees them: never the password hash. */
export interface AdminUserRecord {
  id: string;
  municipalityCode: string;
  email: string;
  name: string;
  roles: Role[];
  team: { id: string; code: string; name: string; kind: 'team' | 'partner' } | null;
  active: boolean;
  mustChangePassword: boolean;
  createdAt: Date;
}

interface AdminUserRow {
  id: string;
  municipality_code: string;
  email: string;
  name: string;
  roles: Role[];
  active: boolean;
  must_change_password: boolean;
  created_at: Date;
  team_id: string | null;
  team_code: string | null;
  team_name: string | null;
  team_kind: 'team' | 'partner' | null;
}

const adminUserSelect = `
  SELECT u.id, u.municipality_code, u.email, u.name, u.roles, u.active, u.must_change_password, u.created_at,
         t.id AS team_id, t.code AS team_code, t.name AS team_name, t.kind AS team_kind
    FROM users u LEFT JOIN teams t ON t.id = u.team_id`;

const toAdminUser = (row: AdminUserRow): AdminUserRecord => ({
  id: row.id,
  municipalityCode: row.municipality_code,
  email: row.email,
  name: row.name,
  roles: row.roles,
  team: row.team_id ? { id: row.team_id, code: row.team_code!, name: row.team_name!, kind: row.team_kind! } : null,
  active: row.active,
  mustChangePassword: row.must_change_password,
  createdAt: new Date(row.created_at),
});

export interface UserFilter {
  role?: Role | undefined;
  active?: boolean | undefined;
  /** Part of the name or e-mail address, any case. */
  search?: string | undefined;
}

export async function listAdminUsers(
  db: Queryable,
  municipalityCode: string,
  filter: UserFilter,
): Promise<AdminUserRecord[]> {
  const { rows } = await db.query<AdminUserRow>(
    `${adminUserSelect}
      WHERE u.municipality_code = $1
        AND ($2::text IS NULL OR $2 = ANY(u.roles))
        AND ($3::boolean IS NULL OR u.active = $3)
        AND ($4::text IS NULL OR strpos(lower(u.name || ' ' || u.email), lower($4)) > 0)
      ORDER BY u.name, u.email`,
    [municipalityCode, filter.role ?? null, filter.active ?? null, filter.search ?? null],
  );
  return rows.map(toAdminUser);
}

/** A user of this municipality, or null; `lock` takes the row for the rest of the transaction. */
export async function findAdminUser(
  db: Queryable,
  municipalityCode: string,
  userId: string,
  options: { lock?: boolean } = {},
): Promise<AdminUserRecord | null> {
  if (!isUuid(userId)) return null;
  const { rows } = await db.query<AdminUserRow>(
    `${adminUserSelect} WHERE u.municipality_code = $1 AND u.id = $2${options.lock ? ' FOR UPDATE OF u' : ''}`,
    [municipalityCode, userId],
  );
  return rows[0] ? toAdminUser(rows[0]) : null;
}

/**
 * The active administrators of a municipality, their rows locked: two administrators who each remove the other
 * at once wait for one another, and the second sees the first's change.
 */
export async function lockActiveAdministrators(db: Queryable, municipalityCode: string): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT id FROM users WHERE municipality_code = $1 AND active AND 'administrator' = ANY(roles)
      ORDER BY id FOR UPDATE`,
    [municipalityCode],
  );
  return rows.map((row) => row.id);
}

export async function updateUserRow(
  db: Queryable,
  userId: string,
  change: { name: string; roles: Role[]; teamId: string | null },
): Promise<void> {
  await db.query('UPDATE users SET name = $2, roles = $3::text[], team_id = $4 WHERE id = $1', [
    userId,
    change.name,
    change.roles,
    change.teamId,
  ]);
}

export async function setUserActive(db: Queryable, userId: string, active: boolean): Promise<void> {
  await db.query('UPDATE users SET active = $2 WHERE id = $1', [userId, active]);
}

export async function setPasswordHash(
  db: Queryable,
  userId: string,
  passwordHash: string,
  mustChangePassword: boolean,
): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2, must_change_password = $3 WHERE id = $1', [
    userId,
    passwordHash,
    mustChangePassword,
  ]);
}

export async function findPasswordHash(db: Queryable, userId: string): Promise<string | null> {
  const { rows } = await db.query<{ password_hash: string | null }>('SELECT password_hash FROM users WHERE id = $1', [
    userId,
  ]);
  return rows[0]?.password_hash ?? null;
}

export async function updateOfficerProfileRow(
  db: Queryable,
  officerId: string,
  profile: { introduction: string | null; publicPhone: string | null },
): Promise<void> {
  await db.query('UPDATE officers SET introduction = $2, public_phone = $3 WHERE user_id = $1', [
    officerId,
    profile.introduction,
    profile.publicPhone,
  ]);
}

export async function updateOfficerPhotoUrl(db: Queryable, officerId: string, photoUrl: string | null): Promise<void> {
  await db.query('UPDATE officers SET photo_url = $2 WHERE user_id = $1', [officerId, photoUrl]);
}

export async function updateDistrictWeekdays(db: Queryable, officerId: string, days: number[]): Promise<void> {
  await db.query('UPDATE officers SET district_weekdays = $2::smallint[] WHERE user_id = $1', [officerId, days]);
}
