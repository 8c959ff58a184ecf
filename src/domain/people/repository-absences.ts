import type { Queryable } from '../../db/db.ts';
import { isUuid } from './repository-officers.ts';

export const absenceKinds = ['sick', 'leave', 'training', 'other'] as const;
export type AbsenceKind = (typeof absenceKinds)[number];

export interface AbsenceRecord {
  id: string;
  officerId: string;
  officerName: string;
  kind: AbsenceKind;
  startsAt: Date;
  endsAt: Date;
  note: string | null;
  createdById: string | null;
  createdAt: Date;
  cancelledAt: Date | null;
}

interface AbsenceRow {
  id: string;
  officer_id: string;
  officer_name: string;
  kind: AbsenceKind;
  starts_at: Date;
  ends_at: Date;
  note: string | null;
  created_by: string | null;
  created_at: Date;
  cancelled_at: Date | null;
}

const absenceSelect = `
  SELECT a.id, a.officer_id, u.name AS officer_name, a.kind, a.starts_at, a.ends_at, a.note, a.created_by, a.created_at, a.cancelled_at
    FROM absences a JOIN users u ON u.id = a.officer_id`;

const toAbsence = (row: AbsenceRow): AbsenceRecord => ({
  id: row.id,
  officerId: row.officer_id,
  officerName: row.officer_name,
  kind: row.kind,
  startsAt: new Date(row.starts_at),
  endsAt: new Date(row.ends_at),
  note: row.note,
  createdById: row.created_by,
  createdAt: new Date(row.created_at),
  cancelledAt: row.cancelled_at ? new Date(row.cancelled_at) : null,
});

export async function insertAbsence(
  db: Queryable,
  absence: {
    officerId: string;
    kind: AbsenceKind;
    startsAt: Date;
    endsAt: Date;
    note: string | null;
    createdById: string;
    createdAt: Date;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO absences (officer_id, kind, starts_at, ends_at, note, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`,
    [
      absence.officerId,
      absence.kind,
      absence.startsAt,
      absence.endsAt,
      absence.note,
      absence.createdById,
      absence.createdAt,
    ],
  );
  return rows[0]!.id;
}

export async function findAbsence(
  db: Queryable,
  municipalityCode: string,
  absenceId: string,
): Promise<AbsenceRecord | null> {
  if (!isUuid(absenceId)) return null;
  const { rows } = await db.query<AbsenceRow>(`${absenceSelect} WHERE a.id = $1 AND u.municipality_code = $2`, [
    absenceId,
    municipalityCode,
  ]);
  return rows[0] ? toAbsence(rows[0]) : null;
}

export async function listAbsencesOfOfficer(db: Queryable, officerId: string): Promise<AbsenceRecord[]> {
  const { rows } = await db.query<AbsenceRow>(
    `${absenceSelect} WHERE a.officer_id = $1 ORDER BY a.starts_at DESC, a.id`,
    [officerId],
  );
  return rows.map(toAbsence);
}

/** Non-cancelled absences that overlap [from, to). */
export async function listAbsencesBetween(
  db: Queryable,
  municipalityCode: string,
  from: Date,
  to: Date,
): Promise<AbsenceRecord[]> {
  const { rows } = await db.query<AbsenceRow>(
    `${absenceSelect} WHERE u.municipality_code = $1 AND a.cancelled_at IS NULL AND a.starts_at < $3 AND a.ends_at > $2
      ORDER BY a.starts_at, u.name, a.id`,
    [municipalityCode, from, to],
  );
  return rows.map(toAbsence);
}

export async function markAbsenceCancelled(db: Queryable, absenceId: string, at: Date): Promise<void> {
  await db.query('UPDATE absences SET cancelled_at = $2 WHERE id = $1 AND cancelled_at IS NULL', [absenceId, at]);
}
