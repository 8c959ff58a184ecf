/** A partner organisation's work: the reports it holds, and accepting, sending back or resolving one. */
import { apiGet, apiPostJson } from './client.ts';
import type { ReportDetail, ReportList, ReportSummary, ResolveByPartnerBody, SendBackBody } from './contract.ts';

const partnerPath = (reportId: string) => `/api/v1/partner/reports/${encodeURIComponent(reportId)}`;
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });
type Versioned = { id: string; version: number };

/** Every report the organisation holds, in the server's order (overdue first, then by deadline, closed last). */
export async function allPartnerReports(query: URLSearchParams, signal?: AbortSignal): Promise<ReportSummary[]> {
  const items: ReportSummary[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', '200');
    if (cursor) params.set('cursor', cursor);
    const page: ReportList = await apiGet<ReportList>(`/api/v1/partner/reports?${params.toString()}`, signal);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export function acceptReport(report: Versioned): Promise<ReportDetail> {
  return apiPostJson<ReportDetail>(`${partnerPath(report.id)}/accept`, {}, ifMatch(report.version));
}

export function sendBackReport(report: Versioned, body: SendBackBody): Promise<{ id: string; status: string }> {
  return apiPostJson(`${partnerPath(report.id)}/send-back`, body, ifMatch(report.version));
}

export function resolveReport(report: Versioned, body: ResolveByPartnerBody): Promise<ReportDetail> {
  return apiPostJson<ReportDetail>(`${partnerPath(report.id)}/resolve`, body, ifMatch(report.version));
}
