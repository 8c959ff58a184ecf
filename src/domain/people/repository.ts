import type { Queryable } from '../../db/db.ts';
import type { Role } from '../../shared/staff.ts';

export interface UserRecord {
  id: string;
  municipalityCode: string;
  email: string;
  name: string;
  roles: Role[];
  teamId: string | null;
  active: boolean;
  createdAt: Date;
}

interface UserRow {
  id: string;
  municipality_code: string;
  email: string;
  name: string;
  roles: Role[];
  team_id: string | null;
  active: boolean;
  created_at: Date;
}

const userColumns = 'u.id, u.municipality_code, u.email, u.name, u.roles, u.team_id, u.active, u.created_at';

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  municipalityCode: row.municipality_code,
  email: row.email,
  name: row.name,
  roles: row.roles,
  teamId: row.team_id,
  active: row.active,
  createdAt: new Date(row.created_at),
});

export async function municipalityExists(db: Queryable, code: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM municipalities WHERE code = $1', [code]);
  return rows.length > 0;
}

export async function emailTaken(db: Queryable, email: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM users WHERE lower(email) = lower($1)', [email]);
  return rows.length > 0;
}

export async function insertUser(
  db: Queryable,
  user: {
    municipalityCode: string;
    email: string;
    name: string;
    roles: Role[];
    teamId: string | null;
    passwordHash: string;
    createdAt: Date;
    mustChangePassword?: boolean;
  },
): Promise<UserRecord> {
  const { rows } = await db.query<UserRow>(
    `INSERT INTO users AS u (municipality_code, email, name, roles, team_id, password_hash, created_at, must_change_password)
     VALUES ($1, $2, $3, $4::text[], $5, $6, $7, $8) RETURNING ${userColumns}`,
    [
      user.municipalityCode,
      user.email,
      user.name,
      user.roles,
      user.teamId,
      user.passwordHash,
      user.createdAt,
      user.mustChangePassword ?? false,
    ],
  );
  return toUser(rows[0]!);
}

/** For login only: the one place the password hash leaves the database. */
export async function findLoginByEmail(
  db: Queryable,
  email: string,
): Promise<(UserRecord & { passwordHash: string | null }) | null> {
  const { rows } = await db.query<UserRow & { password_hash: string | null }>(
    `SELECT ${userColumns}, u.password_hash FROM users u WHERE lower(u.email) = lower($1)`,
    [email],
  );
  const row = rows[0];
  return row ? { ...toUser(row), passwordHash: row.password_hash } : null;
}

export async function findUserByEmail(db: Queryable, email: string): Promise<UserRecord | null> {
  const { rows } = await db.query<UserRow>(`SELECT ${userColumns} FROM users u WHERE lower(u.email) = lower($1)`, [
    email,
  ]);
  return rows[0] ? toUser(rows[0]) : null;
}

export async function listUsers(db: Queryable, municipalityCode: string): Promise<UserRecord[]> {
  const { rows } = await db.query<UserRow>(
    `SELECT ${userColumns} FROM users u WHERE u.municipality_code = $1 ORDER BY u.name, u.email`,
    [municipalityCode],
  );
  return rows.map(toUser);
}

export async function updatePasswordHash(db: Queryable, userId: string, passwordHash: string): Promise<void> {
  await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [userId, passwordHash]);
}

export async function deactivateUserRow(db: Queryable, userId: string): Promise<void> {
  await db.query('UPDATE users SET active = false WHERE id = $1', [userId]);
}

export async function revokeSessionsOfUser(db: Queryable, userId: string, at: Date): Promise<number> {
  const result = await db.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [
    userId,
    at,
  ]);
  return result.rowCount;
}

// ── Teams and coordinator groups ─────────────────────────────────────────────
export interface TeamRecord {
  id: string;
  code: string;
  name: string;
  kind: 'team' | 'partner';
}

export interface TeamContact {
  name: string;
  phone: string | null;
  email: string | null;
}

export type TeamWithContact = TeamRecord & { contact: TeamContact | null };

const teamWithContactColumns = `id, code, name, kind,
  CASE WHEN contact_name IS NULL THEN NULL
       ELSE json_build_object('name', contact_name, 'phone', contact_phone, 'email', contact_email) END AS contact`;

export async function findTeamByCode(
  db: Queryable,
  municipalityCode: string,
  code: string,
): Promise<TeamRecord | null> {
  const { rows } = await db.query<TeamRecord>(
    'SELECT id, code, name, kind FROM teams WHERE municipality_code = $1 AND code = $2',
    [municipalityCode, code],
  );
  return rows[0] ?? null;
}

export async function findTeamById(db: Queryable, municipalityCode: string, id: string): Promise<TeamRecord | null> {
  const { rows } = await db.query<TeamRecord>(
    'SELECT id, code, name, kind FROM teams WHERE municipality_code = $1 AND id = $2',
    [municipalityCode, id],
  );
  return rows[0] ?? null;
}

