/** Colleagues, teams, coordinator groups and absences, as the staff screens read and register them. */
import { apiGet, apiPostJson } from './client.ts';
import type { AbsenceBody, AbsenceCreated, CoordinatorGroup, Officer, Team } from './contract.ts';

const officerPath = (officerId: string) => `/api/v1/officers/${encodeURIComponent(officerId)}`;

export const listOfficers = () => apiGet<Officer[]>('/api/v1/officers');
export const getOfficer = (officerId: string) => apiGet<Officer>(officerPath(officerId));
export const listTeams = () => apiGet<Team[]>('/api/v1/teams');
export const listCoordinatorGroups = () => apiGet<CoordinatorGroup[]>('/api/v1/coordinator-groups');

/** Registering an absence also hands the officer's open reports over; the answer says how many. */
export function registerAbsence(officerId: string, body: AbsenceBody): Promise<AbsenceCreated> {
  return apiPostJson<AbsenceCreated>(`${officerPath(officerId)}/absences`, body);
}
