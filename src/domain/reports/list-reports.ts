import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { parseCrs, pointToRd, type Crs } from '../geography/index.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { selectReportPage, type ReportFilter } from './queries.ts';
import { isPartnerOnly, mayReadTrackingCode } from './report-access.ts';
import { toSummary } from './report-view.ts';
import type { ListReportsQuery, ReportList } from './schemas.ts';

/** Keyset position (created_at as PostgreSQL prints it, id), opaque to clients. */
export function encodeCursor(createdAtText: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAtText, id])).toString('base64url');
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** timestamptz as PostgreSQL prints it (DateStyle ISO), e.g. 2026-11-24 08:01:00.123456+00. */
const postgresTimestamp = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,6})?[+-]\d{2}(:\d{2}){0,2}$/;

/**
 * Only the shape this API hands out: anything V8 would parse but PostgreSQL would not (Date.parse('1')
 * is valid) must be a 400 here, not an error in the query.
 */
function isCursorTimestamp(text: string): boolean {
  const match = postgresTimestamp.exec(text);
  if (!match) return false;
  const wallClock = `${match[1]}T${match[2]}`;
  const parsed = new Date(`${wallClock}Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === wallClock;
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    if (typeof createdAt === 'string' && isCursorTimestamp(createdAt) && typeof id === 'string' && uuid.test(id)) {
      return { createdAt, id };
    }
  } catch {
    // falls through to the problem below
  }
  throw new DomainError('validation', 'The cursor is not one this API handed out.', [
    { name: 'query.cursor', reason: 'not a valid cursor', code: 'invalid_cursor' },
  ]);
}

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

/** One page of the reports the viewer may see, newest first. */
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
    if (query.cursor) after = decodeCursor(query.cursor);
  } catch (error) {
    problems.push(...renamed(error, 'query.cursor'));
  }
  if (problems.length)
    throw new DomainError(
      'validation',
      `${problems.length} problem(s) in the query: ${problems.map((p) => p.name).join(', ')}`,
      problems,
    );

  const rows = await selectReportPage(deps.db, {
    now: deps.clock.now(),
    municipalityCode: viewer.municipalityCode,
    ...(isPartnerOnly(viewer) ? { partnerTeamId: viewer.teamId } : {}),
    ...(query.districtCode ? { districtCode: query.districtCode } : {}),
    ...(query.boroughCode ? { boroughCode: query.boroughCode } : {}),
    ...(query.assigneeId ? { assigneeId: query.assigneeId } : {}),
    ...(query.status ? { statuses: query.status } : {}),
    ...(query.categoryCode ? { categoryCode: query.categoryCode } : {}),
    ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    ...(query.createdFrom ? { createdFrom: new Date(query.createdFrom) } : {}),
    ...(query.createdTo ? { createdTo: new Date(query.createdTo) } : {}),
    ...(bbox ? { bbox } : {}),
    ...(after ? { after } : {}),
    limit: query.limit + 1,
  });
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor(last.created_at_text, last.id) : null;
  const showTrackingCode = mayReadTrackingCode(viewer);
  return { page: { items: items.map((row) => toSummary(row, crs, showTrackingCode)), nextCursor }, crs };
}
