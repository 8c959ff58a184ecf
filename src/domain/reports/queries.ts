import type { Queryable } from '../../db/db.ts';
import type { KeysetPosition } from '../../shared/cursor.ts';
import type { AssigneeKind, ReportSort, ReportSource } from './schemas.ts';
import { isClosed, reporterTextStatuses, type ReportStatus } from './workflow.ts';

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
  updated_at_text: string;
  deadline_text: string;
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
  duplicate_of: string | null;
  partner_contact_name: string | null;
  partner_contact_phone: string | null;
  partner_contact_email: string | null;
}

// $1 is always "now", for the overdue flag.
export const selectReports = `
  SELECT r.id, r.municipality_code, r.tracking_code, r.status, r.source, r.urgent, r.description, r.address_text,
         r.occurred_at, r.created_at, r.created_at::text AS created_at_text, r.updated_at,
         r.updated_at::text AS updated_at_text, r.deadline, r.deadline::text AS deadline_text, r.closed_at, r.version,
         (r.deadline < $1 AND r.status NOT IN ('resolved', 'cancelled')) AS overdue,
         c.code AS category_code, c.name_nl AS category_name, d.code AS district_code, d.name AS district_name,
         b.code AS borough_code, r.neighbourhood_code, r.assignee_kind, r.assignee_id,
         COALESCE(assignee_user.name, assignee_team.name, assignee_group.name, '') AS assignee_name,
         ST_X(r.location) AS rd_x, ST_Y(r.location) AS rd_y,
         r.routing_rule, r.routing_reason_nl, r.routing_reason_en,
         r.reporter_email, r.reporter_phone, r.reporter_consent_share, r.reporter_name, r.media_url, r.answers, r.created_by,
         r.duplicate_of,
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
  assigneeKind?: AssigneeKind;
  assigneeId?: string;
  /** What this person holds: assigned to them, their team, or the queue of a group they coordinate. */
  heldBy?: { userId: string; teamId: string | null };
  statuses?: ReportStatus[];
  sources?: ReportSource[];
  categoryCode?: string;
  /** Exactly this tracking code (normalised), or a part of the address. */
  trackingCode?: string;
  addressPart?: string;
  overdue?: boolean;
  createdFrom?: Date;
  createdTo?: Date;
  /** In RD New metres. */
  bbox?: { minX: number; minY: number; maxX: number; maxY: number };
  sort: ReportSort;
  after?: KeysetPosition;
  limit: number;
}

const NO_ID = '00000000-0000-0000-0000-000000000000';

/** Per sort: the column, its direction, and the keyset comparison that continues after the cursor. */
const orders: Record<ReportSort, { column: string; direction: 'ASC' | 'DESC' }> = {
  created: { column: 'r.created_at', direction: 'DESC' },
  updated: { column: 'r.updated_at', direction: 'DESC' },
  deadline: { column: 'r.deadline', direction: 'ASC' },
};

export function positionOf(row: ReportRow, sort: ReportSort): KeysetPosition {
  if (sort === 'created') return { at: row.created_at_text, id: row.id };
  return { at: sort === 'deadline' ? row.deadline_text : row.updated_at_text, id: row.id, order: sort };
}

/** LIKE treats % and _ as wildcards: a typed one means itself. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
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
  if (filter.assigneeKind) add((p) => `r.assignee_kind = ${p}`, filter.assigneeKind);
  if (filter.assigneeId) add((p) => `r.assignee_id = ${p}`, filter.assigneeId);
  if (filter.heldBy) {
    params.push(filter.heldBy.userId, filter.heldBy.teamId ?? NO_ID);
    const [user, team] = [`$${params.length - 1}`, `$${params.length}`];
    // The ids first, as one array (an init plan), so the planner can look them up by assignee index; the kinds then
    // make sure an id means what it is held as.
    where.push(
      `r.assignee_id = ANY(ARRAY[${user}::uuid, ${team}::uuid] || ARRAY(SELECT id FROM coordinator_groups WHERE coordinator_id = ${user}))` +
        ` AND ((r.assignee_kind = 'officer' AND r.assignee_id = ${user}) OR (r.assignee_kind = 'team' AND r.assignee_id = ${team})` +
        ` OR (r.assignee_kind = 'queue' AND r.assignee_id IN (SELECT id FROM coordinator_groups WHERE coordinator_id = ${user})))`,
    );
  }
  if (filter.statuses?.length) {
    add((p) => `r.status = ANY(${p}::text[])`, filter.statuses);
    // Spelled out so the planner may use the indexes kept for open reports only.
    if (!filter.statuses.some(isClosed)) where.push(`r.status NOT IN ('resolved', 'cancelled')`);
  }
  if (filter.sources?.length) add((p) => `r.source = ANY(${p}::text[])`, filter.sources);
  if (filter.trackingCode) add((p) => `r.tracking_code = ${p}`, filter.trackingCode);
  if (filter.addressPart) add((p) => `r.address_text ILIKE ${p}`, likePattern(filter.addressPart));
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
  const order = orders[filter.sort];
  if (filter.after) {
    params.push(filter.after.at, filter.after.id);
    const comparison = order.direction === 'DESC' ? '<' : '>';
    where.push(`(${order.column}, r.id) ${comparison} ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(filter.limit);
  const { rows } = await db.query<ReportRow>(
    `${selectReports} WHERE ${where.join(' AND ')}
      ORDER BY ${order.column} ${order.direction}, r.id ${order.direction} LIMIT $${params.length}`,
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
  /** The current name of the holder an assignment, forward or re-routing handed the report to. */
  holder_name: string | null;
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
  // Entries written before names were kept in `data` (and re-routings) name the new holder by id only.
  const { rows } = await db.query<HistoryRow>(
    `SELECT h.at, h.actor_id, h.actor_label, h.action, h.from_status, h.to_status, h.text, h.data,
            COALESCE(u.name, t.name, g.name, h.data->'to'->>'name') AS holder_name
       FROM report_history h
       LEFT JOIN users u ON h.data->'to'->>'kind' = 'officer' AND u.id::text = h.data->'to'->>'id'
       LEFT JOIN teams t ON h.data->'to'->>'kind' IN ('team', 'partner') AND t.id::text = h.data->'to'->>'id'
       LEFT JOIN coordinator_groups g ON h.data->'to'->>'kind' = 'queue' AND g.id::text = h.data->'to'->>'id'
      WHERE h.report_id = $1
        ${
          forPartner
            ? `AND (h.action <> 'note' OR EXISTS (SELECT 1 FROM users a WHERE a.id = h.actor_id AND a.team_id = $2))`
            : ''
        }
      ORDER BY h.id`,
    forPartner ? [reportId, options.partnerTeamId ?? null] : [reportId],
  );
  return rows;
}

