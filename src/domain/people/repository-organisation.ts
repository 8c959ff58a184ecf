import type { Queryable } from '../../db/db.ts';
import type { TeamContact, TeamRecord } from './repository.ts';

export async function insertTeam(
  db: Queryable,
  municipalityCode: string,
  team: Omit<TeamRecord, 'id'> & { contact: TeamContact | null },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO teams (municipality_code, code, name, kind, contact_name, contact_phone, contact_email)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      municipalityCode,
      team.code,
      team.name,
      team.kind,
      team.contact?.name ?? null,
      team.contact?.phone ?? null,
      team.contact?.email ?? null,
    ],
  );
  return rows[0]!.id;
}

export async function renameTeam(db: Queryable, teamId: string, name: string): Promise<void> {
  await db.query('UPDATE teams SET name = $2 WHERE id = $1', [teamId, name]);
}

export async function setTeamContact(db: Queryable, teamId: string, contact: TeamContact | null): Promise<void> {
  await db.query('UPDATE teams SET contact_name = $2, contact_phone = $3, contact_email = $4 WHERE id = $1', [
    teamId,
    contact?.name ?? null,
    contact?.phone ?? null,
    contact?.email ?? null,
  ]);
}

export async function findCoordinatorGroup(
  db: Queryable,
  municipalityCode: string,
  groupId: string,
): Promise<{ id: string; name: string; coordinatorId: string | null } | null> {
  const { rows } = await db.query<{ id: string; name: string; coordinator_id: string | null }>(
    'SELECT id, name, coordinator_id FROM coordinator_groups WHERE municipality_code = $1 AND id = $2',
    [municipalityCode, groupId],
  );
  const row = rows[0];
  return row ? { id: row.id, name: row.name, coordinatorId: row.coordinator_id } : null;
}

export async function groupNameTaken(
  db: Queryable,
  municipalityCode: string,
  name: string,
  exceptId: string | undefined,
): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM coordinator_groups WHERE municipality_code = $1 AND name = $2 AND ($3::uuid IS NULL OR id <> $3::uuid)',
    [municipalityCode, name, exceptId ?? null],
  );
  return rows.length > 0;
}

export async function insertCoordinatorGroup(
  db: Queryable,
  municipalityCode: string,
  name: string,
  coordinatorId: string | null,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO coordinator_groups (municipality_code, name, coordinator_id) VALUES ($1, $2, $3) RETURNING id',
    [municipalityCode, name, coordinatorId],
  );
  return rows[0]!.id;
}

export async function updateCoordinatorGroupRow(
  db: Queryable,
  groupId: string,
  change: { name: string; coordinatorId: string | null },
): Promise<void> {
  await db.query('UPDATE coordinator_groups SET name = $2, coordinator_id = $3 WHERE id = $1', [
    groupId,
    change.name,
    change.coordinatorId,
  ]);
}

/** Exactly these boroughs (of the municipality) belong to the group afterwards; one taken from another group moves. */
export async function setGroupBoroughs(
  db: Queryable,
  municipalityCode: string,
  groupId: string,
  boroughCodes: readonly string[],
): Promise<void> {
  await db.query(
    `DELETE FROM coordinator_group_boroughs gb USING boroughs b
      WHERE gb.group_id = $1 AND b.id = gb.borough_id AND NOT (b.code = ANY($2::text[]))`,
    [groupId, boroughCodes],
  );
  await db.query(
    `INSERT INTO coordinator_group_boroughs (group_id, borough_id)
     SELECT $1, b.id FROM boroughs b WHERE b.municipality_code = $2 AND b.code = ANY($3::text[])
     ON CONFLICT (borough_id) DO UPDATE SET group_id = EXCLUDED.group_id`,
    [groupId, municipalityCode, boroughCodes],
  );
}

export interface DistrictDutyRecord {
  districtCode: string;
  districtName: string;
  borough: { code: string; name: string } | null;
  owner: { id: string; name: string; active: boolean } | null;
  backup: { id: string; name: string; active: boolean } | null;
}

/** Every district of the municipality with its current owner and backup (none: nobody answers for it). */
export async function listDistrictDuties(db: Queryable, municipalityCode: string): Promise<DistrictDutyRecord[]> {
  const { rows } = await db.query<{
    code: string;
    name: string;
    borough_code: string | null;
    borough_name: string | null;
    owner_id: string | null;
    owner_name: string | null;
    owner_active: boolean | null;
    backup_id: string | null;
    backup_name: string | null;
    backup_active: boolean | null;
  }>(
    `SELECT d.code, d.name, b.code AS borough_code, b.name AS borough_name,
            o.id AS owner_id, o.name AS owner_name, o.active AS owner_active,
            k.id AS backup_id, k.name AS backup_name, k.active AS backup_active
       FROM districts d
       LEFT JOIN boroughs b ON b.id = d.borough_id
       LEFT JOIN district_assignments a ON a.district_code = d.code AND a.valid_to IS NULL
       LEFT JOIN users o ON o.id = a.owner_id
       LEFT JOIN users k ON k.id = a.backup_id
      WHERE d.municipality_code = $1
      ORDER BY d.code`,
    [municipalityCode],
  );
  return rows.map((row) => ({
    districtCode: row.code,
    districtName: row.name,
    borough: row.borough_code ? { code: row.borough_code, name: row.borough_name! } : null,
    owner: row.owner_id ? { id: row.owner_id, name: row.owner_name!, active: row.owner_active! } : null,
    backup: row.backup_id ? { id: row.backup_id, name: row.backup_name!, active: row.backup_active! } : null,
  }));
}

export async function listBoroughsOf(
  db: Queryable,
  municipalityCode: string,
): Promise<Array<{ code: string; name: string }>> {
  const { rows } = await db.query<{ code: string; name: string }>(
    'SELECT code, name FROM boroughs WHERE municipality_code = $1 ORDER BY name, code',
    [municipalityCode],
  );
  return rows;
}
