/**
 * Routing's slow-changing data, cached per database handle and municipality. Every load first reads
 * the version counter (migration 0080, bumped by triggers on every change to the underlying tables):
 * one tiny statement while nothing changed, and the full data (with the counter, in one statement)
 * only when it moved, so a change made by another process or by plain SQL is seen by the very next
 * decision. Open-report counts change with every
 * report and are never cached: `snapshotFor` takes them from the caller.
 */
import type { Queryable } from '../../db/db.ts';
import { notFound } from '../../shared/errors.ts';
import { selectRoutingData, selectRoutingDataVersion, toRoutingRule, type StoredRoutingData } from './repository.ts';
import type { DistrictSnapshot, OfficerSnapshot, RoutingRule, RoutingSnapshot } from './schemas.ts';

export interface RoutingData {
  municipalityCode: string;
  version: number;
  /**
   * The geography counter of the same snapshot (migration 0110): intake checks that the district locator
   * it located the point with was built at this one, so the insert's version check covers both.
   */
  geographyVersion: number;
  /** Absences that ended before this moment are not in `officers`. */
  absencesFrom: number;
  timeZone: string;
  districts: Map<string, DistrictSnapshot>;
  officers: Omit<OfficerSnapshot, 'openReportCount'>[];
  coordinatorGroups: RoutingSnapshot['coordinatorGroups'];
  rules: RoutingRule[];
  teams: RoutingSnapshot['teams'];
  /** The officers as a snapshot without open reports, shared while no absence has ended since the load. */
  officersWithoutCounts: OfficerSnapshot[];
  /** Milliseconds; Infinity without absences. */
  earliestAbsenceEnd: number;
}

/** Keyed by the handle: a transaction's handle sees its own uncommitted changes, which no other handle may reuse. */
const cache = new WeakMap<Queryable, Map<string, RoutingData>>();

/**
 * The municipality's routing data as of now (usually one tiny statement), or null for an unknown
 * municipality. With `verify: false` a cached copy is returned without asking the database; the
 * caller must then check `version` itself when it writes (intake does, in its insert).
 */
export async function loadRoutingData(
  db: Queryable,
  municipalityCode: string,
  options: { absencesFrom?: Date; verify?: boolean } = {},
): Promise<RoutingData | null> {
  const absencesFrom = options.absencesFrom ?? new Date(0);
  let perMunicipality = cache.get(db);
  if (!perMunicipality) cache.set(db, (perMunicipality = new Map()));
  const cached = perMunicipality.get(municipalityCode);
  // A cache loaded for a later moment may lack absences an earlier moment needs.
  const usable = cached && cached.absencesFrom <= absencesFrom.getTime() ? cached : undefined;
  if (usable && (options.verify === false || (await selectRoutingDataVersion(db)) === usable.version)) return usable;
  const { version, geographyVersion, data } = await selectRoutingData(db, municipalityCode, absencesFrom);
  if (!data) {
    perMunicipality.delete(municipalityCode);
    return null;
  }
  const fresh = toRoutingData(municipalityCode, { version, geographyVersion }, absencesFrom, data);
  perMunicipality.set(municipalityCode, fresh);
  return fresh;
}

function toRoutingData(
  municipalityCode: string,
  versions: { version: number; geographyVersion: number },
  absencesFrom: Date,
  data: StoredRoutingData,
): RoutingData {
  const officers = data.officers.map((o) => ({
    ...o,
    workingWeekdays: o.workingWeekdays.map(Number),
    districtWeekdays: o.districtWeekdays.map(Number),
    absences: o.absences.map((a) => ({ kind: a.kind, startsAt: new Date(a.startsAt), endsAt: new Date(a.endsAt) })),
  }));
  const absenceEnds = officers.flatMap((o) => o.absences.map((a) => a.endsAt.getTime()));
  return {
    municipalityCode,
    ...versions,
    absencesFrom: absencesFrom.getTime(),
    timeZone: data.timeZone,
    districts: new Map(data.districts.map((d) => [d.code, d])),
    officers,
    coordinatorGroups: data.coordinatorGroups,
    rules: data.rules.map(toRoutingRule),
    teams: data.teams,
    officersWithoutCounts: officers.map((o) => ({ ...o, openReportCount: 0 })),
    earliestAbsenceEnd: Math.min(Infinity, ...absenceEnds),
  };
}

/**
 * The snapshot routeReport decides on, for one district. Absences that ended before `absencesFrom`
 * are left out, exactly as a fresh load would; officers missing from `openReports` have none.
 */
export function snapshotFor(
  data: RoutingData,
  districtCode: string,
  openReports: ReadonlyMap<string, number>,
  absencesFrom?: Date,
): RoutingSnapshot {
  const district = data.districts.get(districtCode);
  if (!district) throw notFound(`District ${districtCode} in municipality ${data.municipalityCode}`);
  const from = (absencesFrom ?? new Date(0)).getTime();
  const coordinatorGroup =
    district.boroughCode === null
      ? undefined
      : data.coordinatorGroups.find((g) => g.boroughCodes.includes(district.boroughCode!));
  // Most intakes need no open-report counts and no absence has ended since the load: the snapshot
  // routeReport (a pure function) reads is then the same every time, so it is built once.
  const officers =
    openReports.size === 0 && (from <= data.absencesFrom || from < data.earliestAbsenceEnd)
      ? data.officersWithoutCounts
      : data.officers.map((o) => ({
          ...o,
          absences: from > data.absencesFrom ? o.absences.filter((a) => a.endsAt.getTime() > from) : o.absences,
          openReportCount: openReports.get(o.id) ?? 0,
        }));
  return {
    district: { ...district },
    officers,
    coordinatorGroup: coordinatorGroup ?? null,
    coordinatorGroups: data.coordinatorGroups,
    rules: data.rules,
    teams: data.teams,
  };
}
