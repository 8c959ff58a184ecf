import type { AdminUserRecord } from './repository-admin.ts';
import type { AbsenceRecord } from './repository-absences.ts';
import type { AssignmentRecord } from './repository-assignments.ts';
import type { OfficerRecord } from './repository-officers.ts';
import type { StaffUser } from '../../shared/staff.ts';

/** Records → API shapes (ISO timestamps, only the fields the API promises). */
export const presentUser = (user: StaffUser) => ({
  id: user.id,
  name: user.name,
  email: user.email,
  roles: user.roles,
  municipalityCode: user.municipalityCode,
});

export const presentOfficer = (officer: OfficerRecord) => ({
  id: officer.id,
  name: officer.name,
  email: officer.email,
  active: officer.active,
  workingWeekdays: officer.workingWeekdays,
  districtWeekdays: officer.districtWeekdays,
  workStart: officer.workStart,
  workEnd: officer.workEnd,
  introduction: officer.introduction,
  photoUrl: officer.photoUrl,
  publicPhone: officer.publicPhone,
  districts: officer.districts,
});

export const presentAssignment = (assignment: AssignmentRecord) => ({
  id: assignment.id,
  districtCode: assignment.districtCode,
  owner: assignment.owner,
  backup: assignment.backup,
  startedAt: assignment.startedAt.toISOString(),
  endedAt: assignment.endedAt?.toISOString() ?? null,
  current: assignment.endedAt === null,
});

export const presentAbsence = (absence: AbsenceRecord) => ({
  id: absence.id,
  officerId: absence.officerId,
  officerName: absence.officerName,
  kind: absence.kind,
  startsAt: absence.startsAt.toISOString(),
  endsAt: absence.endsAt.toISOString(),
  note: absence.note,
  createdAt: absence.createdAt.toISOString(),
  cancelledAt: absence.cancelledAt?.toISOString() ?? null,
});

export const presentAdminUser = (user: AdminUserRecord) => ({
  id: user.id,
  name: user.name,
  email: user.email,
  roles: user.roles,
  team: user.team,
  active: user.active,
  mustChangePassword: user.mustChangePassword,
  createdAt: user.createdAt.toISOString(),
});
