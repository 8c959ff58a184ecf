/**
 * GET /analysis/unreported: per district × subcategory, what officers saw, what residents reported, the
 * pairs that are the same nuisance, and Chapman's capture–recapture estimate of the total with its 95 %
 * interval. Pairs are matched one-to-one by the core, within one district (the stratum).
 */
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../people/index.ts';
import { chapman, matchSightings, type Sighting } from './index.ts';
import { toCsv } from './csv.ts';
import { candidatePairs, stratumCounts } from './repository-unreported.ts';
import { resolveScope } from './resolve-scope.ts';
import type { Unreported, UnreportedQuery, UnreportedRow } from './schemas.ts';

export const unreportedAssumptions = {
  nl:
    'Schatting met de Chapman-methode (vangst–hervangst) per wijk en subcategorie: handhavers (waarnemingen) en ' +
    'bewoners (meldingen) zijn twee "vangsten"; een waarneming en een melding tellen als dezelfde overlast bij ' +
    'dezelfde subcategorie, binnen de gekozen afstand en het gekozen aantal uren, en elk hoort bij hoogstens één paar. ' +
    'De methode neemt aan dat beide bronnen onafhankelijk zijn en dat elke overlast even zichtbaar is. Dat klopt niet ' +
    'helemaal: handhavers gaan juist waar veel gemeld wordt en sommige overlast valt meer op. Beide maken de schatting ' +
    'te laag; lees haar als ondergrens.',
  en:
    "Chapman's capture–recapture estimate per district and subcategory: officers (observations) and residents " +
    '(reports) are two "captures"; an observation and a report count as the same nuisance in the same subcategory, ' +
    'within the chosen distance and number of hours, and each belongs to at most one pair. The method assumes the ' +
    'two sources are independent and every nuisance is equally visible. Neither fully holds: officers go where ' +
    'reports are, and some nuisance is more conspicuous. Both push the estimate down; read it as a lower bound.',
};

export async function unreported(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  query: UnreportedQuery,
): Promise<Unreported> {
  const { scope, applied } = await resolveScope(deps, viewer.municipalityCode, { ...query, source: 'both' });
  const [strata, candidates] = await Promise.all([
    stratumCounts(deps.db, scope),
    candidatePairs(deps.db, scope, query.matchDistance, query.matchHours),
  ]);
  const observations = new Map<string, Sighting>();
  const reports = new Map<string, Sighting>();
  const stratumOf = new Map<string, string>();
  for (const c of candidates) {
    const category = c.category_code;
    observations.set(c.observation_id, { id: c.observation_id, category, x: c.o_x, y: c.o_y, time: c.o_t });
    reports.set(c.report_id, { id: c.report_id, category, x: c.r_x, y: c.r_y, time: c.r_t });
    stratumOf.set(c.observation_id, `${c.district_code}|${category}`);
  }
  const pairs = matchSightings([...observations.values()], [...reports.values()], {
    maxDistanceM: query.matchDistance,
    maxHours: query.matchHours,
  });
  const matchedPerStratum = new Map<string, number>();
  for (const pair of pairs) {
    const key = stratumOf.get(pair.observationId)!;
    matchedPerStratum.set(key, (matchedPerStratum.get(key) ?? 0) + 1);
  }
  const rows: UnreportedRow[] = strata.map((s) => {
    const matched = matchedPerStratum.get(`${s.district_code}|${s.category_code}`) ?? 0;
    const estimate = chapman(s.observations, s.reports, matched);
    return {
      districtCode: s.district_code,
      districtName: s.district_name,
      categoryCode: s.category_code,
      categoryNameNl: s.category_name_nl,
      categoryNameEn: s.category_name_en,
      observations: s.observations,
      reports: s.reports,
      matched,
      estimate: estimate.estimate,
      variance: estimate.variance,
      lower95: estimate.interval95[0],
      upper95: estimate.interval95[1],
      shareOnlyOfficers: estimate.seenByOfficersOnlyShare,
    };
  });
  const { source: _source, ...filters } = applied;
  return {
    filters,
    matchDistance: query.matchDistance,
    matchHours: query.matchHours,
    rows,
    assumptions: unreportedAssumptions,
  };
}

export function unreportedCsv(view: Unreported): string {
  return toCsv(
    [
      'districtCode',
      'districtName',
      'categoryCode',
      'observations',
      'reports',
      'matched',
      'estimate',
      'variance',
      'lower95',
      'upper95',
      'shareOnlyOfficers',
    ],
    view.rows.map((r) => [
      r.districtCode,
      r.districtName,
      r.categoryCode,
      r.observations,
      r.reports,
      r.matched,
      r.estimate,
      r.variance,
      r.lower95,
      r.upper95,
      r.shareOnlyOfficers,
    ]),
  );
}
