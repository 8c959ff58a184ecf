/**
 * POST /analysis/patrol-plans: each officer's week. For every officer on their district days, within
 * their working hours and outside absences: 2–4 visits of 15 minutes at the top forecast cells of their
 * own districts (forecast on resident reports, method chosen by the backtest), in the busiest hours of
 * those cells, at least two hours apart, each with its reason. Regenerating a week replaces the plans
 * none of whose visits has started; started plans stay.
 */
import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import {
  addDays,
  isoWeekday,
  isPublicHoliday,
  localMinutesOf,
  minutesOfClockTime,
  zonedInstant,
} from '../categories/index.ts';
import { forecastWeek } from './forecast-week.ts';
import { cellOf, studyRegion } from './hotspot-cells.ts';
import { freeWindows, placeVisits, type CandidateCell, type Window } from './patrol-plan-placement.ts';
import { visitReason } from './patrol-plan-reasons.ts';
import { toPatrolPlan } from './read-patrol-plans.ts';
import { cellCategoryCounts, cellHourProfiles, type CellKey } from './repository-cell-details.ts';
import {
  absencesBetween,
  findPlans,
  insertPlan,
  planningOfficers,
  removeUnstartedPlans,
  type AbsenceSpan,
  type NewVisit,
  type PlanningOfficer,
} from './repository-patrol-plans.ts';
import { municipalityTimeZone } from './resolve-scope.ts';
import { DEFAULT_CELL_SIZE, type PatrolPlanList, type PatrolPlanRequest } from './schemas.ts';

const CANDIDATES_PER_DISTRICT = 6;
const REASON_WEEKS = 4;
const PROFILE_WEEKS = 12;
const BACKTEST_WEEKS = 12;
const DAY_MINUTES = 24 * 60;
const WEEK_MS = 7 * 24 * 3_600_000;

interface Candidate extends CandidateCell, CellKey {
  districtCode: string;
  reason: { nl: string; en: string };
}

async function candidatesPerDistrict(
  db: Db,
  municipalityCode: string,
  weekStartDate: string,
  timeZone: string,
  method: string | undefined,
): Promise<{ method: string; byDistrict: Map<string, Candidate[]> }> {
  const weekStart = zonedInstant(weekStartDate, 0, timeZone);
  const scope = {
    municipalityCode,
    from: weekStart,
    to: weekStart,
    categoryIds: null,
    districtCodes: null,
    source: 'reports' as const,
  };
  const forecast = await forecastWeek(db, scope, {
    cellSize: DEFAULT_CELL_SIZE,
    weekStartDate,
    timeZone,
    backtestWeeks: BACKTEST_WEEKS,
    ...(method ? { method } : {}),
  });
  const ranked = Array.from(forecast.ranked)
    .filter((s) => forecast.scores[s]! > 0)
    .map((s) => ({ ...cellOf(forecast.study, s), score: forecast.scores[s]! }));
  const districts = (
    await db.query<{ code: string }>('SELECT code FROM districts WHERE municipality_code = $1', [municipalityCode])
  ).rows;
  const picked = new Map<string, Array<CellKey & { score: number }>>();
  for (const { code } of districts) {
    const study = await studyRegion(db, municipalityCode, [code], DEFAULT_CELL_SIZE);
    const inside = new Set(Array.from(study.region.cells, (_, s) => cellOf(study, s)).map((c) => `${c.col}:${c.row}`));
    picked.set(code, ranked.filter((c) => inside.has(`${c.col}:${c.row}`)).slice(0, CANDIDATES_PER_DISTRICT));
  }
  const cells = [...picked.values()].flat();
  const [categories, recentHours, longHours] = await Promise.all([
    cellCategoryCounts(
      db,
      municipalityCode,
      cells,
      DEFAULT_CELL_SIZE,
      new Date(weekStart.getTime() - REASON_WEEKS * WEEK_MS),
      weekStart,
    ),
    cellHourProfiles(
      db,
      municipalityCode,
      cells,
      DEFAULT_CELL_SIZE,
      new Date(weekStart.getTime() - REASON_WEEKS * WEEK_MS),
      weekStart,
      timeZone,
    ),
    cellHourProfiles(
      db,
      municipalityCode,
      cells,
      DEFAULT_CELL_SIZE,
      new Date(weekStart.getTime() - PROFILE_WEEKS * WEEK_MS),
      weekStart,
      timeZone,
    ),
  ]);
  const key = (c: CellKey) => `${c.col}:${c.row}`;
  const byDistrict = new Map<string, Candidate[]>();
  for (const [districtCode, list] of picked) {
    byDistrict.set(
      districtCode,
      list.map((cell) => {
        const recent = new Float64Array(168);
        const placement = new Float64Array(168);
        for (const h of recentHours) if (key(h) === key(cell)) recent[(h.weekday - 1) * 24 + h.hour]! += h.n;
        // Placement: the last four weeks first, the longer profile breaks ties.
        for (const h of longHours) if (key(h) === key(cell)) placement[(h.weekday - 1) * 24 + h.hour]! += h.n;
        recent.forEach((n, i) => (placement[i]! += 100 * n));
        const mine = categories
          .filter((c) => key(c) === key(cell))
          .sort((a, b) => b.n - a.n || (a.code < b.code ? -1 : 1));
        const top = mine[0];
        return {
          ...cell,
          key: key(cell),
          districtCode,
          hourOfWeek: placement,
          reason: visitReason({
            reports: mine.reduce((sum, c) => sum + c.n, 0),
            weeks: REASON_WEEKS,
            topCategory: top ? { nameNl: top.name_nl, nameEn: top.name_en, n: top.n } : null,
            hourOfWeek: recent,
          }),
        };
      }),
    );
  }
  return { method: forecast.method.name, byDistrict };
}

