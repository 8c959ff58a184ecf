import type { Queryable } from '../../db/db.ts';
import { notFound } from '../../shared/errors.ts';
import { recentOpenReportCounts } from './open-report-counts.ts';
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
  const decision = stepsThatCountOpenReports.has(withoutCounts.rule)
    ? routeReport(
        snapshotFor(
          data,
          input.districtCode,
          await recentOpenReportCounts(
            deps.db,
            municipalityCode,
            data.officers.map((o) => o.id),
          ),
          input.receivedAt,
        ),
        routingInput,
      )
    : withoutCounts;
  return decision;
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
  const openReports = await countOpenReports(
    db,
    data.officers.map((o) => o.id),
  );
  return snapshotFor(data, districtCode, openReports, options.absencesFrom);
}
