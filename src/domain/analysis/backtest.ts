import { rankCells, scoreWeek, summarise, type Summary, type WeekScore } from './evaluate.ts';
import { firstAtOrAfter, type EventSeries, type ForecastMethod } from './forecast.ts';
import type { StudyRegion } from './grid.ts';

export interface BacktestInput {
  readonly region: StudyRegion;
  /** The events to forecast and score (e.g. one service), time-ordered, all history. */
  readonly events: EventSeries;
  /** Week boundaries (epoch ms): week k is [boundaries[k], boundaries[k+1]). */
  readonly boundaries: readonly number[];
  /** Leading weeks scored only to give the method choice a history; left out of every figure. */
  readonly warmupWeeks: number;
  readonly methods: readonly ForecastMethod[];
  /** The coverage the method choice looks at, and the coverages reported (the target included). */
  readonly coverage: number;
  readonly coverages: readonly number[];
  /** The method choice averages PAI over this many previous weeks. */
  readonly lookbackWeeks: number;
  readonly onWeek?: (done: number, total: number) => void;
}

export type CoverageScores = Record<string, WeekScore>;

export interface MethodWeek extends WeekScore {
  readonly weekStart: number;
  readonly events: number;
  /** Figures at every reported coverage, keyed by the coverage as written (e.g. "0.03"). */
  readonly byCoverage: CoverageScores;
}

export interface MethodResult {
  readonly name: string;
  readonly description: string;
  readonly weekly: MethodWeek[];
}

export interface ChosenWeek extends MethodWeek {
  readonly method: string;
}

export const choiceRule = (lookback: number, fallback: string) =>
  `each week, the method with the highest mean PAI at the target coverage over the previous ${lookback} weeks of ` +
  `its own rolling backtest (weeks before the first scored week included, each scored only on data before it); ` +
  `ties go to the earlier method in the list; without any earlier week: ${fallback}`;

/** Mean and 10th–90th percentile of hit rate, PAI and PEI at every coverage. */
export function summariseWeeks(weekly: readonly MethodWeek[], coverages: readonly number[]) {
  const at = (c: number) => {
    const key = String(c);
    return {
      hitRate: summarise(weekly.map((w) => w.byCoverage[key]!.hitRate)),
      pai: summarise(weekly.map((w) => w.byCoverage[key]!.pai)),
      pei: summarise(weekly.map((w) => w.byCoverage[key]!.pei)),
    };
  };
  return Object.fromEntries(coverages.map((c) => [String(c), at(c)])) as Record<
    string,
    { hitRate: Summary; pai: Summary; pei: Summary }
  >;
}

function observedIn(input: BacktestInput, from: number, to: number) {
  const observed = new Float64Array(input.region.cells.length);
  let outside = 0;
  for (let i = from; i < to; i++) {
    const cell = input.events.cell[i]!;
    if (cell >= 0) observed[cell]!++;
    else outside++;
  }
  return { observed, outside, events: to - from };
}

/** Picks a method for week k from the figures of weeks before k only. */
function choose(results: readonly MethodWeek[][], methods: readonly ForecastMethod[], k: number, input: BacktestInput) {
  const key = String(input.coverage);
  let best = -1;
  let bestMean = -Infinity;
  methods.forEach((_, m) => {
    const pais = results[m]!.slice(Math.max(0, k - input.lookbackWeeks), k)
      .map((w) => w.byCoverage[key]!.pai)
      .filter((p): p is number => p !== null);
    if (pais.length === 0) return;
    const mean = pais.reduce((a, b) => a + b, 0) / pais.length;
    if (mean > bestMean) [best, bestMean] = [m, mean];
  });
  return best < 0 ? 0 : best;
}

/**
 * The rolling weekly backtest. For each week every method sees only the events before the week
 * (its input is a prefix of the series, so it cannot peek), ranks the study cells (ties: all-history
 * count, then cell id) and is scored on the week's events.
 */
export function rollingBacktest(input: BacktestInput) {
  const { region, events, boundaries, methods } = input;
  const totalWeeks = boundaries.length - 1;
  const history = new Float64Array(region.cells.length);
  const results: MethodWeek[][] = methods.map(() => []);
  const chosen: ChosenWeek[] = [];
  let seen = 0;
  for (let k = 0; k < totalWeeks; k++) {
    const weekStart = boundaries[k]!;
    const end = firstAtOrAfter(events.time, weekStart);
    for (; seen < end; seen++) if (events.cell[seen]! >= 0) history[events.cell[seen]!]!++;
    const past = { cell: events.cell.subarray(0, end), time: events.time.subarray(0, end) };
    const week = observedIn(input, end, firstAtOrAfter(events.time, boundaries[k + 1]!));
    methods.forEach((method, m) => {
      const ranked = rankCells(method.score({ region, past, weekStart }), history, region.cells);
      const byCoverage = Object.fromEntries(
        input.coverages.map((c) => [String(c), scoreWeek(ranked, week.observed, week.outside, c)]),
      );
      results[m]!.push({ weekStart, events: week.events, ...byCoverage[String(input.coverage)]!, byCoverage });
    });
    const pick = choose(results, methods, k, input);
    chosen.push({ ...results[pick]![k]!, method: methods[pick]!.name });
    input.onWeek?.(k + 1, totalWeeks);
  }
  const scored = <T>(weeks: T[]) => weeks.slice(input.warmupWeeks);
  return {
    methods: methods.map((method, m) => ({
      name: method.name,
      description: method.description,
      weekly: scored(results[m]!),
    })) as MethodResult[],
    chosen: { rule: choiceRule(input.lookbackWeeks, methods[0]!.name), weekly: scored(chosen) },
  };
}