export async function findTeamWithContact(
  db: Queryable,
  municipalityCode: string,
  id: string,
): Promise<TeamWithContact | null> {
  const { rows } = await db.query<TeamWithContact>(
    `SELECT ${teamWithContactColumns} FROM teams WHERE municipality_code = $1 AND id = $2`,
    [municipalityCode, id],
  );
  return rows[0] ?? null;
}

export async function listTeams(db: Queryable, municipalityCode: string): Promise<TeamWithContact[]> {
  const { rows } = await db.query<TeamWithContact>(
    `SELECT ${teamWithContactColumns} FROM teams WHERE municipality_code = $1 ORDER BY name`,
    [municipalityCode],
  );
  return rows;
}

/** Upsert by (municipality, code); the contact person is replaced by the one given (none clears it). */
export async function saveTeam(
  db: Queryable,
  municipalityCode: string,
  team: Omit<TeamRecord, 'id'> & { contact?: TeamContact | null },
): Promise<TeamRecord> {
  const contact = team.contact ?? null;
  const { rows } = await db.query<TeamRecord>(
    `INSERT INTO teams (municipality_code, code, name, kind, contact_name, contact_phone, contact_email)
     VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (municipality_code, code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind,
       contact_name = EXCLUDED.contact_name, contact_phone = EXCLUDED.contact_phone,
       contact_email = EXCLUDED.contact_email
     RETURNING id, code, name, kind`,
    [
      municipalityCode,
      team.code,
      team.name,
      team.kind,
      contact?.name ?? null,
      contact?.phone ?? null,
      contact?.email ?? null,
    ],
  );
  return rows[0]!;
}

export interface CoordinatorGroupRecord {
  id: string;
  name: string;
  coordinator: { id: string; name: string } | null;
  boroughs: Array<{ code: string; name: string }>;
}

/** Creates (or renames nothing, but re-links) a group by (municipality, name) and attaches its boroughs. */
export async function saveCoordinatorGroup(
  db: Queryable,
  municipalityCode: string,
  group: { name: string; coordinatorId: string | null; boroughCodes: string[] },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO coordinator_groups (municipality_code, name, coordinator_id) VALUES ($1, $2, $3)
     ON CONFLICT (municipality_code, name) DO UPDATE SET coordinator_id = EXCLUDED.coordinator_id
     RETURNING id`,
    [municipalityCode, group.name, group.coordinatorId],
  );
  const groupId = rows[0]!.id;
  await db.query(
    `INSERT INTO coordinator_group_boroughs (group_id, borough_id)
     SELECT $1, b.id FROM boroughs b WHERE b.municipality_code = $2 AND b.code = ANY($3::text[])
     ON CONFLICT (borough_id) DO UPDATE SET group_id = EXCLUDED.group_id`,
    [groupId, municipalityCode, group.boroughCodes],
  );
  return groupId;
}

/** The codes among `codes` that are boroughs of the municipality. */
export async function knownBoroughCodes(
  db: Queryable,
  municipalityCode: string,
  codes: readonly string[],
): Promise<Set<string>> {
  const { rows } = await db.query<{ code: string }>(
    'SELECT code FROM boroughs WHERE municipality_code = $1 AND code = ANY($2::text[])',
    [municipalityCode, codes],
  );
  return new Set(rows.map((row) => row.code));
}

export async function listCoordinatorGroups(
  db: Queryable,
  municipalityCode: string,
): Promise<CoordinatorGroupRecord[]> {
  const { rows } = await db.query<{
    id: string;
    name: string;
    coordinator_id: string | null;
    coordinator_name: string | null;
    borough_code: string | null;
    borough_name: string | null;
  }>(
    `SELECT g.id, g.name, g.coordinator_id, c.name AS coordinator_name, b.code AS borough_code, b.name AS borough_name
       FROM coordinator_groups g
       LEFT JOIN users c ON c.id = g.coordinator_id
       LEFT JOIN coordinator_group_boroughs gb ON gb.group_id = g.id
       LEFT JOIN boroughs b ON b.id = gb.borough_id
      WHERE g.municipality_code = $1
      ORDER BY g.name, b.code`,
    [municipalityCode],
  );
  const groups = new Map<string, CoordinatorGroupRecord>();
  for (const row of rows) {
    let group = groups.get(row.id);
    if (!group) {
      group = {
        id: row.id,
        name: row.name,
        coordinator: row.coordinator_id ? { id: row.coordinator_id, name: row.coordinator_name ?? '' } : null,
        boroughs: [],
      };
      groups.set(row.id, group);
    }
    if (row.borough_code) group.boroughs.push({ code: row.borough_code, name: row.borough_name ?? row.borough_code });
  }
  return [...groups.values()];
}
