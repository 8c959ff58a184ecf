/**
 * GET /patrol-plans/{id}/evaluation: the plan against what happened. Per visit: the minutes of the
 * officer's presence rounds in that district overlapping the visit (an open round counts up to now, at most
 * MAX_ROUND_HOURS), and the observations (by anyone) in the visit's cell on that local day.
 */
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { MAX_ROUND_HOURS } from '../fieldwork/index.ts';
import type { StaffUser } from '../people/index.ts';
import { findPatrolPlan } from './read-patrol-plans.ts';
import { municipalityTimeZone } from './resolve-scope.ts';
import type { PatrolPlanEvaluation } from './schemas.ts';

export async function evaluatePatrolPlan(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  planId: string,
): Promise<PatrolPlanEvaluation> {
  const plan = await findPatrolPlan(deps.db, viewer, planId);
  const timeZone = await municipalityTimeZone(deps.db, viewer.municipalityCode);
  const { rows } = await deps.db.query<{
    id: string;
    starts_at: Date;
    ends_at: Date;
    district_code: string;
    cell_id: string;
    round_minutes: number;
    observations: number;
  }>(
    `SELECT v.id, v.starts_at, v.ends_at, v.district_code, v.cell_col || ':' || v.cell_row AS cell_id,
            COALESCE((SELECT sum(EXTRACT(EPOCH FROM (
                        least(v.ends_at, COALESCE(r.ended_at, least($3::timestamptz, r.started_at + make_interval(hours => $4))))
                        - greatest(v.starts_at, r.started_at))) / 60)
                        FROM presence_rounds r
                       WHERE r.officer_id = p.officer_id AND r.district_code = v.district_code AND r.started_at < v.ends_at
                         AND COALESCE(r.ended_at, least($3::timestamptz, r.started_at + make_interval(hours => $4))) > v.starts_at), 0)::float8
              AS round_minutes,
            (SELECT count(*) FROM observations o
              WHERE o.municipality_code = p.municipality_code
                AND (o.observed_at AT TIME ZONE $2)::date = (v.starts_at AT TIME ZONE $2)::date
                AND floor(ST_X(o.location) / v.cell_size) = v.cell_col AND floor(ST_Y(o.location) / v.cell_size) = v.cell_row)::int
              AS observations
       FROM patrol_visits v JOIN patrol_plans p ON p.id = v.plan_id
      WHERE v.plan_id = $1
      ORDER BY v.starts_at`,
    [plan.id, timeZone, deps.clock.now(), MAX_ROUND_HOURS],
  );
  const visits = rows.map((row) => ({
    visitId: row.id,
    startsAt: new Date(row.starts_at).toISOString(),
    endsAt: new Date(row.ends_at).toISOString(),
    districtCode: row.district_code,
    cellId: row.cell_id,
    covered: row.round_minutes > 0,
    roundMinutes: Math.round(row.round_minutes * 10) / 10,
    observationsInCellThatDay: row.observations,
  }));
  return {
    planId: plan.id,
    weekStartDate: plan.week_start,
    visits,
    coveredShare: visits.length ? visits.filter((v) => v.covered).length / visits.length : null,
  };
}
