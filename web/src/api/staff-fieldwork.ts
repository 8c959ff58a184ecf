/** An officer's field work: presence rounds, observations (with photos) and contacts; visibility per district. */
import { apiGet, apiPostForm, apiPostJson } from './client.ts';
import type {
  Contact,
  CurrentRound,
  LogContactBody,
  LogObservationBody,
  Observation,
  PhotoList,
  Round,
  StartedRound,
  Visibility,
} from './contract.ts';

export const currentRound = () => apiGet<CurrentRound>('/api/v1/presence/rounds/current');
export const startRound = (districtCode: string) =>
  apiPostJson<StartedRound>('/api/v1/presence/rounds', { districtCode });
export const stopRound = () => apiPostJson<Round>('/api/v1/presence/rounds/current/stop', {});

export const logObservation = (body: LogObservationBody) => apiPostJson<Observation>('/api/v1/observations', body);

export function addObservationPhotos(observationId: string, form: FormData): Promise<PhotoList> {
  return apiPostForm<PhotoList>(`/api/v1/observations/${encodeURIComponent(observationId)}/photos`, form);
}

export const logContact = (body: LogContactBody) => apiPostJson<Contact>('/api/v1/contacts', body);

/** `period` is the query string `from=…&to=…`. */
export const districtVisibility = (period: string) => apiGet<Visibility>(`/api/v1/visibility?${period}`);
