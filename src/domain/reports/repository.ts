import type { Queryable } from '../../db/db.ts';
import type { AssigneeKind, ReportSource } from './schemas.ts';
import type { ReportStatus } from './workflow.ts';

/** All SQL of the reports area. Timestamps come back as Date on both adapters. */

export interface NewReportRow {
  id: string;
  municipalityCode: string;
  trackingCode: string;
  categoryId: string;
  description: string;
  occurredAt: Date | null;
  source: ReportSource;
  rd: { x: number; y: number };
  addressText: string | null;
  districtCode: string;
  neighbourhoodCode: string | null;
  urgent: boolean;
  deadline: Date;
  assignee: { kind: AssigneeKind; id: string };
  routing: { rule: string; reasonNl: string; reasonEn: string };
  reporter: {
    email: string | null;
    phone: string | null;
    name: string | null;
    consentToShare: boolean;
    /** The language of the messages to the reporter. */
    language: 'nl' | 'en';
  };
  /** What an intake channel (Open311) adds: a link to a photo it hosts, and answers to the category's questions. */
  mediaUrl: string | null;
  answers: Record<string, string[]> | null;
  createdBy: string | null;
  createdAt: Date;
}

export interface IdempotencyClaim {
  scope: string;
  key: string;
  requestHash: string;
  statusCode: number;
  response: unknown;
}

export interface HistoryEntryRow {
  reportId: string;
  at: Date;
  actor: { id: string | null; label: string };
  action:
    | 'created'
    | 'status_changed'
    | 'assigned'
    | 'forwarded'
    | 'rerouted'
    | 'note'
    | 'feedback'
    | 'answer'
    | 'duplicate_of'
    | 'duplicate_linked'
    | 'accepted'
    | 'sent_back';
  fromStatus?: ReportStatus | null;
  toStatus?: ReportStatus | null;
  text?: string | null;
  data?: Record<string, unknown>;
}

export async function appendHistory(db: Queryable, entry: HistoryEntryRow): Promise<void> {
  await db.query(
    `INSERT INTO report_history (report_id, at, actor_id, actor_label, action, from_status, to_status, text, data)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb)`,
    [
      entry.reportId,
      entry.at,
      entry.actor.id,
      entry.actor.label,
      entry.action,
      entry.fromStatus ?? null,
      entry.toStatus ?? null,
      entry.text ?? null,
      JSON.stringify(entry.data ?? {}),
    ],
  );
}

// ── Idempotency ────────────────────────────────────────────────────────────────
export interface IdempotencyRecord {
  requestHash: string;
  statusCode: number;
  response: unknown;
}

export async function findIdempotencyRecord(
  db: Queryable,
  scope: string,
  key: string,
): Promise<IdempotencyRecord | null> {
  const { rows } = await db.query<{ request_hash: string; status_code: number; response: unknown }>(
    'SELECT request_hash, status_code, response FROM idempotency_keys WHERE scope = $1 AND key = $2',
    [scope, key],
  );
  const row = rows[0];
  return row ? { requestHash: row.request_hash, statusCode: row.status_code, response: row.response } : null;
}

// ── Changes ────────────────────────────────────────────────────────────────────
export interface LockedReport {
  id: string;
  municipalityCode: string;
  status: ReportStatus;
  version: number;
  closedAt: Date | null;
  assigneeKind: AssigneeKind;
  assigneeId: string;
}

