import { z } from 'zod';

/** What the audit log says about one action: who, what, when, which record, and how it went. Never content. */
export const auditEntrySchema = z.object({
  id: z.uuid(),
  at: z.iso.datetime({ offset: true }),
  actor: z.object({ id: z.uuid().nullable(), name: z.string() }),
  action: z.string().describe('The operation: `METHOD /api/v1/pattern` for API changes, or a named action'),
  record: z.object({ kind: z.string().nullable(), id: z.string().nullable() }),
  outcome: z.string(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** The action written for every answer that showed a reporter's contact (report detail, privacy search). */
export const REPORTER_CONTACT_VIEW = 'view reporter contact';

export const auditQuerySchema = z.object({
  userId: z.uuid().optional().describe('Only this staff member'),
  action: z.string().trim().min(1).max(200).optional().describe('Only actions containing this text'),
  recordKind: z.string().trim().min(1).max(60).optional(),
  recordId: z.string().trim().min(1).max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional().describe('From this moment (inclusive)'),
  to: z.iso.datetime({ offset: true }).optional().describe('Before this moment (exclusive)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional().describe('`nextCursor` of the previous page'),
  format: z.enum(['json', 'csv']).optional().describe('`csv` (or `Accept: text/csv`) for a download'),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const auditPageSchema = z.object({
  entries: z.array(auditEntrySchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;

/** What a caller hands in to record one action; the municipality and the moment come from the actor and the clock. */
export interface AuditRecord {
  action: string;
  record?: { kind: string | null; id: string | null } | undefined;
  outcome: string;
}
