import type { StudyRegion } from './grid.ts';

export const WEEK_MS = 7 * 24 * 3_600_000;

/**
 * Events in time order: the study-cell index of each (−1 outside the study region) and its instant
 * (epoch ms, ascending). A forecast is handed only the events before the week it forecasts.
 */
export interface EventSeries {
  readonly cell: Int32Array;
  readonly time: Float64Array;
}

export interface ForecastInput {
  readonly region: StudyRegion;
  /** Only events strictly before `weekStart`. */
  readonly past: EventSeries;
  readonly weekStart: number;
}

/** A forecast method: a score per study cell for the week starting at `weekStart` (higher = more expected). */
export interface ForecastMethod {
  readonly name: string;
  readonly description: string;
  score(input: ForecastInput): Float64Array;
}

/** Index of the first event at or after `t` (binary search over the ascending times). */
export function firstAtOrAfter(time: Float64Array, t: number): number {
  let lo = 0;
  let hi = time.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (time[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Naive: the counts of the previous `weeks` weeks (default 4). */
export function naive(weeks = 4): ForecastMethod {
  return {
    name: 'naive',
    description: `events per cell in the previous ${weeks} weeks`,
    score({ region, past, weekStart }) {
      const scores = new Float64Array(region.cells.length);
      for (let i = firstAtOrAfter(past.time, weekStart - weeks * WEEK_MS); i < past.time.length; i++) {
        const cell = past.cell[i]!;
        if (cell >= 0) scores[cell]!++;
      }
      return scores;
    },
  };
}

/** Exponentially time-decayed counts: each past event weighs 2^(−age / half-life). */
export function decayed(halfLifeWeeks = 8): ForecastMethod {
  return {
    name: 'decay',
    description: `events per cell, each weighted 2^(−age/${halfLifeWeeks} weeks)`,
    score({ region, past, weekStart }) {
      const scores = new Float64Array(region.cells.length);
      const perMs = Math.LN2 / (halfLifeWeeks * WEEK_MS);
      for (let i = 0; i < past.time.length; i++) {
        const cell = past.cell[i]!;
        if (cell >= 0) scores[cell]! += Math.exp(-(weekStart - past.time[i]!) * perMs);
      }
      return scores;
    },
  };
}

export interface KernelOptions {
  /** Spatial bandwidth in cells: events reach cells up to this (Euclidean, cell centres) distance. */
  readonly radiusCells: number;
  /** Temporal bandwidth: events older than this are ignored. */
  readonly maxAgeWeeks: number;
}

/**
 * Prospective hotspotting (Bowers, Johnson & Pease 2004): an event d cells away and t whole weeks old
 * adds 1/(1 + d) · 1/(1 + t) to a cell, within the spatial and temporal bandwidths.
 */
export function prospectiveKernel(options: KernelOptions = { radiusCells: 2, maxAgeWeeks: 8 }): ForecastMethod {
  const { radiusCells, maxAgeWeeks } = options;
  const reach = Math.floor(radiusCells);
  const offsets: { dc: number; dr: number; w: number }[] = [];
  for (let dr = -reach; dr <= reach; dr++)
    for (let dc = -reach; dc <= reach; dc++) {
      const d = Math.hypot(dc, dr);
      if (d <= radiusCells) offsets.push({ dc, dr, w: 1 / (1 + d) });
    }
  return {
    name: 'kernel',
    description: `prospective hotspot: 1/(1+cells)·1/(1+weeks) within ${radiusCells} cells and ${maxAgeWeeks} weeks`,
    score({ region, past, weekStart }) {
      const { grid, cells, studyIndex } = region;
      const scores = new Float64Array(cells.length);
      for (let i = firstAtOrAfter(past.time, weekStart - maxAgeWeeks * WEEK_MS); i < past.time.length; i++) {
        const s = past.cell[i]!;
        if (s < 0) continue;
        const timeWeight = 1 / (1 + Math.floor((weekStart - past.time[i]!) / WEEK_MS));
        const col = cells[s]! % grid.cols;
        const row = (cells[s]! - col) / grid.cols;
        for (const { dc, dr, w } of offsets) {
          const c = col + dc;
          const r = row + dr;
          if (c < 0 || r < 0 || c >= grid.cols || r >= grid.rows) continue;
          const t = studyIndex[r * grid.cols + c]!;
          if (t >= 0) scores[t]! += w * timeWeight;
        }
      }
      return scores;
    },
  };
}

/** The default methods of the backtest, naive first (it is the fallback of the method choice). */
export function defaultMethods(): ForecastMethod[] {
  return [naive(4), decayed(8), prospectiveKernel({ radiusCells: 2, maxAgeWeeks: 8 })];
}
