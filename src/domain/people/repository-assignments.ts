import type { Queryable } from '../../db/db.ts';

export interface DistrictRecord {
  code: string;
  name: string;
  municipalityCode: string;
  boroughId: string | null;
}

export interface AssignmentRecord {
  id: string;
  districtCode: string;
  owner: { id: string; name: string };
  backup: { id: string; name: string } | null;
  startedAt: Date;
  endedAt: Date | null;
}

interface AssignmentRow {
  id: string;
  district_code: string;
  owner_id: string;
  owner_name: string;
  backup_id: string | null;
  backup_name: string | null;
  valid_from: Date;
  valid_to: Date | null;
}

const assignmentSelect = `
  SELECT a.id, a.district_code, a.owner_id, o.name AS owner_name, a.backup_id, b.name AS backup_name, a.valid_from, a.valid_to
    FROM district_assignments a
    JOIN users o ON o.id = a.owner_id
    LEFT JOIN users b ON b.id = a.backup_id`;

const toAssignment = (row: AssignmentRow): AssignmentRecord => ({
  id: row.id,
  districtCode: row.district_code,
  owner: { id: row.owner_id, name: row.owner_name },
  backup: row.backup_id ? { id: row.backup_id, name: row.backup_name ?? '' } : null,
  startedAt: new Date(row.valid_from),
  endedAt: row.valid_to ? new Date(row.valid_to) : null,
});

export async function findDistrict(db: Queryable, districtCode: string): Promise<DistrictRecord | null> {
  const { rows } = await db.query<{ code: string; name: string; municipality_code: string; borough_id: string | null }>(
    'SELECT code, name, municipality_code, borough_id FROM districts WHERE code = $1',
    [districtCode],
  );
  const row = rows[0];
  return row
    ? { code: row.code, name: row.name, municipalityCode: row.municipality_code, boroughId: row.borough_id }
    : null;
}

export async function currentAssignment(db: Queryable, districtCode: string): Promise<AssignmentRecord | null> {
  const { rows } = await db.query<AssignmentRow>(
    `${assignmentSelect} WHERE a.district_code = $1 AND a.valid_to IS NULL`,
    [districtCode],
  );
  return rows[0] ? toAssignment(rows[0]) : null;
}

export async function assignmentHistory(db: Queryable, districtCode: string): Promise<AssignmentRecord[]> {
  const { rows } = await db.query<AssignmentRow>(
    `${assignmentSelect} WHERE a.district_code = $1 ORDER BY a.valid_from DESC, a.valid_to DESC NULLS FIRST`,
    [districtCode],
  );
  return rows.map(toAssignment);
}

/** Locks the district's open row so concurrent re-assignments queue up instead of racing. */
export async function lockCurrentAssignment(
  db: Queryable,
  districtCode: string,
): Promise<{ id: string; ownerId: string; backupId: string | null; startedAt: Date } | null> {
  const { rows } = await db.query<{ id: string; owner_id: string; backup_id: string | null; valid_from: Date }>(
    'SELECT id, owner_id, backup_id, valid_from FROM district_assignments WHERE district_code = $1 AND valid_to IS NULL FOR UPDATE',
    [districtCode],
  );
  const row = rows[0];
  return row
    ? { id: row.id, ownerId: row.owner_id, backupId: row.backup_id, startedAt: new Date(row.valid_from) }
    : null;
}

export async function closeAssignment(db: Queryable, assignmentId: string, at: Date): Promise<void> {
  await db.query('UPDATE district_assignments SET valid_to = $2 WHERE id = $1', [assignmentId, at]);
}

/** A row that would end the instant it began carries no history worth keeping. */
export async function deleteAssignment(db: Queryable, assignmentId: string): Promise<void> {
  await db.query('DELETE FROM district_assignments WHERE id = $1', [assignmentId]);
}

/** The codes among `codes` that are districts of the municipality. */
export async function knownDistrictCodes(
  db: Queryable,
  municipalityCode: string,
  codes: readonly string[],
): Promise<Set<string>> {
  const { rows } = await db.query<{ code: string }>(
    'SELECT code FROM districts WHERE municipality_code = $1 AND code = ANY($2::text[])',
    [municipalityCode, codes],
  );
  return new Set(rows.map((row) => row.code));
}

export async function openAssignment(
  db: Queryable,
  assignment: { districtCode: string; ownerId: string; backupId: string | null; at: Date },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'INSERT INTO district_assignments (district_code, owner_id, backup_id, valid_from) VALUES ($1, $2, $3, $4) RETURNING id',
    [assignment.districtCode, assignment.ownerId, assignment.backupId, assignment.at],
  );
  return rows[0]!.id;
}

export async function districtsOwnedBy(db: Queryable, userId: string): Promise<string[]> {
  const { rows } = await db.query<{ district_code: string }>(
    'SELECT district_code FROM district_assignments WHERE owner_id = $1 AND valid_to IS NULL ORDER BY district_code',
    [userId],
  );
  return rows.map((row) => row.district_code);
}
