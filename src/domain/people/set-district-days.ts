import type { Db } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { hasAnyRole, type Role, type StaffUser } from '../../shared/staff.ts';
import { updateDistrictWeekdays } from './repository-admin.ts';
import { findOfficer, type OfficerRecord } from './repository-officers.ts';
import { scheduleProblems } from './update-schedule.ts';

/** Who plans people may set anyone's district days; an officer only their own. */
export const districtDayPlanners: readonly Role[] = ['coordinator', 'team_manager', 'administrator'];

/**
 * An officer chooses their own district days within the team's rules: the days must be working days the
 * planner set (working days and hours stay the planner's, PUT /officers/{id}/schedule).
 */
export async function setDistrictDays(
  deps: { db: Db },
  actor: StaffUser,
  officerId: string,
  input: { districtWeekdays: readonly number[] },
): Promise<OfficerRecord> {
  const officer = await findOfficer(deps.db, actor.municipalityCode, officerId);
  if (!officer) throw new DomainError('not_found', 'Officer not found.');
  if (!hasAnyRole(actor, districtDayPlanners) && actor.id !== officerId)
    throw new DomainError('forbidden', 'Officers set only their own district days.');
  const problems = scheduleProblems({ ...officer, districtWeekdays: input.districtWeekdays }).filter((problem) =>
    problem.name.startsWith('districtWeekdays'),
  );
  if (problems.length > 0) throw new DomainError('validation', 'The district days were not changed.', problems);
  const days = [...input.districtWeekdays].sort((a, b) => a - b);
  await updateDistrictWeekdays(deps.db, officerId, days);
  return { ...officer, districtWeekdays: days };
}
