/** The resident side's view of open reports, the district officer and wijkraad meetings (all public, no login). */
import { apiGet, apiPostJson } from './client.ts';
import type { LonLat } from './types.ts';

export interface PublicCategory {
  code: string;
  nameNl: string;
  nameEn: string;
}

export interface NearbyReport {
  publicId: string;
  category: PublicCategory;
  status: string;
  reportedDate: string;
  distanceMetres: number;
}

export interface DistrictReportFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: LonLat };
  properties: { category: PublicCategory; status: string; reportedDate: string };
}

export interface DistrictReports {
  districtCode: string;
  districtName: string;
  numberMatched: number;
  numberReturned: number;
  features: DistrictReportFeature[];
}

export interface OfficerCard {
  districtCode: string;
  districtName: string;
  name: string;
  photoUrl: string | null;
  introduction: string | null;
  districtWeekdays: number[];
  publicPhone: string | null;
}

export interface PublicMeeting {
  id: string;
  startsAt: string;
  title: string;
  locationText: string | null;
  officerName: string | null;
}

export async function nearbyReports(
  point: LonLat,
  categoryCode: string,
  signal?: AbortSignal,
): Promise<NearbyReport[]> {
  const params = new URLSearchParams({ lon: point[0].toFixed(7), lat: point[1].toFixed(7), categoryCode });
  const body = await apiGet<{ items: NearbyReport[] }>(`/api/v1/public/reports/nearby?${params.toString()}`, signal);
  return body.items;
}

export function followReport(
  reportId: string,
  email: string,
  language: 'nl' | 'en',
): Promise<{ reportId: string; following: true }> {
  return apiPostJson('/api/v1/public/report-followers', { reportId, email, language });
}

const district = (code: string) => `/api/v1/public/districts/${encodeURIComponent(code)}`;

export const districtReports = (code: string, signal?: AbortSignal) =>
  apiGet<DistrictReports>(`${district(code)}/reports`, signal);
export const districtOfficer = (code: string, signal?: AbortSignal) =>
  apiGet<OfficerCard>(`${district(code)}/officer`, signal);
export const districtMeetings = (code: string, signal?: AbortSignal) =>
  apiGet<{ meetings: PublicMeeting[] }>(`${district(code)}/meetings`, signal).then((body) => body.meetings);
