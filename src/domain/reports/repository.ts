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
  reporter: { email: string | null; phone: string | null; consentToShare: boolean };
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

/**
 * Report, first history entry and (optionally) the idempotency key in ONE statement, which PostgreSQL
 * runs as one transaction. With a key, the report and its history are only written when the key was
 * claimed; a concurrent holder of the key makes the claim wait for its commit and then come back empty.
 * With `routingDataVersion`, nothing is written unless routing's data is still at that version: the
 * decision was made on data that is current when the report lands. `routing_data_is_current` (migration
 * 0100) takes a shared advisory lock, so it waits for a transaction that is changing that data (an
 * absence being registered and its reports re-routed) and then reads the new version, so no report
 * lands with an officer just marked away. The statement is prepared once per connection (named).
 */
export async function insertReportWithHistory(
  db: Queryable,
  row: NewReportRow,
  created: { actor: { id: string | null; label: string }; text: string; data: Record<string, unknown> },
  claim: IdempotencyClaim | null,
  routingDataVersion: number | null,
): Promise<'stored' | 'key_taken' | 'routing_data_changed'> {
  const params: unknown[] = [
    row.id, row.municipalityCode, row.trackingCode, row.categoryId, row.description, row.occurredAt, row.source, row.rd.x, row.rd.y,
    row.addressText, row.districtCode, row.neighbourhoodCode, row.urgent, row.deadline, row.assignee.kind, row.assignee.id,
    row.routing.rule, row.routing.reasonNl, row.routing.reasonEn, row.reporter.email, row.reporter.phone, row.reporter.consentToShare,
    row.createdBy, row.createdAt, created.actor.id, created.actor.label, created.text, JSON.stringify(created.data), routingDataVersion,
  ];
  let claimCte = '';
  let writeIf = 'WHERE EXISTS (SELECT 1 FROM current_data)';
  if (claim) {
    params.push(claim.scope, claim.key, claim.requestHash, claim.statusCode, JSON.stringify(claim.response));
    claimCte = `claim AS (
      INSERT INTO idempotency_keys (scope, key, request_hash, status_code, response, created_at)
      SELECT $30::text, $31::text, $32::text, $33::int, $34::jsonb, $24::timestamptz WHERE EXISTS (SELECT 1 FROM current_data)
      ON CONFLICT (scope, key) DO NOTHING RETURNING key
    ),`;
    writeIf = 'WHERE EXISTS (SELECT 1 FROM claim)';
  }
  // INSERT … SELECT cannot infer parameter types from the target columns, hence the casts.
  const { rows } = await db.query<{ current: boolean; stored: boolean }>(
    `WITH current_data AS (
       SELECT 1 WHERE $29::bigint IS NULL OR routing_data_is_current($29::bigint)
     ), ${claimCte} report AS (
       INSERT INTO reports (id, municipality_code, tracking_code, category_id, description, occurred_at, source, location,
         address_text, district_code, neighbourhood_code, status, urgent, deadline, assignee_kind, assignee_id, routing_rule,
         routing_reason_nl, routing_reason_en, reporter_email, reporter_phone, reporter_consent_share, created_by, created_at, updated_at)
       SELECT $1::uuid, $2::text, $3::text, $4::uuid, $5::text, $6::timestamptz, $7::text,
              ST_SetSRID(ST_MakePoint($8::float8, $9::float8), 28992), $10::text, $11::text, $12::text, 'new', $13::boolean,
              $14::timestamptz, $15::text, $16::uuid, $17::text, $18::text, $19::text, $20::text, $21::text, $22::boolean,
              $23::uuid, $24::timestamptz, $24::timestamptz
       ${writeIf}
       RETURNING id
     ), history AS (
       INSERT INTO report_history (report_id, at, actor_id, actor_label, action, from_status, to_status, text, data)
       SELECT id, $24::timestamptz, $25::uuid, $26::text, 'created', NULL, 'new', $27::text, $28::jsonb FROM report
       RETURNING report_id
     )
     SELECT EXISTS (SELECT 1 FROM current_data) AS current, EXISTS (SELECT 1 FROM history) AS stored`,
    params,
    { name: claim ? 'intake-with-idempotency-key' : 'intake' },
  );
  const result = rows[0]!;
  if (result.stored) return 'stored';
  return result.current ? 'key_taken' : 'routing_data_changed';
}

export interface HistoryEntryRow {
  reportId: string;
  at: Date;
  actor: { id: string | null; label: string };
  action: 'created' | 'status_changed' | 'assigned' | 'forwarded' | 'rerouted' | 'note';
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
      entry.reportId, entry.at, entry.actor.id, entry.actor.label, entry.action, entry.fromStatus ?? null, entry.toStatus ?? null,
      entry.text ?? null, JSON.stringify(entry.data ?? {}),
    ],
  );
}

// ── Idempotency ────────────────────────────────────────────────────────────────
export interface IdempotencyRecord {
  requestHash: string;
  statusCode: number;
  response: unknown;
}

export async function findIdempotencyRecord(db: Queryable, scope: string, key: string): Promise<IdempotencyRecord | null> {
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
    id: string; municipality_code: string; status: ReportStatus; version: number; closed_at: Date | null; assignee_kind: AssigneeKind; assignee_id: string;
  }>(
    `SELECT id, municipality_code, status, version, closed_at, assignee_kind, assignee_id
       FROM reports WHERE id = $1 FOR UPDATE`,
    [reportId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id, municipalityCode: row.municipality_code, status: row.status, version: row.version, closedAt: row.closed_at,
    assigneeKind: row.assignee_kind, assigneeId: row.assignee_id,
  };
}

export async function updateReportStatus(db: Queryable, reportId: string, change: { status: ReportStatus; closedAt: Date | null; at: Date }): Promise<void> {
  await db.query('UPDATE reports SET status = $2, closed_at = $3, updated_at = $4, version = version + 1 WHERE id = $1', [
    reportId, change.status, change.closedAt, change.at,
  ]);
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
    [reportId, change.kind, change.id, change.at, change.routing?.rule ?? null, change.routing?.reasonNl ?? null, change.routing?.reasonEn ?? null],
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

/** The officer's open reports due in [from, to), locked for the re-routing transaction. */
export async function lockOpenReportsDueBetween(db: Queryable, officerId: string, from: Date, to: Date): Promise<ReroutableReport[]> {
  const { rows } = await db.query<{
    id: string; municipality_code: string; timezone: string; status: ReportStatus; urgent: boolean; deadline: Date; source: ReportSource;
    district_code: string; borough_code: string | null; category_code: string; parent_code: string | null;
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
        AND r.deadline >= $2 AND r.deadline < $3
      ORDER BY r.deadline, r.id
      FOR UPDATE OF r`,
    [officerId, from, to],
  );
  return rows.map((row) => ({
    id: row.id, municipalityCode: row.municipality_code, timeZone: row.timezone, status: row.status, urgent: row.urgent,
    deadline: row.deadline, source: row.source, districtCode: row.district_code, boroughCode: row.borough_code,
    categoryCode: row.category_code, parentCategoryCode: row.parent_code,
  }));
}
