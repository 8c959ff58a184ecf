/**
 * Next week's forecast with its honest backtest: the events of the scope as a time-ordered series on the
 * study grid, the core's rolling weekly backtest of every method (each week sees only the weeks before it),
 * and the method chosen for the forecast week from the weeks before it only. Used by the forecast view and
 * by the patrol plans.
 */
import type { Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { addDays } from '../categories/index.ts';
import { rollingBacktest, summariseWeeks, type MethodWeek } from './backtest.ts';
import { rankCells } from './evaluate.ts';
import { defaultMethods, firstAtOrAfter, type EventSeries, type ForecastMethod } from './forecast.ts';
import { cellOf, studyRegion, type GridStudy } from './hotspot-cells.ts';
import type { EventScope } from './repository-events.ts';
import { timedCells } from './repository-forecast.ts';
import { weekStarts } from './time-of-week.ts';

export const COVERAGES = [0.01, 0.03, 0.05] as const;
export const TARGET_COVERAGE = 0.03;
/** Weeks before the scored ones that only give the method choice a history. */
const WARMUP_WEEKS = 4;
const LOOKBACK_WEEKS = 8;
/** History every method may look back on before the first backtest week (the longest window is 8 weeks). */
const HISTORY_WEEKS = 12;
const WEEK_MS = 7 * 24 * 3_600_000;

export interface ForecastWeek {
  study: GridStudy;
  method: ForecastMethod;
  chosenMethod: string;
  /** Score per study cell for the forecast week, and the cells ranked best first. */
  scores: Float64Array;
  ranked: Int32Array;
  backtest: {
    weeks: number;
    rule: string;
    methods: Array<{ name: string; weekly: MethodWeek[] }>;
    chosen: MethodWeek[];
  };
}

function seriesOn(study: GridStudy, rows: ReadonlyArray<{ col: number; row: number; t: number }>): EventSeries {
  const { grid, studyIndex } = study.region;
  const cell = new Int32Array(rows.length);
  const time = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    const c = row.col - study.minCol;
    const r = row.row - study.minRow;
    cell[i] = c < 0 || r < 0 || c >= grid.cols || r >= grid.rows ? -1 : studyIndex[r * grid.cols + c]!;
    time[i] = row.t;
  });
  return { cell, time };
}

export function methodByName(name: string | undefined): ForecastMethod | null {
  if (!name) return null;
  const method = defaultMethods().find((m) => m.name === name);
  if (!method)
    throw new DomainError('validation', `Unknown forecast method ${name}`, [
      {
        name: 'method',
        reason: `one of: ${defaultMethods()
          .map((m) => m.name)
          .join(', ')}`,
      },
    ]);
  return method;
}

/**
 * `weekStartDate` is the Monday of the forecast week (local). `scope.from/to` are replaced: the series runs
 * from HISTORY_WEEKS before the first backtest week up to the forecast week.
 */
export async function forecastWeek(
  db: Queryable,
  scope: EventScope,
  options: { cellSize: number; weekStartDate: string; timeZone: string; backtestWeeks: number; method?: string },
): Promise<ForecastWeek> {
  const forced = methodByName(options.method);
  const totalWeeks = options.backtestWeeks + WARMUP_WEEKS;
  const boundaries = weekStarts(addDays(options.weekStartDate, -7 * totalWeeks), totalWeeks + 1, options.timeZone);
  const forecastStart = boundaries[totalWeeks]!;
  const study = await studyRegion(db, scope.municipalityCode, scope.districtCodes, options.cellSize);
  const rows = await timedCells(
    db,
    { ...scope, from: new Date(boundaries[0]! - HISTORY_WEEKS * WEEK_MS), to: new Date(forecastStart + WEEK_MS) },
    options.cellSize,
  );
  const all = seriesOn(study, rows);
  const end = firstAtOrAfter(all.time, forecastStart);
  // The forecast week itself is the backtest's last week: the method chosen for it comes from earlier weeks only.
  const events = { cell: all.cell.subarray(0, end), time: all.time.subarray(0, end) };
  const methods = defaultMethods();
  const result = rollingBacktest({
    region: study.region,
    events,
    boundaries,
    warmupWeeks: WARMUP_WEEKS,
    methods,
    coverage: TARGET_COVERAGE,
    coverages: [...COVERAGES],
    lookbackWeeks: LOOKBACK_WEEKS,
  });
  const chosenMethod = result.chosen.weekly.at(-1)!.method;
  const method = forced ?? methods.find((m) => m.name === chosenMethod)!;
  const scores = method.score({ region: study.region, past: events, weekStart: forecastStart });
  const history = new Float64Array(study.region.cells.length);
  for (const c of events.cell) if (c >= 0) history[c]!++;
  return {
    study,
    method,
    chosenMethod,
    scores,
    ranked: rankCells(scores, history, study.region.cells),
    backtest: {
      weeks: options.backtestWeeks,
      rule: result.chosen.rule,
      methods: result.methods.map((m) => ({ name: m.name, weekly: m.weekly.slice(0, -1) })),
      chosen: result.chosen.weekly.slice(0, -1),
    },
  };
}

export function coverageFigures(weekly: readonly MethodWeek[]) {
  const summary = summariseWeeks(weekly, [...COVERAGES]);
  return COVERAGES.map((coverage) => {
    const s = summary[String(coverage)]!;
    return {
      coverage,
      hitRate: s.hitRate.mean,
      hitRateP10: s.hitRate.p10,
      hitRateP90: s.hitRate.p90,
      pai: s.pai.mean,
      paiP10: s.pai.p10,
      paiP90: s.pai.p90,
      pei: s.pei.mean,
      peiP10: s.pei.p10,
      peiP90: s.pei.p90,
    };
  });
}

/** The top cells of the forecast (positive score), best first, with absolute col/row. */
export function topCells(forecast: ForecastWeek, limit: number) {
  const out: Array<{ col: number; row: number; score: number; rank: number }> = [];
  for (let i = 0; i < forecast.ranked.length && out.length < limit; i++) {
    const s = forecast.ranked[i]!;
    if (!(forecast.scores[s]! > 0)) break;
    out.push({ ...cellOf(forecast.study, s), score: forecast.scores[s]!, rank: i + 1 });
  }
  return out;
}
