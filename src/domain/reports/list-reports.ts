import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { decodeCursor, keysetPage } from '../../shared/cursor.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { parseCrs, pointToRd, type Crs } from '../geography/index.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { positionOf, selectReportPage, type ReportFilter } from './queries.ts';
import { isPartnerOnly, mayReadTrackingCode } from './report-access.ts';
import { toSummary } from './report-view.ts';
import { reportSorts, type ListReportsQuery, type ReportList } from './schemas.ts';
import { normaliseTrackingCode } from './tracking-code.ts';

function bboxInRd(bbox: number[], crs: Crs): NonNullable<ReportFilter['bbox']> {
  const [minA, minB, maxA, maxB] = bbox as [number, number, number, number];
  if (crs === 'EPSG:28992') return { minX: minA, minY: minB, maxX: maxA, maxY: maxB };
  // A lon/lat rectangle is not a rectangle in RD: cover all four corners.
  const corners = [
    [minA, minB],
    [minA, maxB],
    [maxA, minB],
    [maxA, maxB],
  ].map(([a, b]) => pointToRd({ type: 'Point', coordinates: [a!, b!] }, crs));
  const xs = corners.map(([x]) => x);
  const ys = corners.map(([, y]) => y);
  return { minX: Math.min(...xs), minY: Math.min(...ys), maxX: Math.max(...xs), maxY: Math.max(...ys) };
}

function renamed(error: unknown, name: string): FieldProblem[] {
  if (!(error instanceof DomainError) || error.code !== 'validation') throw error;
  return (error.fieldProblems.length ? error.fieldProblems : [{ name, reason: error.detail }]).map((p) => ({
    ...p,
    name,
  }));
}

/**
 * What looks like a tracking code (any way people type one) is looked up as that code, but only for those who may
 * read tracking codes: for anyone else a code would be a probe, so it is searched as an address like all other text.
 */
function searchFilter(
  search: string | undefined,
  mayUseTrackingCode: boolean,
): Pick<ReportFilter, 'trackingCode' | 'addressPart'> {
  if (!search) return {};
  const code = mayUseTrackingCode ? normaliseTrackingCode(search) : null;
  return code ? { trackingCode: code } : { addressPart: search };
}

/** One page of the reports the viewer may see, in the asked order (newest first by default). */
export async function listReports(
  deps: { db: Queryable; clock: Clock },
  input: { viewer: StaffUser; query: ListReportsQuery },
): Promise<{ page: ReportList; crs: Crs }> {
  const { viewer, query } = input;
  const problems: FieldProblem[] = [];
  let crs: Crs = 'CRS84';
  let bbox: ReportFilter['bbox'];
  let after: ReportFilter['after'];
  try {
    crs = parseCrs(query.crs, 'query.crs');
  } catch (error) {
    problems.push(...renamed(error, 'query.crs'));
  }
  try {
    if (query.bbox) bbox = bboxInRd(query.bbox, parseCrs(query.bboxCrs, 'query.bboxCrs'));
  } catch (error) {
    problems.push(...renamed(error, 'query.bbox'));
  }
  try {
    if (query.cursor) after = decodeCursor(query.cursor, 'query.cursor', reportSorts);
  } catch (error) {
    problems.push(...renamed(error, 'query.cursor'));
  }
  // A cursor of one order continues nothing in another: refuse it rather than skip or repeat rows.
  if (after && (after.order ?? 'created') !== query.sort) {
    problems.push({ name: 'query.cursor', reason: `not a cursor of sort=${query.sort}`, code: 'invalid_cursor' });
  }
  if (problems.length)
    throw new DomainError(
      'validation',
      `${problems.length} problem(s) in the query: ${problems.map((p) => p.name).join(', ')}`,
      problems,
    );

  const showTrackingCode = mayReadTrackingCode(viewer);
  const rows = await selectReportPage(deps.db, {
    now: deps.clock.now(),
    municipalityCode: viewer.municipalityCode,
    ...(isPartnerOnly(viewer) ? { partnerTeamId: viewer.teamId } : {}),
    ...(query.districtCode ? { districtCode: query.districtCode } : {}),
    ...(query.boroughCode ? { boroughCode: query.boroughCode } : {}),
    ...(query.assigneeKind ? { assigneeKind: query.assigneeKind } : {}),
    ...(query.assigneeId ? { assigneeId: query.assigneeId } : {}),
    ...(query.heldByMe ? { heldBy: { userId: viewer.id, teamId: viewer.teamId } } : {}),
    ...(query.status ? { statuses: query.status } : {}),
    ...(query.source?.length ? { sources: query.source } : {}),
    ...searchFilter(query.search, showTrackingCode),
    ...(query.categoryCode ? { categoryCode: query.categoryCode } : {}),
    ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    ...(query.createdFrom ? { createdFrom: new Date(query.createdFrom) } : {}),
    ...(query.createdTo ? { createdTo: new Date(query.createdTo) } : {}),
    ...(bbox ? { bbox } : {}),
    sort: query.sort,
    ...(after ? { after } : {}),
    limit: query.limit + 1,
  });
  const { items, nextCursor } = keysetPage(rows, query.limit, (row) => positionOf(row, query.sort));
  return { page: { items: items.map((row) => toSummary(row, crs, showTrackingCode)), nextCursor }, crs };
}
