import type { Assignee, ReportDetail, ReportStatus } from '../../api/contract.ts';
import { addReportNote, assignReport, changeReportStatus } from '../../api/staff-reports.ts';

export function changeStatus(
  report: { id: string; version: number },
  status: ReportStatus,
  text: string,
): Promise<ReportDetail> {
  return changeReportStatus(report, { status, ...(text.trim() ? { text: text.trim() } : {}) });
}

export function addNote(reportId: string, text: string): Promise<ReportDetail> {
  return addReportNote(reportId, { text: text.trim() });
}

/** Reassign to a colleague or team, or forward to a partner organisation (the server makes that 'forwarded'). */
export function assign(
  report: { id: string; version: number },
  to: Pick<Assignee, 'kind' | 'id'>,
  text: string,
): Promise<ReportDetail> {
  return assignReport(report, { kind: to.kind, id: to.id, ...(text.trim() ? { text: text.trim() } : {}) });
}
