import type { Queryable } from '../../db/db.ts';
import type { ReportStatus } from '../reports/index.ts';
import { SYSTEM } from './repository.ts';

/** The SQL of the Signalen export. */
export interface ExportReportRow {
  id: string;
  externalId: string | null;
  source: string;
  description: string;
  status: ReportStatus;
  urgent: boolean;
  deadline: Date;
  occurredAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** created_at as PostgreSQL prints it: the keyset cursor keeps its microseconds. */
  createdAtText: string;
  x: number;
  y: number;
  addressText: string | null;
  districtCode: string;
  neighbourhoodCode: string | null;
  boroughCode: string | null;
  hasEmail: boolean;
  hasPhone: boolean;
  consentToShare: boolean;
  subSlug: string;
  subName: string;
  mainSlug: string;
  mainName: string;
}

export async function countReports(db: Queryable, municipalityCode: string): Promise<number> {
  const { rows } = await db.query<{ count: number }>(
    'SELECT count(*)::int AS count FROM reports WHERE municipality_code = $1',
    [municipalityCode],
  );
  return rows[0]?.count ?? 0;
}

/** A page of the municipality's reports, oldest first, after the keyset position (created_at, id). */
export async function listExportReports(
  db: Queryable,
  municipalityCode: string,
  after: { at: string; id: string } | null,
  limit: number,
): Promise<ExportReportRow[]> {
  const { rows } = await db.query<{
    id: string;
    external_id: string | null;
    source: string;
    description: string;
    status: ReportStatus;
    urgent: boolean;
    deadline: Date;
    occurred_at: Date | null;
    created_at: Date;
    updated_at: Date;
    created_at_text: string;
    x: number;
    y: number;
    address_text: string | null;
    district_code: string;
    neighbourhood_code: string | null;
    borough_code: string | null;
    has_email: boolean;
    has_phone: boolean;
    reporter_consent_share: boolean;
    sub_slug: string;
    sub_name: string;
    main_slug: string;
    main_name: string;
  }>(
    `SELECT r.id, x.external_id, r.source, r.description, r.status, r.urgent, r.deadline, r.occurred_at, r.created_at,
            r.updated_at, r.created_at::text AS created_at_text, ST_X(r.location) AS x, ST_Y(r.location) AS y,
            r.address_text, r.district_code, r.neighbourhood_code, b.code AS borough_code,
            r.reporter_email IS NOT NULL AS has_email, r.reporter_phone IS NOT NULL AS has_phone, r.reporter_consent_share,
            c.code AS sub_slug, c.name_nl AS sub_name, COALESCE(p.code, c.code) AS main_slug,
            COALESCE(p.name_nl, c.name_nl) AS main_name
       FROM reports r
       JOIN categories c ON c.id = r.category_id
       LEFT JOIN categories p ON p.id = c.parent_id
       JOIN districts d ON d.code = r.district_code
       LEFT JOIN boroughs b ON b.id = d.borough_id
       LEFT JOIN report_external_refs x ON x.report_id = r.id AND x.system = $5
      WHERE r.municipality_code = $1
        AND ($2::timestamptz IS NULL OR (r.created_at, r.id) > ($2::timestamptz, $3::uuid))
      ORDER BY r.created_at, r.id
      LIMIT $4`,
    [municipalityCode, after?.at ?? null, after?.id ?? null, limit, SYSTEM],
  );
  return rows.map((row) => ({
    id: row.id,
    externalId: row.external_id,
    source: row.source,
    description: row.description,
    status: row.status,
    urgent: row.urgent,
    deadline: row.deadline,
    occurredAt: row.occurred_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdAtText: row.created_at_text,
    x: row.x,
    y: row.y,
    addressText: row.address_text,
    districtCode: row.district_code,
    neighbourhoodCode: row.neighbourhood_code,
    boroughCode: row.borough_code,
    hasEmail: row.has_email,
    hasPhone: row.has_phone,
    consentToShare: row.reporter_consent_share,
    subSlug: row.sub_slug,
    subName: row.sub_name,
    mainSlug: row.main_slug,
    mainName: row.main_name,
  }));
}

export interface ExportHistoryRow {
  id: string;
  reportId: string;
  at: Date;
  actorLabel: string;
  action: string;
  toStatus: ReportStatus | null;
  text: string | null;
}

/** The history of these reports, each report's in the order it was written. */
export async function listExportHistory(db: Queryable, reportIds: string[]): Promise<ExportHistoryRow[]> {
  if (reportIds.length === 0) return [];
  const { rows } = await db.query<{
    id: string;
    report_id: string;
    at: Date;
    actor_label: string;
    action: string;
    to_status: ReportStatus | null;
    text: string | null;
  }>(
    `SELECT id::text, report_id, at, actor_label, action, to_status, text
       FROM report_history WHERE report_id = ANY($1::uuid[]) ORDER BY report_id, id`,
    [reportIds],
  );
  return rows.map((row) => ({
    id: row.id,
    reportId: row.report_id,
    at: row.at,
    actorLabel: row.actor_label,
    action: row.action,
    toStatus: row.to_status,
    text: row.text,
  }));
}
