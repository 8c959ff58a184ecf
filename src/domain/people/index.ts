/** The people area: the only module other areas import. */
export { roles, hasAnyRole, type Role, type StaffUser } from '../../shared/staff.ts';
export { resolveSession, startSession, revokeSession } from './sessions.ts';
export { createUser, type CreateUserInput, type CreateUserResult } from './create-user.ts';
export { setUserPassword, deactivateUser } from './manage-users.ts';
export { login, logout, type TokenType } from './login.ts';
export { hashPassword, verifyPassword } from './passwords.ts';
export {
  listUsers,
  listTeams,
  findTeamByCode,
  listCoordinatorGroups,
  type UserRecord,
  type TeamRecord,
  type CoordinatorGroupRecord,
} from './repository.ts';
export {
  listOfficers,
  findOfficer,
  publicOfficerCard,
  type OfficerRecord,
  type OfficerSchedule,
} from './repository-officers.ts';
export { currentAssignment, assignmentHistory, type AssignmentRecord } from './repository-assignments.ts';
export { listAbsencesOfOfficer, type AbsenceRecord, type AbsenceKind, absenceKinds } from './repository-absences.ts';
export { updateSchedule, scheduleProblems } from './update-schedule.ts';
export { assignDistrict } from './assign-district.ts';
export { createAbsence, type RerouteOpenReports } from './create-absence.ts';
export { cancelAbsence } from './cancel-absence.ts';
export { listTeamAbsences } from './list-absences.ts';
export { importTeam, type TeamImportResult } from './import-team.ts';
export type { TeamImport } from './team-import-rules.ts';
export { createStaffUser } from './create-staff-user.ts';
export { changeUser } from './change-user.ts';
export { deactivateStaffUser, reactivateStaffUser } from './set-user-active.ts';
export { resetUserPassword } from './reset-password.ts';
export { changeOwnPassword } from './change-own-password.ts';
export { updateOfficerProfile, linkOfficerPhoto } from './update-officer-profile.ts';
export { setDistrictDays } from './set-district-days.ts';
export { createTeam, updateTeam } from './save-team.ts';
export { createCoordinatorGroup, updateCoordinatorGroup } from './save-coordinator-group.ts';
export { listRoleMappings, replaceRoleMappings } from './oidc-role-mappings.ts';
export { mappableRoles, type MappableRole } from './oidc-roles.ts';
export type { RoleMapping } from './repository-oidc.ts';
export {
  beginOidcSignIn,
  takeOidcSignIn,
  signInWithOidc,
  OidcSignInRefused,
  type OidcAttempt,
  type OidcIdentity,
  type OidcRefusal,
} from './sign-in-oidc.ts';
