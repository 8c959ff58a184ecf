export interface ChapmanEstimate {
  /** Officer observations n₁, resident reports n₂, pairs seen by both m. */
  readonly n1: number;
  readonly n2: number;
  readonly m: number;
  /** Distinct nuisances seen by at least one source: n₁ + n₂ − m. */
  readonly observed: number;
  readonly estimate: number;
  readonly variance: number;
  /**
   * 95 % interval, log-normal (Chao 1987): with f₀ = N̂ − observed and
   * C = exp(1.96 · √ln(1 + Var/f₀²)), [observed + f₀/C, observed + f₀·C]. Unlike the normal
   * approximation it never falls below what was actually seen and is skewed upward as N̂ is.
   */
  readonly interval95: readonly [number, number];
  /** N̂ ± 1.96 √Var, for comparison. */
  readonly normalInterval95: readonly [number, number];
  /** Share of the officers' observations that no resident reported: (n₁ − m) / n₁. */
  readonly seenByOfficersOnlyShare: number | null;
}

/**
 * Chapman's bias-corrected Lincoln–Petersen estimator, N̂ = (n₁+1)(n₂+1)/(m+1) − 1, with variance
 * (n₁+1)(n₂+1)(n₁−m)(n₂−m) / ((m+1)²(m+2)). Assumes a closed population and independent sources;
 * officers patrolling where residents report makes them dependent and biases N̂ downward.
 */
export function chapman(n1: number, n2: number, m: number): ChapmanEstimate {
  if (![n1, n2, m].every((v) => Number.isInteger(v) && v >= 0) || m > Math.min(n1, n2)) {
    throw new RangeError('n1, n2 and m must be counts with m ≤ min(n1, n2)');
  }
  const estimate = ((n1 + 1) * (n2 + 1)) / (m + 1) - 1;
  const variance = ((n1 + 1) * (n2 + 1) * (n1 - m) * (n2 - m)) / ((m + 1) ** 2 * (m + 2));
  const observed = n1 + n2 - m;
  const f0 = estimate - observed;
  const half = 1.96 * Math.sqrt(variance);
  const c = f0 > 0 ? Math.exp(1.96 * Math.sqrt(Math.log(1 + variance / (f0 * f0)))) : 1;
  return {
    n1,
    n2,
    m,
    observed,
    estimate,
    variance,
    interval95: f0 > 0 ? [observed + f0 / c, observed + f0 * c] : [observed, observed],
    normalInterval95: [estimate - half, estimate + half],
    seenByOfficersOnlyShare: n1 === 0 ? null : (n1 - m) / n1,
  };
}
