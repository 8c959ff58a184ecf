import { addDays, type LocalDate } from '../categories/index.ts';
import { rollingBacktest, summariseWeeks } from './backtest.ts';
import { defaultMethods, type ForecastMethod } from './forecast.ts';
import { cellIndices, gridCovering, projectionFor, studyRegionOf } from './grid.ts';
import { weekStarts } from './time-of-week.ts';

/** Rows of a 311-style file after the bbox filter: WGS84 position, instant, and whether --service selects it. */
export interface ProtocolRows {
  readonly lon: Float64Array;
  readonly lat: Float64Array;
  readonly time: Float64Array;
  readonly selected: Uint8Array;
}

export interface ProtocolOptions {
  /** First scored week starts at local 00:00 of this date (week k: that date + 7k days). */
  readonly from: LocalDate;
  readonly weeks: number;
  readonly timeZone: string;
  readonly cellSize: number;
  readonly coverage: number;
  readonly coverages?: readonly number[];
  readonly lookbackWeeks?: number;
  readonly methods?: readonly ForecastMethod[];
  readonly onWeek?: (done: number, total: number) => void;
}

export const REPORTED_COVERAGES = [0.01, 0.03, 0.05];
export const DEFAULT_LOOKBACK_WEEKS = 8;

/**
 * The backtest protocol of `wijkpost analyse backtest` (issue 7): projection at the data's centre
 * (RD New in the Netherlands), grid origin at the minimum x and y of the rows before `from`, study
 * region = cells with a row (any service) before `from`, selected rows forecast and scored. The
 * `lookbackWeeks` weeks before `from` are scored as warm-up so the method choice has a history.
 */
export function runBacktestProtocol(rows: ProtocolRows, options: ProtocolOptions) {
  const lookback = options.lookbackWeeks ?? DEFAULT_LOOKBACK_WEEKS;
  const coverages = [...new Set([...(options.coverages ?? REPORTED_COVERAGES), options.coverage])].sort();
  const boundaries = weekStarts(addDays(options.from, -7 * lookback), options.weeks + lookback, options.timeZone);
  const start = boundaries[lookback]!;
  const projection = projectionFor(rows.lon, rows.lat);
  const n = rows.time.length;
  const xs = new Float64Array(n);
  const ys = new Float64Array(n);
  for (let i = 0; i < n; i++) [xs[i], ys[i]] = projection.project(rows.lon[i]!, rows.lat[i]!);
  const before = Array.from({ length: n }, (_, i) => i).filter((i) => rows.time[i]! < start);
  const grid = gridCovering(
    before.map((i) => xs[i]!),
    before.map((i) => ys[i]!),
    options.cellSize,
  );
  const gridCells = cellIndices(grid, xs, ys);
  const trained = new Uint8Array(grid.cols * grid.rows);
  for (const i of before) trained[gridCells[i]!] = 1;
  const region = studyRegionOf(grid, (cell) => trained[cell] === 1);
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => rows.selected[i] === 1)
    .sort((a, b) => rows.time[a]! - rows.time[b]!);
  const events = {
    cell: Int32Array.from(order, (i) => (gridCells[i]! < 0 ? -1 : region.studyIndex[gridCells[i]!]!)),
    time: Float64Array.from(order, (i) => rows.time[i]!),
  };
  const result = rollingBacktest({
    region,
    events,
    boundaries,
    warmupWeeks: lookback,
    methods: options.methods ?? defaultMethods(),
    coverage: options.coverage,
    coverages,
    lookbackWeeks: lookback,
    onWeek: options.onWeek,
  });
  return { projection: projection.kind, grid, studyCells: region.cells.length, coverages, ...result };
}

export type ProtocolResult = ReturnType<typeof runBacktestProtocol>;

/** The `--json` object of the CLI: means over the scored weeks, at the target coverage and at every coverage. */
export function backtestReport(result: ProtocolResult, options: { weeks: number; cellSize: number; coverage: number }) {
  const key = String(options.coverage);
  const weekly = (w: ProtocolResult['methods'][number]['weekly'][number]) => ({
    weekStart: new Date(w.weekStart).toISOString(),
    events: w.events,
    hitRate: w.hitRate,
    pai: w.pai,
    pei: w.pei,
  });
  const figures = (weeks: ProtocolResult['methods'][number]['weekly']) => {
    const summaries = summariseWeeks(weeks, result.coverages);
    const target = summaries[key]!;
    return {
      hitRate: target.hitRate.mean,
      pai: target.pai.mean,
      pei: target.pei.mean,
      byCoverage: summaries,
    };
  };
  return {
    weeks: options.weeks,
    cellSize: options.cellSize,
    coverage: options.coverage,
    projection: result.projection,
    studyCells: result.studyCells,
    events: result.chosen.weekly.reduce((sum, w) => sum + w.events, 0),
    methods: result.methods.map((m) => ({
      name: m.name,
      description: m.description,
      ...figures(m.weekly),
      weekly: m.weekly.map(weekly),
    })),
    chosen: {
      name: 'chosen',
      rule: result.chosen.rule,
      ...figures(result.chosen.weekly),
      weekly: result.chosen.weekly.map((w) => ({ ...weekly(w), method: w.method })),
    },
  };
}
