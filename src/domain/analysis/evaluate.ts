/**
 * Hit rate, PAI and PEI of a ranked set of cells (domain.md §5). All cells have the same area, so
 * a/A = flagged / study cells.
 */
export interface WeekScore {
  /** Share of the week's events in the flagged cells; null when the week had no events. */
  readonly hitRate: number | null;
  /** Predictive accuracy index (n/N)/(a/A); null when the week had no events. */
  readonly pai: number | null;
  /** Predictive efficiency index n/n*; null when no flagged set could capture any event (n* = 0). */
  readonly pei: number | null;
}

/** ceil(coverage × cells), guarded against floating-point noise (0.03 × 100 = 3.0000000000000004). */
export function flaggedCount(coverage: number, cells: number): number {
  return Math.min(cells, Math.max(1, Math.ceil(coverage * cells - 1e-9)));
}

/**
 * Study-cell indices ordered by score (descending), ties by the all-history count (descending), then
 * by cell id (the grid index, ascending: row by row).
 */
export function rankCells(scores: ArrayLike<number>, historyCounts: ArrayLike<number>, gridIndex: ArrayLike<number>) {
  const order = Int32Array.from({ length: scores.length }, (_, i) => i);
  return order.sort(
    (a, b) => scores[b]! - scores[a]! || historyCounts[b]! - historyCounts[a]! || gridIndex[a]! - gridIndex[b]!,
  );
}

/**
 * Scores one week: `observed` counts per study cell, `outside` events outside the study region (they
 * count in N as misses). `ranked` from rankCells.
 */
export function scoreWeek(
  ranked: Int32Array,
  observed: ArrayLike<number>,
  outside: number,
  coverage: number,
): WeekScore {
  const cells = ranked.length;
  const k = flaggedCount(coverage, cells);
  let total = outside;
  for (let i = 0; i < observed.length; i++) total += observed[i]!;
  let captured = 0;
  for (let i = 0; i < k; i++) captured += observed[ranked[i]!]!;
  const best = Array.from(observed)
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((a, b) => a + b, 0);
  if (total === 0) return { hitRate: null, pai: null, pei: null };
  const hitRate = captured / total;
  return { hitRate, pai: hitRate / (k / cells), pei: best === 0 ? null : captured / best };
}

export interface Summary {
  readonly mean: number | null;
  readonly p10: number | null;
  readonly p90: number | null;
}

/** Percentile with linear interpolation between order statistics (R type 7, numpy's default). */
function percentile(sorted: number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
}

/** Mean and 10th–90th percentile over the weeks that have a value. */
export function summarise(values: ReadonlyArray<number | null>): Summary {
  const present = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (present.length === 0) return { mean: null, p10: null, p90: null };
  return {
    mean: present.reduce((a, b) => a + b, 0) / present.length,
    p10: percentile(present, 0.1),
    p90: percentile(present, 0.9),
  };
}
