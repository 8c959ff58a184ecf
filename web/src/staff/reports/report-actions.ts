import { apiPostJson } from '../../api/client.ts';
import type { Assignee, ReportDetail, ReportStatus } from '../staff-api.ts';

const ifMatch = (version: number) => ({ 'if-match': `"${version}"` });

export function changeStatus(
  report: { id: string; version: number },
  status: ReportStatus,
  text: string,
): Promise<ReportDetail> {
  return apiPostJson(
    `/api/v1/reports/${report.id}/status`,
    { status, ...(text.trim() ? { text: text.trim() } : {}) },
    ifMatch(report.version),
  );
}

export function addNote(reportId: string, text: string): Promise<ReportDetail> {
  return apiPostJson(`/api/v1/reports/${reportId}/notes`, { text: text.trim() });
}

/** Reassign to a colleague or team, or forward to a partner organisation (the server makes that 'forwarded'). */
export function assign(
  report: { id: string; version: number },
  to: Pick<Assignee, 'kind' | 'id'>,
  text: string,
): Promise<ReportDetail> {
  return apiPostJson(
    `/api/v1/reports/${report.id}/assignment`,
    { kind: to.kind, id: to.id, ...(text.trim() ? { text: text.trim() } : {}) },
    ifMatch(report.version),
  );
}
