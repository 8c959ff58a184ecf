/** Colleagues, teams, coordinator groups and absences, as the staff screens read and register them. */
import { apiDelete, apiGet, apiPostJson, apiPutJson } from './client.ts';
import type {
  Absence,
  AbsenceBody,
  AbsenceCreated,
  CoordinatorGroup,
  CreateMeetingBody,
  Meeting,
  MeetingList,
  Officer,
  Team,
} from './contract.ts';

const officerPath = (officerId: string) => `/api/v1/officers/${encodeURIComponent(officerId)}`;

export const listOfficers = () => apiGet<Officer[]>('/api/v1/officers');
export const getOfficer = (officerId: string) => apiGet<Officer>(officerPath(officerId));
export const listTeams = () => apiGet<Team[]>('/api/v1/teams');
export const listCoordinatorGroups = () => apiGet<CoordinatorGroup[]>('/api/v1/coordinator-groups');

/** Registering an absence also hands the officer's open reports over; the answer says how many. */
export function registerAbsence(officerId: string, body: AbsenceBody): Promise<AbsenceCreated> {
  return apiPostJson<AbsenceCreated>(`${officerPath(officerId)}/absences`, body);
}

/** Self-service: an officer's own district days, absences and wijkraad meetings. */
export const setDistrictDays = (officerId: string, districtWeekdays: number[]) =>
  apiPutJson<Officer>(`${officerPath(officerId)}/district-days`, { districtWeekdays });
export const listOwnAbsences = (officerId: string) => apiGet<Absence[]>(`${officerPath(officerId)}/absences`);
export const cancelAbsence = (absenceId: string) => apiDelete(`/api/v1/absences/${encodeURIComponent(absenceId)}`);
export const listMeetings = (districtCode: string) =>
  apiGet<MeetingList>(`/api/v1/district-meetings?districtCode=${encodeURIComponent(districtCode)}`);
export const createMeeting = (body: CreateMeetingBody) => apiPostJson<Meeting>('/api/v1/district-meetings', body);
