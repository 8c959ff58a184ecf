import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../people/index.ts';
import { districtRows, officerRows, otherAssigneeRows, todayDate, type DistrictRow } from './repository.ts';
import type { TeamBoard, TeamBoardOfficer } from './schemas.ts';

/** Owned districts first, then those the officer backs up. */
function districtsOf(officerId: string, districts: DistrictRow[]): TeamBoardOfficer['districts'] {
  const owned = districts
    .filter((d) => d.owner_id === officerId)
    .map((d) => ({ code: d.code, name: d.name, duty: 'owner' as const }));
  const backedUp = districts
    .filter((d) => d.backup_id === officerId)
    .map((d) => ({ code: d.code, name: d.name, duty: 'backup' as const }));
  return [...owned, ...backedUp];
}

/**
 * The coordinator's morning view: who is in their district today, who is away, and where open and
 * overdue reports pile up — per officer (what they hold) and per district (what was filed there).
 */
export async function teamBoard(deps: { db: Queryable; clock: Clock }, viewer: StaffUser): Promise<TeamBoard> {
  const now = deps.clock.now();
  const municipality = viewer.municipalityCode;
  const [officers, districts, others, today] = await Promise.all([
    officerRows(deps.db, municipality, now),
    districtRows(deps.db, municipality, now),
    otherAssigneeRows(deps.db, municipality, now),
    todayDate(deps.db, municipality, now),
  ]);
  return {
    generatedAt: now.toISOString(),
    todayDate: today,
    officers: officers.map((o) => ({
      id: o.id,
      name: o.name,
      districts: districtsOf(o.id, districts),
      boroughCodes: [
        ...new Set(districts.filter((d) => d.owner_id === o.id && d.borough_code).map((d) => d.borough_code!)),
      ],
      workingToday: o.working_today,
      districtDayToday: o.district_day_today,
      absence:
        o.absence_kind && o.absence_ends_at
          ? { kind: o.absence_kind, endsAt: new Date(o.absence_ends_at).toISOString() }
          : null,
      openReports: o.open_reports,
      overdueReports: o.overdue_reports,
    })),
    districts: districts.map((d) => ({
      code: d.code,
      name: d.name,
      borough: d.borough_code ? { code: d.borough_code, name: d.borough_name ?? d.borough_code } : null,
      owner: d.owner_id ? { id: d.owner_id, name: d.owner_name ?? '' } : null,
      backup: d.backup_id ? { id: d.backup_id, name: d.backup_name ?? '' } : null,
      openReports: d.open_reports,
      overdueReports: d.overdue_reports,
    })),
    otherAssignees: others.map((o) => ({
      kind: o.kind,
      id: o.id,
      name: o.name,
      openReports: o.open_reports,
      overdueReports: o.overdue_reports,
    })),
  };
}