/** The free windows of one local day: working hours minus absences and minus what already passed. */
function dayWindows(
  officer: PlanningOfficer,
  date: string,
  timeZone: string,
  absences: AbsenceSpan[],
  now: Date,
): Window[] {
  const dayStart = zonedInstant(date, 0, timeZone);
  const dayEnd = zonedInstant(addDays(date, 1), 0, timeZone);
  const blocked: Window[] = absences
    .filter((a) => a.officerId === officer.id && a.startsAt < dayEnd && a.endsAt > dayStart)
    .map((a) => ({
      start: a.startsAt <= dayStart ? 0 : localMinutesOf(a.startsAt, timeZone),
      end: a.endsAt >= dayEnd ? DAY_MINUTES : localMinutesOf(a.endsAt, timeZone),
    }));
  if (dayEnd <= now) return [];
  if (dayStart < now) blocked.push({ start: 0, end: localMinutesOf(now, timeZone) + 1 });
  return freeWindows(minutesOfClockTime(officer.workStart), minutesOfClockTime(officer.workEnd), blocked);
}

function planOfficer(
  officer: PlanningOfficer,
  weekStartDate: string,
  timeZone: string,
  absences: AbsenceSpan[],
  candidates: Map<string, Candidate[]>,
  now: Date,
): NewVisit[] {
  const pool = officer.districtCodes.flatMap((code) => candidates.get(code) ?? []);
  const visits: NewVisit[] = [];
  for (let i = 0; i < 7; i++) {
    const date = addDays(weekStartDate, i);
    const weekday = isoWeekday(date);
    if (!officer.districtWeekdays.includes(weekday) || !officer.workingWeekdays.includes(weekday)) continue;
    if (isPublicHoliday(date)) continue;
    const windows = dayWindows(officer, date, timeZone, absences, now);
    for (const placed of placeVisits(weekday, windows, pool)) {
      const cell = pool.find((c) => c.key === placed.key)!;
      visits.push({
        districtCode: cell.districtCode,
        col: cell.col,
        row: cell.row,
        startsAt: zonedInstant(date, placed.start, timeZone),
        endsAt: zonedInstant(date, placed.end, timeZone),
        score: cell.score,
        reasonNl: cell.reason.nl,
        reasonEn: cell.reason.en,
      });
    }
  }
  return visits;
}

export async function generatePatrolPlans(
  deps: { db: Db; clock: Clock },
  by: { municipalityCode: string; userId: string | null },
  request: PatrolPlanRequest,
): Promise<PatrolPlanList & { replaced: number; kept: number }> {
  const weekStartDate = request.weekStart;
  if (isoWeekday(weekStartDate) !== 1 || Number.isNaN(Date.parse(weekStartDate)))
    throw new DomainError('validation', 'weekStart must be a Monday', [
      { name: 'body.weekStart', reason: 'a Monday, YYYY-MM-DD' },
    ]);
  const municipality = by.municipalityCode;
  const timeZone = await municipalityTimeZone(deps.db, municipality);
  const now = deps.clock.now();
  const { method, byDistrict } = await candidatesPerDistrict(
    deps.db,
    municipality,
    weekStartDate,
    timeZone,
    request.method,
  );
  const officers = await planningOfficers(deps.db, municipality);
  const weekStart = zonedInstant(weekStartDate, 0, timeZone);
  const absences = await absencesBetween(
    deps.db,
    officers.map((o) => o.id),
    weekStart,
    new Date(weekStart.getTime() + WEEK_MS),
  );
  const { removed, kept } = await deps.db.transaction(async (tx) => {
    const { removed, keptOfficerIds } = await removeUnstartedPlans(tx, municipality, weekStartDate, now);
    for (const officer of officers) {
      if (keptOfficerIds.has(officer.id)) continue;
      const visits = planOfficer(officer, weekStartDate, timeZone, absences, byDistrict, now);
      if (visits.length === 0) continue;
      await insertPlan(tx, {
        municipalityCode: municipality,
        officerId: officer.id,
        weekStartDate,
        method,
        generatedAt: now,
        generatedBy: by.userId,
        cellSize: DEFAULT_CELL_SIZE,
        visits,
      });
    }
    return { removed, kept: keptOfficerIds.size };
  });
  const plans = (await findPlans(deps.db, municipality, { weekStartDate })).map(toPatrolPlan);
  return { weekStartDate, plans, replaced: removed, kept };
}