/**
 * The latest text written for the reporter (a change to one of `reporterTextStatuses` by staff) of report `r`, with
 * its moment; the reporter's own words (data.byReporter) are theirs, not ours to show back.
 */
export const latestReporterTextJoin = `
  LEFT JOIN LATERAL (
    SELECT h.text, h.at FROM report_history h
     WHERE h.report_id = r.id AND h.action = 'status_changed' AND h.text IS NOT NULL
       AND h.to_status = ANY($1::text[]) AND NOT COALESCE((h.data->>'byReporter')::boolean, false)
     ORDER BY h.id DESC LIMIT 1
  ) reporter_text ON true`;

export interface PublicStatusRow {
  status: ReportStatus;
  category_name: string;
  created_at: Date;
  updated_at: Date;
  deadline: Date;
  closed_at: Date | null;
  reporter_text: string | null;
  reporter_text_at: Date | null;
}

export async function selectPublicStatus(db: Queryable, trackingCode: string): Promise<PublicStatusRow | null> {
  const { rows } = await db.query<PublicStatusRow>(
    `SELECT r.status, c.name_nl AS category_name, r.created_at, r.updated_at, r.deadline, r.closed_at,
            reporter_text.text AS reporter_text, reporter_text.at AS reporter_text_at
       FROM reports r JOIN categories c ON c.id = r.category_id
       ${latestReporterTextJoin}
      WHERE r.tracking_code = $2`,
    [[...reporterTextStatuses], trackingCode],
  );
  return rows[0] ?? null;
}
