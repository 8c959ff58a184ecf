import type { Queryable } from '../../db/db.ts';
import type { ReportStatus } from './workflow.ts';

/** SQL for what the public may see of open reports, and for followers. */

export interface PublicReportRow {
  public_id: string;
  status: ReportStatus;
  reported_date: string;
  category_code: string;
  category_name_nl: string;
  category_name_en: string;
  /** The place snapped to the public grid (RD New). */
  grid_x: number;
  grid_y: number;
}

// Open, and of a category that is public itself and under a public main category.
const openPublicReports = `
  SELECT r.public_id, r.status, (r.created_at AT TIME ZONE m.timezone)::date::text AS reported_date,
         c.code AS category_code, c.name_nl AS category_name_nl, c.name_en AS category_name_en,
         ST_X(ST_SnapToGrid(r.location, $GRID)) AS grid_x, ST_Y(ST_SnapToGrid(r.location, $GRID)) AS grid_y,
         r.created_at, r.location
    FROM reports r
    JOIN municipalities m ON m.code = r.municipality_code
    JOIN categories c ON c.id = r.category_id
    LEFT JOIN categories parent ON parent.id = c.parent_id
   WHERE r.status NOT IN ('resolved', 'cancelled') AND c.public AND COALESCE(parent.public, true)`;

const withGrid = (sql: string, grid: number) => sql.replaceAll('$GRID', String(Number(grid)));

/**
 * Open public reports whose SNAPPED place lies within `radius` of the point: filtering on the exact place
 * would let a caller narrow it down by varying the radius. The first filter (radius plus the largest snap)
 * only lets the spatial index do its work.
 */
export async function selectNearbyPublicReports(
  db: Queryable,
  input: { x: number; y: number; radius: number; categoryCode: string | null; limit: number; grid: number },
): Promise<Array<PublicReportRow & { distance: number }>> {
  const { rows } = await db.query<PublicReportRow & { distance: number }>(
    `WITH candidates AS (
       ${withGrid(openPublicReports, input.grid)}
         AND ST_DWithin(r.location, ST_SetSRID(ST_MakePoint($1::float8, $2::float8), 28992), $3::float8 + $6::float8)
         AND ($4::text IS NULL OR c.code = $4 OR parent.code = $4)
     )
     SELECT public_id, status, reported_date, category_code, category_name_nl, category_name_en, grid_x, grid_y,
            sqrt(power(grid_x - $1::float8, 2) + power(grid_y - $2::float8, 2)) AS distance
       FROM candidates
      WHERE sqrt(power(grid_x - $1::float8, 2) + power(grid_y - $2::float8, 2)) <= $3::float8
      ORDER BY distance, created_at DESC, public_id
      LIMIT $5::int`,
    [input.x, input.y, input.radius, input.categoryCode, input.limit, input.grid],
  );
  return rows.map((row) => ({
    ...row,
    distance: Number(row.distance),
    grid_x: Number(row.grid_x),
    grid_y: Number(row.grid_y),
  }));
}

export async function selectDistrictName(db: Queryable, districtCode: string): Promise<string | null> {
  const { rows } = await db.query<{ name: string }>('SELECT name FROM districts WHERE code = $1', [districtCode]);
  return rows[0]?.name ?? null;
}

export async function selectDistrictPublicReports(
  db: Queryable,
  input: { districtCode: string; limit: number; grid: number },
): Promise<{ matched: number; rows: PublicReportRow[] }> {
  const { rows } = await db.query<PublicReportRow & { matched: number }>(
    `SELECT *, count(*) OVER ()::int AS matched FROM (
       ${withGrid(openPublicReports, input.grid)} AND r.district_code = $1
     ) open_reports
     ORDER BY created_at DESC, public_id
     LIMIT $2`,
    [input.districtCode, input.limit],
  );
  return {
    matched: rows[0]?.matched ?? 0,
    rows: rows.map((row) => ({ ...row, grid_x: Number(row.grid_x), grid_y: Number(row.grid_y) })),
  };
}

/** The report a follower asks for, when it is open and public (anything else is "not found" to the public). */
export async function selectFollowableReport(
  db: Queryable,
  publicId: string,
): Promise<{ id: string; status: ReportStatus } | null> {
  const { rows } = await db.query<{ id: string; status: ReportStatus }>(
    `SELECT r.id, r.status
       FROM reports r
       JOIN categories c ON c.id = r.category_id
       LEFT JOIN categories parent ON parent.id = c.parent_id
      WHERE r.public_id = $1 AND r.status NOT IN ('resolved', 'cancelled') AND c.public AND COALESCE(parent.public, true)`,
    [publicId],
  );
  return rows[0] ?? null;
}

/** Following twice with the same address (any case) keeps one row. */
export async function insertFollower(
  db: Queryable,
  follower: { reportId: string; email: string; language: string; at: Date },
): Promise<void> {
  await db.query(
    `INSERT INTO report_followers (report_id, email, language, created_at) VALUES ($1, $2, $3, $4)
     ON CONFLICT (report_id, lower(email)) DO NOTHING`,
    [follower.reportId, follower.email, follower.language, follower.at],
  );
}

export async function deleteFollower(db: Queryable, followerId: string): Promise<void> {
  await db.query('DELETE FROM report_followers WHERE id = $1', [followerId]);
}
