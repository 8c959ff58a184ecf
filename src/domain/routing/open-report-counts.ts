/**
 * Open reports per officer for the fewest-open-reports pick at intake. Counting is linear in the
 * open reports of the officers compared (an index scan over all of them), so with a large backlog
 * one count costs more than the intake itself; at a few intakes per second per municipality it ran
 * for each. The pick balances work among colleagues: counts a few seconds old do that as well,
 * and an exact pick under concurrency was never possible (two intakes at once see the same counts).
 * So counts are read at most every `COUNTS_MAX_AGE_MS` per database handle and municipality, and
 * every assignment this process makes adds one at once, so a burst still spreads over colleagues.
 */
import { performance } from 'node:perf_hooks';
import type { Queryable } from '../../db/db.ts';
import { countOpenReports } from './repository.ts';

export const COUNTS_MAX_AGE_MS = 5_000;

interface Counts {
  readAt: number;
  counts: Map<string, number>;
}

const cache = new WeakMap<Queryable, Map<string, Promise<Counts>>>();

/**
 * Open reports of every officer of the municipality, at most a few seconds old (see above).
 * Callers pass all its officers, so one read serves every district; concurrent callers share it.
 */
export async function recentOpenReportCounts(
  db: Queryable,
  municipalityCode: string,
  officerIds: string[],
): Promise<Map<string, number>> {
  let perMunicipality = cache.get(db);
  if (!perMunicipality) cache.set(db, (perMunicipality = new Map()));
  const current = perMunicipality.get(municipalityCode);
  if (current) {
    const known = await current.catch(() => null);
    if (known && performance.now() - known.readAt <= COUNTS_MAX_AGE_MS) return known.counts;
    const latest = perMunicipality.get(municipalityCode);
    if (latest && latest !== current) return (await latest).counts; // another caller already reads anew
  }
  const readAt = performance.now();
  const fresh = countOpenReports(db, officerIds).then((counts) => ({ readAt, counts }));
  perMunicipality.set(municipalityCode, fresh);
  fresh.catch(() => perMunicipality.delete(municipalityCode));
  return (await fresh).counts;
}

/** This process just stored a report with the officer (after the write, so a failed one never counts): count it before the next read. */
export function countAssignment(db: Queryable, municipalityCode: string, officerId: string): void {
  const pending = cache.get(db)?.get(municipalityCode);
  void pending?.then(
    (known) => known.counts.set(officerId, (known.counts.get(officerId) ?? 0) + 1),
    () => undefined,
  );
}
