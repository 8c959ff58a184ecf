import type { Queryable } from '../../db/db.ts';
import type { KeysetPosition } from '../../shared/cursor.ts';

export interface AuditRow {
  id: string;
  at: Date;
  at_text: string;
  actor_id: string | null;
  actor_name: string;
  action: string;
  record_kind: string | null;
  record_id: string | null;
  outcome: string;
}

export interface NewAuditRow {
  municipalityCode: string;
  at: Date;
  actorId: string | null;
  actorName: string;
  action: string;
  recordKind: string | null;
  recordId: string | null;
  outcome: string;
}

export async function insertAuditRow(db: Queryable, row: NewAuditRow): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (municipality_code, at, actor_id, actor_name, action, record_kind, record_id, outcome)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [row.municipalityCode, row.at, row.actorId, row.actorName, row.action, row.recordKind, row.recordId, row.outcome],
  );
}

export interface AuditFilter {
  municipalityCode: string;
  userId?: string | undefined;
  action?: string | undefined;
  recordKind?: string | undefined;
  recordId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  after?: KeysetPosition | undefined;
}

/** Newest first; `limit` rows after the keyset position. The action filter is a plain substring, not a pattern. */
export async function listAuditRows(db: Queryable, filter: AuditFilter, limit: number): Promise<AuditRow[]> {
  const { rows } = await db.query<AuditRow>(
    `SELECT id, at, at::text AS at_text, actor_id, actor_name, action, record_kind, record_id, outcome
       FROM audit_log
      WHERE municipality_code = $1
        AND ($2::uuid IS NULL OR actor_id = $2)
        AND ($3::text IS NULL OR strpos(lower(action), lower($3)) > 0)
        AND ($4::text IS NULL OR record_kind = $4)
        AND ($5::text IS NULL OR record_id = $5)
        AND ($6::timestamptz IS NULL OR at >= $6)
        AND ($7::timestamptz IS NULL OR at < $7)
        AND ($8::timestamptz IS NULL OR (at, id) < ($8::timestamptz, $9::uuid))
      ORDER BY at DESC, id DESC
      LIMIT $10`,
    [
      filter.municipalityCode,
      filter.userId ?? null,
      filter.action ?? null,
      filter.recordKind ?? null,
      filter.recordId ?? null,
      filter.from ?? null,
      filter.to ?? null,
      filter.after?.at ?? null,
      filter.after?.id ?? null,
      limit,
    ],
  );
  return rows;
}
