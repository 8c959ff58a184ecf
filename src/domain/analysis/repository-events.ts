/**
 * The SQL that reads the analysis input: resident reports and officer observations of one municipality,
 * filtered and aggregated in the database (per grid cell, per hour of week) so only counts leave it.
 * Never selects a reporter, a description, an address or a tracking code.
 */
import type { Queryable } from '../../db/db.ts';
import type { Source } from './schemas.ts';

/** A resolved filter: codes already checked and turned into ids / district lists. */
export interface EventScope {
  municipalityCode: string;
  from: Date;
  to: Date;
  /** Category ids (a main category expands to its subcategories); null = all. */
  categoryIds: string[] | null;
  /** District codes (a borough expands to its districts); null = all of the municipality. */
  districtCodes: string[] | null;
  source: Source;
}

/**
 * One SELECT of (location, at, category_id, district_code) per source in scope, UNION ALL-ed.
 * `params` receives the values; placeholders are numbered after what it already holds.
 */
export function eventsSql(scope: EventScope, params: unknown[]): string {
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const municipality = p(scope.municipalityCode);
  const from = p(scope.from);
  const to = p(scope.to);
  const categories = scope.categoryIds ? p(scope.categoryIds) : null;
  const districts = scope.districtCodes ? p(scope.districtCodes) : null;
  const select = (table: 'reports' | 'observations', at: 'created_at' | 'observed_at') =>
    `SELECT location, ${at} AS at, category_id, district_code FROM ${table}
      WHERE municipality_code = ${municipality} AND ${at} >= ${from} AND ${at} < ${to}` +
    (categories ? ` AND category_id = ANY (${categories}::uuid[])` : '') +
    (districts ? ` AND district_code = ANY (${districts}::text[])` : '');
  const parts: string[] = [];
  if (scope.source !== 'observations') parts.push(select('reports', 'created_at'));
  if (scope.source !== 'reports') parts.push(select('observations', 'observed_at'));
  return parts.join('\nUNION ALL\n');
}

export interface CellCount {
  col: number;
  row: number;
  n: number;
}

/** Events per grid cell: col = floor(x / cellSize), row = floor(y / cellSize) in RD New. */
export async function cellCounts(db: Queryable, scope: EventScope, cellSize: number): Promise<CellCount[]> {
  const params: unknown[] = [];
  const events = eventsSql(scope, params);
  params.push(cellSize);
  const size = `$${params.length}::float8`;
  const { rows } = await db.query<CellCount>(
    `SELECT floor(ST_X(location) / ${size})::int AS col, floor(ST_Y(location) / ${size})::int AS row, count(*)::int AS n
       FROM (${events}) e GROUP BY 1, 2`,
    params,
  );
  return rows;
}

export interface HourOfWeekCount {
  weekday: number;
  hour: number;
  n: number;
}

/** Events per (ISO weekday, hour) on the municipality's wall clock (DST-correct: AT TIME ZONE per event). */
export async function hourOfWeekCounts(db: Queryable, scope: EventScope, timeZone: string): Promise<HourOfWeekCount[]> {
  const params: unknown[] = [];
  const events = eventsSql(scope, params);
  params.push(timeZone);
  const tz = `$${params.length}::text`;
  const { rows } = await db.query<HourOfWeekCount>(
    `SELECT EXTRACT(ISODOW FROM at AT TIME ZONE ${tz})::int AS weekday, EXTRACT(HOUR FROM at AT TIME ZONE ${tz})::int AS hour,
            count(*)::int AS n
       FROM (${events}) e GROUP BY 1, 2`,
    params,
  );
  return rows;
}

export async function countEvents(db: Queryable, scope: EventScope): Promise<number> {
  const params: unknown[] = [];
  const events = eventsSql(scope, params);
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${events}) e`, params);
  return rows[0]?.n ?? 0;
}

export interface CellWeekCount extends CellCount {
  /** Whole weeks since `scope.from` (local Monday alignment is the caller's: `from` is a Monday 00:00). */
  week: number;
}

/** Events per (cell, week since `from`): the input of the forecast methods and their backtest. */
export async function cellWeekCounts(db: Queryable, scope: EventScope, cellSize: number): Promise<CellWeekCount[]> {
  const params: unknown[] = [];
  const events = eventsSql(scope, params);
  params.push(cellSize);
  const size = `$${params.length}::float8`;
  const { rows } = await db.query<CellWeekCount>(
    `SELECT floor(ST_X(location) / ${size})::int AS col, floor(ST_Y(location) / ${size})::int AS row,
            floor(EXTRACT(EPOCH FROM (at - $2::timestamptz)) / 604800)::int AS week, count(*)::int AS n
       FROM (${events}) e GROUP BY 1, 2, 3`,
    params,
  );
  return rows;
}

/**
 * The municipality's analysis data version: a counter that triggers bump on every statement adding,
 * removing or moving its reports or observations (migration 0130), so one primary-key lookup tells
 * whether a cached aggregate is still right. Read before the aggregate is computed: a change that
 * lands in between makes the next request recount, never keeps a stale entry.
 */
export async function dataVersion(db: Queryable, municipalityCode: string): Promise<string> {
  const { rows } = await db.query<{ version: string }>(
    'SELECT version::text AS version FROM analysis_data_versions WHERE municipality_code = $1',
    [municipalityCode],
  );
  return rows[0]?.version ?? '0';
}

/** The grid cells (i = floor(x/size), j = floor(y/size)) that overlap the districts. */
export async function studyCells(
  db: Queryable,
  municipalityCode: string,
  districtCodes: string[] | null,
  cellSize: number,
): Promise<Array<{ col: number; row: number }>> {
  const { rows } = await db.query<{ col: number; row: number }>(
    `SELECT DISTINCT g.i AS col, g.j AS row
       FROM districts d, ST_SquareGrid($2::float8, d.geom) g
      WHERE d.municipality_code = $1 AND ($3::text[] IS NULL OR d.code = ANY ($3::text[])) AND ST_Intersects(g.geom, d.geom)`,
    [municipalityCode, cellSize, districtCodes],
  );
  return rows;
}