export async function lockReport(db: Queryable, reportId: string): Promise<LockedReport | null> {
  const { rows } = await db.query<{
    id: string;
    municipality_code: string;
    status: ReportStatus;
    version: number;
    closed_at: Date | null;
    assignee_kind: AssigneeKind;
    assignee_id: string;
  }>(
    `SELECT id, municipality_code, status, version, closed_at, assignee_kind, assignee_id
       FROM reports WHERE id = $1 FOR UPDATE`,
    [reportId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    status: row.status,
    version: row.version,
    closedAt: row.closed_at,
    assigneeKind: row.assignee_kind,
    assigneeId: row.assignee_id,
  };
}

export async function updateReportStatus(
  db: Queryable,
  reportId: string,
  change: { status: ReportStatus; closedAt: Date | null; at: Date },
): Promise<void> {
  await db.query(
    'UPDATE reports SET status = $2, closed_at = $3, updated_at = $4, version = version + 1 WHERE id = $1',
    [reportId, change.status, change.closedAt, change.at],
  );
}

export async function touchReport(db: Queryable, reportId: string, at: Date): Promise<void> {
  await db.query('UPDATE reports SET updated_at = $2, version = version + 1 WHERE id = $1', [reportId, at]);
}

export async function updateReportAssignee(
  db: Queryable,
  reportId: string,
  change: { kind: AssigneeKind; id: string; at: Date; routing?: { rule: string; reasonNl: string; reasonEn: string } },
): Promise<void> {
  await db.query(
    `UPDATE reports SET assignee_kind = $2, assignee_id = $3, updated_at = $4, version = version + 1,
        routing_rule = COALESCE($5, routing_rule), routing_reason_nl = COALESCE($6, routing_reason_nl),
        routing_reason_en = COALESCE($7, routing_reason_en)
      WHERE id = $1`,
    [
      reportId,
      change.kind,
      change.id,
      change.at,
      change.routing?.rule ?? null,
      change.routing?.reasonNl ?? null,
      change.routing?.reasonEn ?? null,
    ],
  );
}

/** The named assignee if it exists in the municipality, else null. */
export async function findAssigneeTarget(
  db: Queryable,
  municipalityCode: string,
  kind: AssigneeKind,
  id: string,
): Promise<{ id: string; name: string } | null> {
  const sql = {
    officer: `SELECT id, name FROM users WHERE id = $1 AND municipality_code = $2 AND active AND 'officer' = ANY(roles)`,
    team: `SELECT id, name FROM teams WHERE id = $1 AND municipality_code = $2 AND kind = 'team'`,
    partner: `SELECT id, name FROM teams WHERE id = $1 AND municipality_code = $2 AND kind = 'partner'`,
    queue: 'SELECT id, name FROM coordinator_groups WHERE id = $1 AND municipality_code = $2',
  }[kind];
  const { rows } = await db.query<{ id: string; name: string }>(sql, [id, municipalityCode]);
  return rows[0] ?? null;
}

// ── Re-routing ─────────────────────────────────────────────────────────────────
export interface ReroutableReport {
  id: string;
  municipalityCode: string;
  timeZone: string;
  status: ReportStatus;
  urgent: boolean;
  deadline: Date;
  source: ReportSource;
  districtCode: string;
  boroughCode: string | null;
  categoryCode: string;
  parentCategoryCode: string | null;
}

/**
 * The officer's open reports due in [from, to) or already overdue at `now`, soonest first, locked for the
 * re-routing transaction.
 */
export async function lockOpenReportsDueBetween(
  db: Queryable,
  officerId: string,
  from: Date,
  to: Date,
  now: Date,
): Promise<ReroutableReport[]> {
  const { rows } = await db.query<{
    id: string;
    municipality_code: string;
    timezone: string;
    status: ReportStatus;
    urgent: boolean;
    deadline: Date;
    source: ReportSource;
    district_code: string;
    borough_code: string | null;
    category_code: string;
    parent_code: string | null;
  }>(
    `SELECT r.id, r.municipality_code, m.timezone, r.status, r.urgent, r.deadline, r.source, r.district_code,
            b.code AS borough_code, c.code AS category_code, p.code AS parent_code
       FROM reports r
       JOIN municipalities m ON m.code = r.municipality_code
       JOIN categories c ON c.id = r.category_id
       LEFT JOIN categories p ON p.id = c.parent_id
       JOIN districts d ON d.code = r.district_code
       LEFT JOIN boroughs b ON b.id = d.borough_id
      WHERE r.assignee_kind = 'officer' AND r.assignee_id = $1
        AND r.status NOT IN ('resolved', 'cancelled')
        AND ((r.deadline >= $2 AND r.deadline < $3) OR r.deadline < $4)
      ORDER BY r.deadline, r.id
      FOR UPDATE OF r`,
    [officerId, from, to, now],
  );
  return rows.map((row) => ({
    id: row.id,
    municipalityCode: row.municipality_code,
    timeZone: row.timezone,
    status: row.status,
    urgent: row.urgent,
    deadline: row.deadline,
    source: row.source,
    districtCode: row.district_code,
    boroughCode: row.borough_code,
    categoryCode: row.category_code,
    parentCategoryCode: row.parent_code,
  }));
}
