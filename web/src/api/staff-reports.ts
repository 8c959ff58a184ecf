/** Staff work on reports: lists, one report with its photos, and the changes (status, note, assignment). */
import { apiGet, apiPostJson } from './client.ts';
import type {
  AssignBody,
  ChangeStatusBody,
  DeliveryList,
  NoteBody,
  PhotoList,
  ReportDetail,
  ReportList,
  ReportSummary,
} from './contract.ts';

const reportPath = (reportId: string) => `/api/v1/reports/${encodeURIComponent(reportId)}`;
/** The version last read: the server refuses the change (409) when someone else changed the report since. */
const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export function listReports(query: URLSearchParams, signal?: AbortSignal): Promise<ReportList> {
  return apiGet<ReportList>(`/api/v1/reports?${query.toString()}`, signal);
}

/** Follows nextCursor until every page is read: the worklist and the bulk views need the whole set. */
export async function allReports(query: URLSearchParams, signal?: AbortSignal): Promise<ReportSummary[]> {
  const items: ReportSummary[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', '200');
    if (cursor) params.set('cursor', cursor);
    const page = await listReports(params, signal);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

export const getReport = (reportId: string) => apiGet<ReportDetail>(reportPath(reportId));

/** The e-mails and webhooks about a report and how their delivery went. */
export const reportDeliveries = (reportId: string) => apiGet<DeliveryList>(`${reportPath(reportId)}/deliveries`);
export const reportPhotos = (reportId: string) => apiGet<PhotoList>(`${reportPath(reportId)}/photos`);

type Versioned = { id: string; version: number };

export function changeReportStatus(report: Versioned, body: ChangeStatusBody): Promise<ReportDetail> {
  return apiPostJson<ReportDetail>(`${reportPath(report.id)}/status`, body, ifMatch(report.version));
}

export function addReportNote(reportId: string, body: NoteBody): Promise<ReportDetail> {
  return apiPostJson<ReportDetail>(`${reportPath(reportId)}/notes`, body);
}

export function assignReport(report: Versioned, body: AssignBody): Promise<ReportDetail> {
  return apiPostJson<ReportDetail>(`${reportPath(report.id)}/assignment`, body, ifMatch(report.version));
}

/** Close as a duplicate of `mainReportId`; its reporter and followers then follow that report. */
export function markDuplicate(report: Versioned, mainReportId: string): Promise<ReportDetail> {
  return apiPostJson<ReportDetail>(`${reportPath(report.id)}/duplicate-of`, { mainReportId }, ifMatch(report.version));
}
