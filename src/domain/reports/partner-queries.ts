import type { Queryable } from '../../db/db.ts';
import type { KeysetPosition } from '../../shared/cursor.ts';
import { selectReports, type ReportRow } from './queries.ts';
import type { AssigneeKind } from './schemas.ts';
import type { ReportStatus } from './workflow.ts';

export interface PartnerReportFilter {
  now: Date;
  municipalityCode: string;
  teamId: string;
  statuses?: ReportStatus[];
  overdue?: boolean;
  after?: KeysetPosition;
  limit: number;
}

/**
 * The partner's worklist order: open reports by deadline (so the overdue ones come first), then closed ones by
 * deadline. That is one moment per row, so the shared keyset cursor (moment, id) pages it: a closed report's
 * moment is its deadline moved 1000 years on, past every open one.
 */
const sortAt = `CASE WHEN q.status IN ('resolved', 'cancelled') THEN q.deadline + interval '1000 years' ELSE q.deadline END`;

export async function selectPartnerReportPage(
  db: Queryable,
  filter: PartnerReportFilter,
): Promise<Array<ReportRow & { sort_at_text: string }>> {
  const params: unknown[] = [filter.now, filter.municipalityCode, filter.teamId];
  const where = [`r.municipality_code = $2`, `r.assignee_kind = 'partner'`, `r.assignee_id = $3`];
  if (filter.statuses?.length) {
    params.push(filter.statuses);
    where.push(`r.status = ANY($${params.length}::text[])`);
  }
  if (filter.overdue !== undefined) {
    where.push(
      `(r.deadline < $1 AND r.status NOT IN ('resolved', 'cancelled')) = ${filter.overdue ? 'true' : 'false'}`,
    );
  }
  const outer: string[] = [];
  if (filter.after) {
    params.push(filter.after.at, filter.after.id);
    outer.push(`(s.sort_at, s.id) > ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
  }
  params.push(filter.limit);
  const { rows } = await db.query<ReportRow & { sort_at_text: string }>(
    `SELECT * FROM (
       SELECT q.*, ${sortAt} AS sort_at, (${sortAt})::text AS sort_at_text
         FROM (${selectReports} WHERE ${where.join(' AND ')}) q
     ) s
     ${outer.length ? `WHERE ${outer.join(' AND ')}` : ''}
     ORDER BY s.sort_at, s.id
     LIMIT $${params.length}`,
    params,
  );
  return rows;
}

/** The officer a report goes back to: whoever forwarded it last, and where it was before that forward. */
export async function findLastForward(
  db: Queryable,
  reportId: string,
): Promise<{ actorId: string | null; from: { kind: AssigneeKind; id: string } | null } | null> {
  const { rows } = await db.query<{ actor_id: string | null; data: { from?: { kind: AssigneeKind; id: string } } }>(
    `SELECT actor_id, data FROM report_history
      WHERE report_id = $1 AND action = 'forwarded' ORDER BY id DESC LIMIT 1`,
    [reportId],
  );
  const row = rows[0];
  return row ? { actorId: row.actor_id, from: row.data?.from ?? null } : null;
}
