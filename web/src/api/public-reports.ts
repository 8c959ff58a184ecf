/** The resident side's view of open reports, the district officer and wijkraad meetings (all public, no login). */
import { apiGet, apiPostJson } from './client.ts';
import type {
  DistrictReportCollection,
  FollowReceipt,
  NearbyPublicReport,
  NearbyPublicReports,
  OfficerCard,
  PublicMeetingList,
} from './contract.ts';
import type { LonLat } from './types.ts';

export async function nearbyReports(
  point: LonLat,
  categoryCode: string,
  signal?: AbortSignal,
): Promise<NearbyPublicReport[]> {
  const params = new URLSearchParams({ lon: point[0].toFixed(7), lat: point[1].toFixed(7), categoryCode });
  const body = await apiGet<NearbyPublicReports>(`/api/v1/public/reports/nearby?${params.toString()}`, signal);
  return body.items;
}

export function followReport(reportId: string, email: string, language: 'nl' | 'en'): Promise<FollowReceipt> {
  return apiPostJson<FollowReceipt>('/api/v1/public/report-followers', { reportId, email, language });
}

const district = (code: string) => `/api/v1/public/districts/${encodeURIComponent(code)}`;

export const districtReports = (code: string, signal?: AbortSignal) =>
  apiGet<DistrictReportCollection>(`${district(code)}/reports`, signal);
export const districtOfficer = (code: string, signal?: AbortSignal) =>
  apiGet<OfficerCard>(`${district(code)}/officer`, signal);
export const districtMeetings = (code: string, signal?: AbortSignal) =>
  apiGet<PublicMeetingList>(`${district(code)}/meetings`, signal).then((body) => body.meetings);
