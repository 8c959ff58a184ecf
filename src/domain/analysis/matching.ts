/** A sighting of a nuisance: an officer's observation or a resident's report, in metres (RD New) and epoch ms. */
export interface Sighting {
  readonly id: string;
  readonly category: string;
  readonly x: number;
  readonly y: number;
  readonly time: number;
}

export interface MatchOptions {
  /** Largest distance between the two sightings, metres. Default 50 m: about a street frontage. */
  readonly maxDistanceM: number;
  /** Largest time between them, hours. Default 72 h: a weekend plus the day a report is typically made. */
  readonly maxHours: number;
}

export const DEFAULT_MATCH_OPTIONS: MatchOptions = { maxDistanceM: 50, maxHours: 72 };

export interface MatchedPair {
  readonly observationId: string;
  readonly reportId: string;
  readonly distanceM: number;
  readonly hours: number;
}

/**
 * One-to-one pairs of an officer observation and a resident report that are the same nuisance: same
 * category, within the distance and time window. Greedy by closeness: candidate pairs ordered by
 * d/D + |Δt|/T (each criterion as a share of its window), then observation id, then report id; a
 * pair is taken when neither side is taken yet.
 */
export function matchSightings(
  observations: readonly Sighting[],
  reports: readonly Sighting[],
  options: MatchOptions = DEFAULT_MATCH_OPTIONS,
): MatchedPair[] {
  const windowMs = options.maxHours * 3_600_000;
  const byCategory = new Map<string, Sighting[]>();
  for (const report of reports) byCategory.set(report.category, [...(byCategory.get(report.category) ?? []), report]);
  for (const list of byCategory.values()) list.sort((a, b) => a.time - b.time);
  const candidates: (MatchedPair & { closeness: number })[] = [];
  for (const observation of observations) {
    const list = byCategory.get(observation.category) ?? [];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]!.time < observation.time - windowMs) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < list.length && list[i]!.time <= observation.time + windowMs; i++) {
      const report = list[i]!;
      const distanceM = Math.hypot(report.x - observation.x, report.y - observation.y);
      if (distanceM > options.maxDistanceM) continue;
      const hours = Math.abs(report.time - observation.time) / 3_600_000;
      const closeness = distanceM / options.maxDistanceM + hours / options.maxHours;
      candidates.push({ observationId: observation.id, reportId: report.id, distanceM, hours, closeness });
    }
  }
  candidates.sort(
    (a, b) =>
      a.closeness - b.closeness ||
      a.observationId.localeCompare(b.observationId) ||
      a.reportId.localeCompare(b.reportId),
  );
  const usedObservations = new Set<string>();
  const usedReports = new Set<string>();
  const pairs: MatchedPair[] = [];
  for (const { closeness: _closeness, ...pair } of candidates) {
    if (usedObservations.has(pair.observationId) || usedReports.has(pair.reportId)) continue;
    usedObservations.add(pair.observationId);
    usedReports.add(pair.reportId);
    pairs.push(pair);
  }
  return pairs;
}
