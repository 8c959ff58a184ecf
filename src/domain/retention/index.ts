/** The retention area: removing personal data on time (run by src/jobs/). */
export { anonymiseReporterContact, type AnonymiseReporterContactCounts } from './anonymise-reporter-contact.ts';
export { removeClosedReportPhotos, type RemoveClosedReportPhotosCounts } from './remove-closed-report-photos.ts';
export { purgeSessions } from './purge-sessions.ts';
export { purgeUploadUsage } from './purge-upload-usage.ts';
export { purgeIdempotencyRecords, DEFAULT_IDEMPOTENCY_RETENTION_HOURS } from './purge-idempotency-records.ts';
export {
  setRetentionPeriods,
  listRetentionPeriods,
  MIN_RETENTION_DAYS,
  MAX_RETENTION_DAYS,
} from './set-retention-periods.ts';
