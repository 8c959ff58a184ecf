/**
 * SQL for the facts behind a patrol visit: per grid cell, resident reports per subcategory in the last
 * weeks, and the cell's hour-of-week profile (municipal wall clock).
 */
import type { Queryable } from '../../db/db.ts';

export interface CellKey {
  col: number;
  row: number;
}

const cellsOf = (cellSize: number) =>
  `floor(ST_X(r.location) / ${cellSize}::float8)::int AS col, floor(ST_Y(r.location) / ${cellSize}::float8)::int AS row`;

export async function cellCategoryCounts(
  db: Queryable,
  municipalityCode: string,
  cells: readonly CellKey[],
  cellSize: number,
  from: Date,
  to: Date,
): Promise<Array<CellKey & { code: string; name_nl: string; name_en: string; n: number }>> {
  const { rows } = await db.query<CellKey & { code: string; name_nl: string; name_en: string; n: number }>(
    `SELECT e.col, e.row, c.code, c.name_nl, c.name_en, count(*)::int AS n
       FROM (SELECT ${cellsOf(cellSize)}, r.category_id FROM reports r
              WHERE r.municipality_code = $1 AND r.created_at >= $2 AND r.created_at < $3) e
       JOIN unnest($4::int[], $5::int[]) AS k(col, row) ON k.col = e.col AND k.row = e.row
       JOIN categories c ON c.id = e.category_id
      GROUP BY e.col, e.row, c.code, c.name_nl, c.name_en`,
    [municipalityCode, from, to, cells.map((c) => c.col), cells.map((c) => c.row)],
  );
  return rows;
}

export async function cellHourProfiles(
  db: Queryable,
  municipalityCode: string,
  cells: readonly CellKey[],
  cellSize: number,
  from: Date,
  to: Date,
  timeZone: string,
): Promise<Array<CellKey & { weekday: number; hour: number; n: number }>> {
  const { rows } = await db.query<CellKey & { weekday: number; hour: number; n: number }>(
    `SELECT e.col, e.row, EXTRACT(ISODOW FROM e.at AT TIME ZONE $6)::int AS weekday,
            EXTRACT(HOUR FROM e.at AT TIME ZONE $6)::int AS hour, count(*)::int AS n
       FROM (SELECT ${cellsOf(cellSize)}, r.created_at AS at FROM reports r
              WHERE r.municipality_code = $1 AND r.created_at >= $2 AND r.created_at < $3) e
       JOIN unnest($4::int[], $5::int[]) AS k(col, row) ON k.col = e.col AND k.row = e.row
      GROUP BY 1, 2, 3, 4`,
    [municipalityCode, from, to, cells.map((c) => c.col), cells.map((c) => c.row), timeZone],
  );
  return rows;
}
