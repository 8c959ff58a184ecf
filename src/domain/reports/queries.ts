import type { Queryable } from '../../db/db.ts';
import type { KeysetPosition } from '../../shared/cursor.ts';
import type { AssigneeKind, ReportSource } from './schemas.ts';
import type { ReportStatus } from './workflow.ts';

/** The read side of the reports area: listing, detail, history, public status. */

export interface ReportRow {
  id: string;
  municipality_code: string;
  tracking_code: string;
  status: ReportStatus;
  source: ReportSource;
  urgent: boolean;
  overdue: boolean;
  description: string;
  address_text: string | null;
  occurred_at: Date | null;
  created_at: Date;
  created_at_text: string;
  updated_at: Date;
  deadline: Date;
  closed_at: Date | null;
  version: number;
  category_code: string;
  category_name: string;
  district_code: string;
  district_name: string;
  borough_code: string | null;
  neighbourhood_code: string | null;
  assignee_kind: AssigneeKind;
  assignee_id: string;
  assignee_name: string;
  rd_x: number;
  rd_y: number;
  routing_rule: string;
  routing_reason_nl: string;
  routing_reason_en: string;
  reporter_email: string | null;
  reporter_phone: string | null;
  reporter_consent_share: boolean;
  reporter_name: string | null;
  media_url: string | null;
  answers: Record<string, string[]> | null;
  created_by: string | null;
  partner_contact_name: string | null;
  partner_contact_phone: string | null;
  partner_contact_email: string | null;
}

// $1 is always "now", for the overdue flag.
export const selectReports = `
  SELECT r.id, r.municipality_code, r.tracking_code, r.status, r.source, r.urgent, r.description, r.address_text,
         r.occurred_at, r.created_at, r.created_at::text AS created_at_text, r.updated_at, r.deadline, r.closed_at, r.version,
         (r.deadline < $1 AND r.status NOT IN ('resolved', 'cancelled')) AS overdue,
         c.code AS category_code, c.name_nl AS category_name, d.code AS district_code, d.name AS district_name,
         b.code AS borough_code, r.neighbourhood_code, r.assignee_kind, r.assignee_id,
         COALESCE(assignee_user.name, assignee_team.name, assignee_group.name, '') AS assignee_name,
         ST_X(r.location) AS rd_x, ST_Y(r.location) AS rd_y,
         r.routing_rule, r.routing_reason_nl, r.routing_reason_en,
         r.reporter_email, r.reporter_phone, r.reporter_consent_share, r.reporter_name, r.media_url, r.answers, r.created_by,
         assignee_team.contact_name AS partner_contact_name, assignee_team.contact_phone AS partner_contact_phone,
         assignee_team.contact_email AS partner_contact_email
    FROM reports r
    JOIN categories c ON c.id = r.category_id
    JOIN districts d ON d.code = r.district_code
    LEFT JOIN boroughs b ON b.id = d.borough_id
    LEFT JOIN users assignee_user ON r.assignee_kind = 'officer' AND assignee_user.id = r.assignee_id
    LEFT JOIN teams assignee_team ON r.assignee_kind IN ('team', 'partner') AND assignee_team.id = r.assignee_id
    LEFT JOIN coordinator_groups assignee_group ON r.assignee_kind = 'queue' AND assignee_group.id = r.assignee_id`;

export interface ReportFilter {
  now: Date;
  municipalityCode: string;
  partnerTeamId?: string | null;
  districtCode?: string;
  boroughCode?: string;
  assigneeId?: string;
  statuses?: ReportStatus[];
  categoryCode?: string;
  overdue?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
  /** In RD New metres. */
  bbox?: { minX: number; minY: number; maxX: number; maxY: number };
  after?: KeysetPosition;
  limit: number;
}

