/** The audit area: the append-only record of staff actions and of views of reporter contact. */
export { recordAuditEntry, recordSystemAuditEntry } from './record-audit-entry.ts';
export { listAuditLog, exportAuditLogCsv } from './list-audit-log.ts';
export { REPORTER_CONTACT_VIEW, type AuditEntry, type AuditRecord } from './schemas.ts';
