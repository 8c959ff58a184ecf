import type { StudyRegion } from './grid.ts';

/** Sparse weights: for observation i, its neighbours and their weights (self included or not). */
export interface SparseWeights {
  neighbours(i: number): ReadonlyArray<{ readonly j: number; readonly w: number }>;
}

export type WeightTransform = 'binary' | 'row-standardised';

export interface LocalGResult {
  /** The statistic G_i (G_i* with the star), its expectation and variance under randomisation. */
  readonly g: Float64Array;
  readonly z: Float64Array;
}

export const Z_95 = 1.96;
export const Z_999 = 3.29;

export type HotspotClass = 'hot-99.9' | 'hot-95' | 'none' | 'cold-95' | 'cold-99.9';

export function classify(z: number): HotspotClass {
  if (z > Z_999) return 'hot-99.9';
  if (z > Z_95) return 'hot-95';
  if (z < -Z_999) return 'cold-99.9';
  if (z < -Z_95) return 'cold-95';
  return 'none';
}

/**
 * Moments of the local G under randomisation, as in Getis & Ord (1992, 1995) and PySAL's esda.G_Local:
 *   G_i = Σ_j w_ij x_j / Σ_(j≠i unless star) x_j,   E = W_i / N,
 *   Var = W_i (N − W_i) / (N − 1) / N² · s² / x̄²,
 * with N = n − 1 and x̄, s² over the other observations for G_i, N = n and all observations for G_i*.
 * With binary weights this is the textbook z of Gi*; with row-standardised weights W_i = 1.
 */
function zOf(sumWx: number, wi: number, total: number, totalSq: number, n: number, xi: number, star: boolean) {
  const others = star ? total : total - xi;
  const bigN = star ? n : n - 1;
  const mean = others / bigN;
  const variance = (star ? totalSq : totalSq - xi * xi) / bigN - mean * mean;
  const g = sumWx / others;
  const expected = wi / bigN;
  const v = ((wi * (bigN - wi)) / (bigN - 1)) * (1 / (bigN * bigN)) * (variance / (mean * mean));
  return { g, z: v > 0 ? (g - expected) / Math.sqrt(v) : 0 };
}

/**
 * Local Getis-Ord G over arbitrary weights. `star` adds each observation to its own neighbourhood
 * with weight 1 (before row-standardisation); weights given for i itself are then replaced.
 */
export function localG(
  values: ArrayLike<number>,
  weights: SparseWeights,
  options: { star: boolean; transform: WeightTransform },
): LocalGResult {
  const n = values.length;
  let total = 0;
  let totalSq = 0;
  for (let i = 0; i < n; i++) {
    total += values[i]!;
    totalSq += values[i]! * values[i]!;
  }
  const g = new Float64Array(n);
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sumW = options.star ? 1 : 0;
    let sumWx = options.star ? values[i]! : 0;
    for (const { j, w } of weights.neighbours(i)) {
      if (j === i) continue;
      sumW += w;
      sumWx += w * values[j]!;
    }
    const row = options.transform === 'row-standardised' && sumW > 0;
    const result = zOf(row ? sumWx / sumW : sumWx, row ? 1 : sumW, total, totalSq, n, values[i]!, options.star);
    g[i] = result.g;
    z[i] = result.z;
  }
  return { g, z };
}

/** General G (Getis & Ord 1992): Σ_(i≠j) w_ij x_i x_j / Σ_(i≠j) x_i x_j. */
export function generalG(values: ArrayLike<number>, weights: SparseWeights): number {
  let numerator = 0;
  let total = 0;
  let totalSq = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i]!;
    totalSq += values[i]! * values[i]!;
    for (const { j, w } of weights.neighbours(i)) if (j !== i) numerator += w * values[i]! * values[j]!;
  }
  return numerator / (total * total - totalSq);
}

/** Binary distance-band weights over points (pairs at distance ≤ band are neighbours). */
export function distanceBandWeights(points: ReadonlyArray<readonly [number, number]>, band: number): SparseWeights {
  const lists = points.map(([xi, yi], i) =>
    points.flatMap(([xj, yj], j) => (j !== i && Math.hypot(xi - xj, yi - yj) <= band ? [{ j, w: 1 }] : [])),
  );
  return { neighbours: (i) => lists[i]! };
}

/**
 * Gi* on the grid: binary queen contiguity including the cell itself, over the study cells only
 * (cells outside the region are not observations; their counts are ignored). `counts` is per study
 * cell (0 included). One pass over the 3×3 neighbourhood of every study cell.
 */
export function gridGiStar(
  region: StudyRegion,
  counts: ArrayLike<number>,
  transform: WeightTransform = 'binary',
): LocalGResult {
  const { grid, cells, studyIndex } = region;
  const n = cells.length;
  let total = 0;
  let totalSq = 0;
  for (let s = 0; s < n; s++) {
    total += counts[s]!;
    totalSq += counts[s]! * counts[s]!;
  }
  const g = new Float64Array(n);
  const z = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const cell = cells[s]!;
    const col = cell % grid.cols;
    const row = (cell - col) / grid.cols;
    let sumW = 0;
    let sumWx = 0;
    for (let dr = -1; dr <= 1; dr++) {
      const r = row + dr;
      if (r < 0 || r >= grid.rows) continue;
      for (let dc = -1; dc <= 1; dc++) {
        const c = col + dc;
        if (c < 0 || c >= grid.cols) continue;
        const t = studyIndex[r * grid.cols + c]!;
        if (t < 0) continue;
        sumW++;
        sumWx += counts[t]!;
      }
    }
    const row1 = transform === 'row-standardised';
    const result = zOf(row1 ? sumWx / sumW : sumWx, row1 ? 1 : sumW, total, totalSq, n, counts[s]!, true);
    g[s] = result.g;
    z[s] = result.z;
  }
  return { g, z };
}