export async function selectReportPage(db: Queryable, filter: ReportFilter): Promise<ReportRow[]> {
  const params: unknown[] = [filter.now];
  const where: string[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    params.push(value);
    where.push(sql(`$${params.length}`));
  };
  add((p) => `r.municipality_code = ${p}`, filter.municipalityCode);
  // A partner sees only what is assigned to their own organisation; without a team, nothing.
  if (filter.partnerTeamId !== undefined) {
    add(
      (p) => `r.assignee_kind = 'partner' AND r.assignee_id = ${p}`,
      filter.partnerTeamId ?? '00000000-0000-0000-0000-000000000000',
    );
  }
  if (filter.districtCode) add((p) => `r.district_code = ${p}`, filter.districtCode);
  if (filter.boroughCode) add((p) => `b.code = ${p}`, filter.boroughCode);
  if (filter.assigneeId) add((p) => `r.assignee_id = ${p}`, filter.assigneeId);
  if (filter.statuses?.length) add((p) => `r.status = ANY(${p}::text[])`, filter.statuses);
  if (filter.categoryCode)
    add(
      (p) =>
        `(c.code = ${p} OR c.parent_id IN (SELECT id FROM categories WHERE municipality_code = r.municipality_code AND code = ${p}))`,
      filter.categoryCode,
    );
  if (filter.overdue !== undefined) {
    where.push(
      `(r.deadline < $1 AND r.status NOT IN ('resolved', 'cancelled')) = ${filter.overdue ? 'true' : 'false'}`,
    );
  }
  if (filter.createdFrom) add((p) => `r.created_at >= ${p}`, filter.createdFrom);
  if (filter.createdTo) add((p) => `r.created_at < ${p}`, filter.createdTo);
  if (filter.bbox) {
    const { minX, minY, maxX, maxY } = filter.bbox;
    params.push(minX, minY, maxX, maxY);
    const n = params.length;
    where.push(`r.location && ST_MakeEnvelope($${n - 3}, $${n - 2}, $${n - 1}, $${n}, 28992)`);
  }
  if (filter.after) {
    params.push(filter.after.at, filter.after.id);
    where.push(`(r.created_at, r.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(filter.limit);
  const { rows } = await db.query<ReportRow>(
    `${selectReports} WHERE ${where.join(' AND ')} ORDER BY r.created_at DESC, r.id DESC LIMIT $${params.length}`,
    params,
  );
  return rows;
}

export async function selectReport(db: Queryable, now: Date, reportId: string): Promise<ReportRow | null> {
  const { rows } = await db.query<ReportRow>(`${selectReports} WHERE r.id = $2`, [now, reportId]);
  return rows[0] ?? null;
}

export interface HistoryRow {
  at: Date;
  actor_id: string | null;
  actor_label: string;
  action: string;
  from_status: ReportStatus | null;
  to_status: ReportStatus | null;
  text: string | null;
  data: Record<string, unknown>;
}

/**
 * A report's history. For a partner (`partnerTeamId`) the notes are left out in SQL, so they never reach the
 * API: the municipality's notes are internal; only notes written by the partner's own people stay.
 */
export async function selectHistory(
  db: Queryable,
  reportId: string,
  options: { partnerTeamId?: string | null } = {},
): Promise<HistoryRow[]> {
  const forPartner = options.partnerTeamId !== undefined;
  const { rows } = await db.query<HistoryRow>(
    `SELECT h.at, h.actor_id, h.actor_label, h.action, h.from_status, h.to_status, h.text, h.data
       FROM report_history h
      WHERE h.report_id = $1
        ${
          forPartner
            ? `AND (h.action <> 'note' OR EXISTS (SELECT 1 FROM users u WHERE u.id = h.actor_id AND u.team_id = $2))`
            : ''
        }
      ORDER BY h.id`,
    forPartner ? [reportId, options.partnerTeamId ?? null] : [reportId],
  );
  return rows;
}

export async function selectPublicStatus(
  db: Queryable,
  trackingCode: string,
): Promise<{
  status: ReportStatus;
  category_name: string;
  created_at: Date;
  updated_at: Date;
  deadline: Date;
  closed_at: Date | null;
} | null> {
  const { rows } = await db.query<{
    status: ReportStatus;
    category_name: string;
    created_at: Date;
    updated_at: Date;
    deadline: Date;
    closed_at: Date | null;
  }>(
    `SELECT r.status, c.name_nl AS category_name, r.created_at, r.updated_at, r.deadline, r.closed_at
       FROM reports r JOIN categories c ON c.id = r.category_id
      WHERE r.tracking_code = $1`,
    [trackingCode],
  );
  return rows[0] ?? null;
}
