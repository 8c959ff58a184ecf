import type { Queryable } from '../../db/db.ts';
import { loadRoutingSnapshot } from './repository.ts';
import { routeReport } from './route-report.ts';
import type { RoutingDecision, RoutingInput } from './schemas.ts';

/** Loads the district's routing snapshot and decides; runs on every report intake. */
export async function decideRouting(deps: { db: Queryable }, input: RoutingInput & { municipalityCode: string }): Promise<RoutingDecision> {
  const { municipalityCode, ...routingInput } = input;
  const snapshot = await loadRoutingSnapshot(deps.db, municipalityCode, input.districtCode, { absencesFrom: input.receivedAt });
  return routeReport(snapshot, routingInput);
}
