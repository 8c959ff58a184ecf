import type { Queryable } from '../../db/db.ts';
import type { ReportStatus } from '../reports/index.ts';

/** The SQL of the Signalen import (the export's is in repository-export.ts). */

export const SYSTEM = 'signalen';

export async function listMunicipalityCodes(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ code: string }>('SELECT code FROM municipalities ORDER BY code');
  return rows.map((row) => row.code);
}

/**
 * The coordinator group's queue of each district: the group of the district's borough, else the municipality's
 * first group by name (a district whose borough no group runs still needs somebody to look at its reports).
 */
export async function listDistrictQueues(
  db: Queryable,
  municipalityCode: string,
): Promise<{ fallback: { id: string; name: string } | null; byDistrict: Map<string, { id: string; name: string }> }> {
  const { rows } = await db.query<{ district_code: string; id: string | null; name: string | null }>(
    `SELECT d.code AS district_code, g.id, g.name
       FROM districts d
       LEFT JOIN coordinator_group_boroughs gb ON gb.borough_id = d.borough_id
       LEFT JOIN coordinator_groups g ON g.id = gb.group_id
      WHERE d.municipality_code = $1`,
    [municipalityCode],
  );
  const first = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM coordinator_groups WHERE municipality_code = $1 ORDER BY name, id LIMIT 1',
    [municipalityCode],
  );
  const byDistrict = new Map<string, { id: string; name: string }>();
  for (const row of rows) if (row.id && row.name) byDistrict.set(row.district_code, { id: row.id, name: row.name });
  return { fallback: first.rows[0] ?? null, byDistrict };
}

/**
 * Which of these external ids are already in the municipality: imported before, or (a Wijkpost export read back
 * into the installation it came from) the id of one of its own reports.
 */
export async function findPresentIds(db: Queryable, municipalityCode: string, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const uuids = ids.filter((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id));
  const { rows } = await db.query<{ id: string }>(
    `SELECT external_id AS id FROM report_external_refs
      WHERE municipality_code = $1 AND system = $2 AND external_id = ANY($3::text[])
     UNION ALL
     SELECT id::text FROM reports WHERE municipality_code = $1 AND id = ANY($4::uuid[])`,
    [municipalityCode, SYSTEM, ids, uuids],
  );
  const present = new Set(rows.map((row) => row.id));
  // A uuid comes back in PostgreSQL's lower-case spelling: match the file's spelling too.
  for (const id of uuids) if (present.has(id.toLowerCase())) present.add(id);
  return present;
}

export interface ImportedReportRow {
  id: string;
  externalId: string;
  municipalityCode: string;
  trackingCode: string;
  categoryId: string;
  description: string;
  occurredAt: string | null;
  x: number;
  y: number;
  addressText: string | null;
  districtCode: string;
  neighbourhoodCode: string | null;
  status: ReportStatus;
  urgent: boolean;
  deadline: string;
  assigneeId: string;
  routingReasonNl: string;
  routingReasonEn: string;
  reporterEmail: string | null;
  reporterPhone: string | null;
  reporterConsentShare: boolean;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
}

export interface ImportedHistoryRow {
  /** Position in the batch: history ids follow it, and a report's history is read in id order. */
  ord: number;
  reportId: string;
  at: string;
  action: string;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  text: string | null;
  data: Record<string, unknown>;
}

/**
 * One batch in ONE statement, so one transaction: each report's external reference is claimed first (ON CONFLICT DO
 * NOTHING), and only a report whose claim succeeded is written, with its history. A batch lands whole or not at
 * all, and a concurrent import of the same file writes each report once. Returns the external ids written.
 */
export async function insertImportedReports(
  db: Queryable,
  reports: ImportedReportRow[],
  history: ImportedHistoryRow[],
  importedAt: Date,
): Promise<string[]> {
  if (reports.length === 0) return [];
  const { rows } = await db.query<{ external_id: string }>(
    `WITH input AS MATERIALIZED (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
         "id" uuid, "externalId" text, "municipalityCode" text, "trackingCode" text, "categoryId" uuid, "description" text,
         "occurredAt" timestamptz, "x" float8, "y" float8, "addressText" text, "districtCode" text, "neighbourhoodCode" text,
         "status" text, "urgent" boolean, "deadline" timestamptz, "assigneeId" uuid, "routingReasonNl" text,
         "routingReasonEn" text, "reporterEmail" text, "reporterPhone" text, "reporterConsentShare" boolean,
         "createdAt" timestamptz, "updatedAt" timestamptz, "closedAt" timestamptz)
     ), claim AS (
       INSERT INTO report_external_refs (municipality_code, system, external_id, report_id, imported_at)
       SELECT "municipalityCode", $4, "externalId", "id", $3::timestamptz FROM input
        ORDER BY "externalId" -- concurrent imports claim shared keys in one order: no deadlock
       ON CONFLICT (municipality_code, system, external_id) DO NOTHING
       RETURNING report_id, external_id
     ), report AS (
       INSERT INTO reports (id, municipality_code, tracking_code, category_id, description, occurred_at, source, location,
         address_text, district_code, neighbourhood_code, status, urgent, deadline, assignee_kind, assignee_id,
         routing_rule, routing_reason_nl, routing_reason_en, reporter_email, reporter_phone, reporter_consent_share,
         created_at, updated_at, closed_at)
       SELECT i."id", i."municipalityCode", i."trackingCode", i."categoryId", i."description", i."occurredAt", 'signalen',
              ST_SetSRID(ST_MakePoint(i."x", i."y"), 28992), i."addressText", i."districtCode", i."neighbourhoodCode",
              i."status", i."urgent", i."deadline", 'queue', i."assigneeId", 'signalen-import', i."routingReasonNl",
              i."routingReasonEn", i."reporterEmail", i."reporterPhone", i."reporterConsentShare", i."createdAt",
              i."updatedAt", i."closedAt"
         FROM input i JOIN claim c ON c.report_id = i."id"
       RETURNING id
     ), history AS (
       INSERT INTO report_history (report_id, at, actor_id, actor_label, action, from_status, to_status, text, data)
       SELECT h."reportId", h."at", NULL, 'Signalen', h."action", h."fromStatus", h."toStatus", h."text", h."data"
         FROM jsonb_to_recordset($2::jsonb) AS h(
                "ord" int, "reportId" uuid, "at" timestamptz, "action" text, "fromStatus" text, "toStatus" text, "text" text,
                "data" jsonb)
         JOIN report r ON r.id = h."reportId"
        ORDER BY h.ord
       RETURNING report_id
     )
     SELECT c.external_id FROM claim c WHERE EXISTS (SELECT 1 FROM report r WHERE r.id = c.report_id)`,
    [JSON.stringify(reports), JSON.stringify(history), importedAt, SYSTEM],
  );
  return rows.map((row) => row.external_id);
}
