/** The administration's calls: staff accounts, officers' profiles and portraits, districts, teams and groups. */
import { apiGet, apiPatchJson, apiPostJson, apiPutForm, apiPutJson } from './client.ts';
import type {
  AdminUser,
  Assignment,
  AssignmentBody,
  Borough,
  CoordinatorGroup,
  CreatedUser,
  CreateGroupBody,
  CreateTeamBody,
  CreateUserBody,
  DeactivatedUser,
  DistrictDuty,
  Officer,
  OfficerProfileBody,
  OwnPasswordBody,
  PasswordStatus,
  PasswordReset,
  ScheduleBody,
  Team,
  UpdateGroupBody,
  UpdateUserBody,
  UsersQuery,
} from './contract.ts';

const user = (id: string) => `/api/v1/users/${encodeURIComponent(id)}`;
const officer = (id: string) => `/api/v1/officers/${encodeURIComponent(id)}`;

export function listUsers(query: UsersQuery): Promise<AdminUser[]> {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]));
  return apiGet<AdminUser[]>(`/api/v1/users${params.size ? `?${params}` : ''}`);
}
export const createUser = (body: CreateUserBody) => apiPostJson<CreatedUser>('/api/v1/users', body);
export const updateUser = (id: string, body: UpdateUserBody) => apiPatchJson<AdminUser>(user(id), body);
export const deactivateUser = (id: string) => apiPostJson<DeactivatedUser>(`${user(id)}/deactivate`, {});
export const reactivateUser = (id: string) => apiPostJson<AdminUser>(`${user(id)}/reactivate`, {});
export const resetPassword = (id: string) => apiPostJson<PasswordReset>(`${user(id)}/password-reset`, {});

export const updateProfile = (id: string, body: OfficerProfileBody) =>
  apiPutJson<Officer>(`${officer(id)}/profile`, body);
export const updateSchedule = (id: string, body: ScheduleBody) => apiPutJson<Officer>(`${officer(id)}/schedule`, body);
export function uploadOfficerPhoto(id: string, file: File): Promise<{ photoUrl: string }> {
  const form = new FormData();
  form.append('photo', file);
  return apiPutForm<{ photoUrl: string }>(`${officer(id)}/photo`, form);
}

export const listDistrictDuties = () => apiGet<DistrictDuty[]>('/api/v1/district-assignments');
export const assignDistrict = (code: string, body: AssignmentBody) =>
  apiPutJson<Assignment>(`/api/v1/districts/${encodeURIComponent(code)}/assignment`, body);

export const listBoroughs = () => apiGet<Borough[]>('/api/v1/boroughs');
export const createTeam = (body: CreateTeamBody) => apiPostJson<Team>('/api/v1/teams', body);
export const renameTeam = (id: string, name: string) =>
  apiPatchJson<Team>(`/api/v1/teams/${encodeURIComponent(id)}`, { name });
export const createGroup = (body: CreateGroupBody) => apiPostJson<CoordinatorGroup>('/api/v1/coordinator-groups', body);
export const updateGroup = (id: string, body: UpdateGroupBody) =>
  apiPatchJson<CoordinatorGroup>(`/api/v1/coordinator-groups/${encodeURIComponent(id)}`, body);

/** Self-service: whether the password was handed over by an administrator, and choosing one's own. */
export const getPasswordStatus = () => apiGet<PasswordStatus>('/api/v1/me/password-status');
export const changeOwnPassword = (body: OwnPasswordBody) => apiPutJson<void>('/api/v1/me/password', body);
