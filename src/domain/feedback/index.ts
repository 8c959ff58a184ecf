/** The resident's side after intake: signed reporter links, feedback on a resolution, answers to a question. */
export {
  createReporterLinkToken,
  verifyReporterLinkToken,
  reporterLinkTokenHash,
  reporterLinkLifetimeDays,
  reporterLinkPurposes,
  reporterLinkTokenPattern,
  type ReporterLink,
  type ReporterLinkPurpose,
} from '../../shared/reporter-links.ts';
export { getFeedbackForm, submitFeedback, reopenDeadline, type LinkDeps } from './feedback.ts';
export { getAnswerForm, submitAnswer } from './answer.ts';
export { listFeedbackPeriods, setFeedbackReopenDays } from './set-feedback-reopen-days.ts';
export * from './schemas.ts';
