import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { decodeCursor, keysetPage, type KeysetPosition } from '../../shared/cursor.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { parseCrs, type Crs } from '../geography/index.ts';
import { selectPartnerReportPage } from './partner-queries.ts';
import { toSummary } from './report-view.ts';
import type { ListPartnerReportsQuery, ReportList } from './schemas.ts';

function fieldProblemsOf(error: unknown, name: string): FieldProblem[] {
  if (!(error instanceof DomainError) || error.code !== 'validation') throw error;
  return error.fieldProblems.length ? error.fieldProblems : [{ name, reason: error.detail }];
}

/**
 * The reports the partner's own organisation holds, overdue first, then by deadline (partner-queries.ts). A partner
 * user without an organisation holds nothing. No tracking code and no reporter contact: partners get neither.
 */
export async function listPartnerReports(
  deps: { db: Queryable; clock: Clock },
  input: { viewer: StaffUser; query: ListPartnerReportsQuery },
): Promise<{ page: ReportList; crs: Crs }> {
  const { viewer, query } = input;
  const problems: FieldProblem[] = [];
  let crs: Crs = 'CRS84';
  let after: KeysetPosition | undefined;
  try {
    crs = parseCrs(query.crs, 'query.crs');
  } catch (error) {
    problems.push(...fieldProblemsOf(error, 'query.crs'));
  }
  try {
    if (query.cursor) after = decodeCursor(query.cursor);
  } catch (error) {
    problems.push(...fieldProblemsOf(error, 'query.cursor'));
  }
  if (problems.length) {
    throw new DomainError('validation', `${problems.length} problem(s) in the query`, problems);
  }
  if (viewer.teamId === null) return { page: { items: [], nextCursor: null }, crs };
  const rows = await selectPartnerReportPage(deps.db, {
    now: deps.clock.now(),
    municipalityCode: viewer.municipalityCode,
    teamId: viewer.teamId,
    ...(query.status ? { statuses: query.status } : {}),
    ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    ...(after ? { after } : {}),
    limit: query.limit + 1,
  });
  const { items, nextCursor } = keysetPage(rows, query.limit, (row) => ({ at: row.sort_at_text, id: row.id }));
  return { page: { items: items.map((row) => toSummary(row, crs, false)), nextCursor }, crs };
}
