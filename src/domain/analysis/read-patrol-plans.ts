/**
 * Reading patrol plans: the team's plans of a week (coordinator, team manager, analyst, administrator),
 * an officer's own, and one plan by id. An officer asking for the week sees only their own plan.
 */
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { notFound } from '../../shared/errors.ts';
import { addDays, isoWeekday, localDateOf } from '../categories/index.ts';
import { toCrs84 } from '../geography/index.ts';
import { hasAnyRole, type Role, type StaffUser } from '../people/index.ts';
import { nextMonday } from './forecast-view.ts';
import { findPlans, type PlanRow } from './repository-patrol-plans.ts';
import { municipalityTimeZone } from './resolve-scope.ts';
import type { MyPatrolPlans, PatrolPlan, PatrolPlanList } from './schemas.ts';

/** Who sees every officer's plan. */
export const teamPlanReaders: readonly Role[] = ['coordinator', 'team_manager', 'analyst', 'administrator'];

export function toPatrolPlan(row: PlanRow): PatrolPlan {
  return {
    id: row.id,
    officer: { id: row.officer_id, name: row.officer_name },
    weekStartDate: row.week_start,
    method: row.method,
    generatedAt: new Date(row.generated_at).toISOString(),
    visits: row.visits.map((v) => {
      const [lon, lat] = toCrs84((v.cell_col + 0.5) * v.cell_size, (v.cell_row + 0.5) * v.cell_size);
      return {
        id: v.id,
        districtCode: v.district_code,
        districtName: v.district_name,
        cellId: `${v.cell_col}:${v.cell_row}`,
        cellSize: v.cell_size,
        centre: { type: 'Point' as const, coordinates: [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6] },
        startsAt: new Date(v.starts_at).toISOString(),
        endsAt: new Date(v.ends_at).toISOString(),
        reason: { nl: v.reason_nl, en: v.reason_en },
      };
    }),
  };
}

export async function listPatrolPlans(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  query: { weekStart?: string | undefined },
): Promise<PatrolPlanList> {
  const timeZone = await municipalityTimeZone(deps.db, viewer.municipalityCode);
  const weekStartDate = query.weekStart ?? nextMonday(deps.clock.now(), timeZone);
  const own = hasAnyRole(viewer, teamPlanReaders) ? {} : { officerId: viewer.id };
  const rows = await findPlans(deps.db, viewer.municipalityCode, { weekStartDate, ...own });
  return { weekStartDate, plans: rows.map(toPatrolPlan) };
}

/** The officer's plans from this week's Monday on. */
export async function myPatrolPlans(deps: { db: Queryable; clock: Clock }, officer: StaffUser): Promise<MyPatrolPlans> {
  const timeZone = await municipalityTimeZone(deps.db, officer.municipalityCode);
  const today = localDateOf(deps.clock.now(), timeZone);
  const thisMonday = addDays(today, 1 - isoWeekday(today));
  const rows = await findPlans(deps.db, officer.municipalityCode, { officerId: officer.id });
  return { plans: rows.filter((row) => row.week_start >= thisMonday).map(toPatrolPlan) };
}

/** One plan: the team readers see any in their municipality, an officer only their own (else 404). */
export async function findPatrolPlan(db: Queryable, viewer: StaffUser, planId: string): Promise<PlanRow> {
  const own = hasAnyRole(viewer, teamPlanReaders) ? {} : { officerId: viewer.id };
  const [row] = await findPlans(db, viewer.municipalityCode, { planId, ...own });
  if (!row) throw notFound('Patrol plan');
  return row;
}
