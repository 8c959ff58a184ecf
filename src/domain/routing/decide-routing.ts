import type { Queryable } from '../../db/db.ts';
import { notFound } from '../../shared/errors.ts';
import { countOpenReports } from './repository.ts';
import { loadRoutingData, snapshotFor, type RoutingData } from './routing-data.ts';
import { routeReport } from './route-report.ts';
import type { RoutingDecision, RoutingInput, RoutingSnapshot } from './schemas.ts';

/** Only these steps compare colleagues by their open reports; every other outcome is the same whatever the counts. */
const stepsThatCountOpenReports = new Set(['borough-colleague', 'group-colleague']);

/**
 * Runs on every report intake and re-routing. Pass `routingData` when the caller already loaded it
 * for this moment (intake does, for the time zone). The statements run one after another: on a
 * transaction's single connection nothing may overlap.
 */
export async function decideRouting(
  deps: { db: Queryable },
  input: RoutingInput & { municipalityCode: string; routingData?: RoutingData | null },
): Promise<RoutingDecision> {
  const { municipalityCode, routingData, ...routingInput } = input;
  const data = routingData ?? (await loadRoutingData(deps.db, municipalityCode, { absencesFrom: input.receivedAt }));
  if (!data) throw notFound(`District ${input.districtCode} in municipality ${municipalityCode}`);
  const withoutCounts = routeReport(snapshotFor(data, input.districtCode, new Map(), input.receivedAt), routingInput);
  if (!stepsThatCountOpenReports.has(withoutCounts.rule)) return withoutCounts;
  const openReports = await countOpenReports(deps.db, colleagueCandidateIds(data, input.districtCode));
  return routeReport(snapshotFor(data, input.districtCode, openReports, input.receivedAt), routingInput);
}

/**
 * The officers a colleague step compares: those of the district's coordinator group (which holds
 * its borough). Counts do not change who is available, only the order among them, so the step that
 * decided without counts decides again among these; counting only them keeps the statement small.
 */
function colleagueCandidateIds(data: RoutingData, districtCode: string): string[] {
  const boroughCode = data.districts.get(districtCode)?.boroughCode ?? null;
  if (boroughCode === null) return data.officers.map((o) => o.id);
  const group = data.coordinatorGroups.find((g) => g.boroughCodes.includes(boroughCode));
  const boroughs = group ? group.boroughCodes : [boroughCode];
  return data.officers.filter((o) => o.boroughCodes.some((code) => boroughs.includes(code))).map((o) => o.id);
}

/** Everything routeReport needs for one district: the cached data plus open-report counts (two statements, in turn). */
export async function loadRoutingSnapshot(
  db: Queryable,
  municipalityCode: string,
  districtCode: string,
  options: { absencesFrom?: Date } = {},
): Promise<RoutingSnapshot> {
  const data = await loadRoutingData(db, municipalityCode, options);
  if (!data) throw notFound(`District ${districtCode} in municipality ${municipalityCode}`);
  const openReports = await countOpenReports(db, data.officers.map((o) => o.id));
  return snapshotFor(data, districtCode, openReports, options.absencesFrom);
}
