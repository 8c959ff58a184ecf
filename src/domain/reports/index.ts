/** The reports area as other areas see it. */
export {
  createReport,
  type CreateReportCommand,
  type CreateReportOutcome,
  type IntakeChannel,
} from './create-report.ts';
export { changeReportStatus, type ChangeReportStatusCommand } from './change-report-status.ts';
export { assignReport, type AssignReportCommand } from './assign-report.ts';
export { addReportNote } from './add-report-note.ts';
export { markReportDuplicate, type MarkDuplicateCommand } from './mark-duplicate.ts';
export { listReports } from './list-reports.ts';
export { listPartnerReports } from './list-partner-reports.ts';
export { acceptPartnerReport } from './accept-partner-report.ts';
export { sendBackReport } from './send-back-report.ts';
export { resolvePartnerReport } from './resolve-partner-report.ts';
export { getReport, getPublicReportStatus } from './get-report.ts';
export { rerouteOpenReportsForAbsence, type AbsenceForRerouting } from './reroute-for-absence.ts';
export {
  findReportForReporter,
  recordReporterResponse,
  REPORTER_ACTOR_LABEL,
  type ReportForReporter,
  type ReporterResponse,
} from './reporter-response.ts';
export { newTrackingCode, normaliseTrackingCode } from './tracking-code.ts';
export {
  allowedTransitions,
  assertTransition,
  canTransition,
  closedStatuses,
  isClosed,
  reportStatuses,
  reporterTextStatuses,
  statusAfterReporterAnswer,
  type ReportStatus,
} from './workflow.ts';
export * from './schemas.ts';
export { PUBLIC_GRID_METRES } from './public-reports-schemas.ts';
