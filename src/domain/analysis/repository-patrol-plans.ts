/** SQL of patrol plans: the officers to plan, their absences, storing plans and visits, and reading them. */
import type { Queryable } from '../../db/db.ts';

export interface PlanningOfficer {
  id: string;
  name: string;
  workingWeekdays: number[];
  districtWeekdays: number[];
  workStart: string;
  workEnd: string;
  districtCodes: string[];
}

/** Active officers of the municipality that own at least one district now. */
export async function planningOfficers(db: Queryable, municipalityCode: string): Promise<PlanningOfficer[]> {
  const { rows } = await db.query<PlanningOfficer>(
    `SELECT u.id, u.name, o.working_weekdays::int[] AS "workingWeekdays", o.district_weekdays::int[] AS "districtWeekdays",
            to_char(o.work_start, 'HH24:MI') AS "workStart", to_char(o.work_end, 'HH24:MI') AS "workEnd",
            array_agg(da.district_code ORDER BY da.district_code) AS "districtCodes"
       FROM users u
       JOIN officers o ON o.user_id = u.id
       JOIN district_assignments da ON da.owner_id = u.id AND da.valid_to IS NULL
      WHERE u.municipality_code = $1 AND u.active AND 'officer' = ANY (u.roles)
      GROUP BY u.id, u.name, o.user_id
      ORDER BY u.name, u.id`,
    [municipalityCode],
  );
  return rows;
}

export interface AbsenceSpan {
  officerId: string;
  startsAt: Date;
  endsAt: Date;
}

export async function absencesBetween(
  db: Queryable,
  officerIds: string[],
  from: Date,
  to: Date,
): Promise<AbsenceSpan[]> {
  const { rows } = await db.query<{ officer_id: string; starts_at: Date; ends_at: Date }>(
    `SELECT officer_id, starts_at, ends_at FROM absences
      WHERE officer_id = ANY ($1::uuid[]) AND cancelled_at IS NULL AND starts_at < $3 AND ends_at > $2`,
    [officerIds, from, to],
  );
  return rows.map((row) => ({
    officerId: row.officer_id,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
  }));
}

export interface NewVisit {
  districtCode: string;
  col: number;
  row: number;
  startsAt: Date;
  endsAt: Date;
  score: number;
  reasonNl: string;
  reasonEn: string;
}

/**
 * Removes the week's plans whose visits have not started yet (at `now`), and reports which officers keep
 * a started plan (those are not regenerated).
 */
export async function removeUnstartedPlans(
  tx: Queryable,
  municipalityCode: string,
  weekStartDate: string,
  now: Date,
): Promise<{ removed: number; keptOfficerIds: Set<string> }> {
  const removed = await tx.query(
    `DELETE FROM patrol_plans p
      WHERE p.municipality_code = $1 AND p.week_start = $2::date
        AND NOT EXISTS (SELECT 1 FROM patrol_visits v WHERE v.plan_id = p.id AND v.starts_at <= $3)`,
    [municipalityCode, weekStartDate, now],
  );
  const kept = await tx.query<{ officer_id: string }>(
    'SELECT officer_id FROM patrol_plans WHERE municipality_code = $1 AND week_start = $2::date',
    [municipalityCode, weekStartDate],
  );
  return { removed: removed.rowCount, keptOfficerIds: new Set(kept.rows.map((row) => row.officer_id)) };
}

export async function insertPlan(
  tx: Queryable,
  plan: {
    municipalityCode: string;
    officerId: string;
    weekStartDate: string;
    method: string;
    generatedAt: Date;
    generatedBy: string | null;
    cellSize: number;
    visits: NewVisit[];
  },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO patrol_plans (municipality_code, officer_id, week_start, method, generated_at, generated_by)
     VALUES ($1, $2, $3::date, $4, $5, $6) RETURNING id`,
    [plan.municipalityCode, plan.officerId, plan.weekStartDate, plan.method, plan.generatedAt, plan.generatedBy],
  );
  const id = rows[0]!.id;
  await tx.query(
    `INSERT INTO patrol_visits (plan_id, district_code, cell_size, cell_col, cell_row, starts_at, ends_at, score, reason_nl, reason_en)
     SELECT $1, v.district_code, $2, v.col, v.row, v.starts_at, v.ends_at, v.score, v.reason_nl, v.reason_en
       FROM jsonb_to_recordset($3::jsonb) AS v(district_code text, col int, "row" int, starts_at timestamptz,
                                                ends_at timestamptz, score float8, reason_nl text, reason_en text)`,
    [
      id,
      plan.cellSize,
      JSON.stringify(
        plan.visits.map((v) => ({
          district_code: v.districtCode,
          col: v.col,
          row: v.row,
          starts_at: v.startsAt.toISOString(),
          ends_at: v.endsAt.toISOString(),
          score: v.score,
          reason_nl: v.reasonNl,
          reason_en: v.reasonEn,
        })),
      ),
    ],
  );
  return id;
}

export interface PlanRow {
  id: string;
  officer_id: string;
  officer_name: string;
  week_start: string;
  method: string;
  generated_at: Date;
  visits: Array<{
    id: string;
    district_code: string;
    district_name: string;
    cell_size: number;
    cell_col: number;
    cell_row: number;
    starts_at: string;
    ends_at: string;
    reason_nl: string;
    reason_en: string;
  }>;
}

/** Plans with their visits (in time order), by week and optionally one officer, or by plan id. */
export async function findPlans(
  db: Queryable,
  municipalityCode: string,
  filter: { weekStartDate?: string; officerId?: string; planId?: string },
): Promise<PlanRow[]> {
  const { rows } = await db.query<PlanRow>(
    `SELECT p.id, p.officer_id, u.name AS officer_name, to_char(p.week_start, 'YYYY-MM-DD') AS week_start, p.method,
            p.generated_at,
            COALESCE((SELECT jsonb_agg(jsonb_build_object(
                        'id', v.id, 'district_code', v.district_code, 'district_name', d.name, 'cell_size', v.cell_size,
                        'cell_col', v.cell_col, 'cell_row', v.cell_row, 'starts_at', v.starts_at, 'ends_at', v.ends_at,
                        'reason_nl', v.reason_nl, 'reason_en', v.reason_en) ORDER BY v.starts_at)
                        FROM patrol_visits v JOIN districts d ON d.code = v.district_code WHERE v.plan_id = p.id), '[]'::jsonb) AS visits
       FROM patrol_plans p JOIN users u ON u.id = p.officer_id
      WHERE p.municipality_code = $1
        AND ($2::date IS NULL OR p.week_start = $2::date)
        AND ($3::uuid IS NULL OR p.officer_id = $3::uuid)
        AND ($4::uuid IS NULL OR p.id = $4::uuid)
      ORDER BY p.week_start, u.name, p.officer_id`,
    [municipalityCode, filter.weekStartDate ?? null, filter.officerId ?? null, filter.planId ?? null],
  );
  return rows;
}
