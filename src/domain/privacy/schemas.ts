import { z } from 'zod';

const timestamp = z.string().describe('ISO 8601 timestamp with zone');

/**
 * Whom the request is about. Sent in the body of a POST, never in the URL: URLs end up in access logs, proxies and
 * browser history, and the address is exactly what must not.
 */
export const privacyRequestBodySchema = z
  .object({
    email: z.email().max(254).optional().describe('Found without regard to case or surrounding space'),
    phone: z
      .string()
      .regex(
        /^\+?[0-9 ()-]{6,20}$/,
        'A phone number has 6 to 20 digits, spaces, dashes or brackets, optionally after a +',
      )
      .optional()
      .describe('Found however it was typed: 06-12345678, +31 6 12345678, 0031 6 1234 5678 are one number'),
  })
  .refine(
    (body) => body.email !== undefined || body.phone !== undefined,
    'Send an e-mail address, a phone number or both',
  );
export type PrivacyRequestBody = z.infer<typeof privacyRequestBodySchema>;

const matchedOnSchema = z.enum(['email', 'phone']);

export const subjectReportSchema = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  status: z.string(),
  createdAt: timestamp,
  closedAt: timestamp.nullable(),
  category: z.object({ code: z.string(), name: z.string() }),
  districtCode: z.string(),
  description: z.string(),
  address: z.string().nullable(),
  matchedOn: z.array(matchedOnSchema),
  reporter: z.object({
    email: z.string().nullable(),
    phone: z.string().nullable(),
    name: z.string().nullable(),
    consentToShareWithPartners: z.boolean(),
  }),
});
export type SubjectReport = z.infer<typeof subjectReportSchema>;

export const subjectFollowSchema = z.object({
  reportId: z.uuid(),
  email: z.string(),
  language: z.enum(['nl', 'en']),
  since: timestamp,
});
export type SubjectFollow = z.infer<typeof subjectFollowSchema>;

export const subjectStaffAccountSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.string()),
  active: z.boolean(),
  publicPhone: z.string().nullable(),
  matchedOn: z.array(matchedOnSchema),
});
export type SubjectStaffAccount = z.infer<typeof subjectStaffAccountSchema>;

export const personalDataExportSchema = z
  .object({
    generatedAt: timestamp,
    municipalityCode: z.string(),
    subject: z.object({ email: z.string().nullable(), phone: z.string().nullable() }).describe('Normalised'),
    reports: z.array(subjectReportSchema).describe('Reports with this reporter contact (oldest first)'),
    follows: z.array(subjectFollowSchema).describe('Reports this e-mail address follows'),
    staffAccounts: z
      .array(subjectStaffAccountSchema)
      .describe('Staff accounts with this e-mail address or public phone number (not erased by a request: see README)'),
  })
  .describe('Everything held for the address within your municipality, as JSON');
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;

export const erasureReceiptSchema = z.object({
  requestId: z.uuid().describe('The audit row of this request'),
  erasedAt: timestamp,
  reports: z.number().int().describe('Reports whose reporter contact was erased (the reports themselves stay)'),
  follows: z.number().int().describe('Follows removed'),
  staffAccounts: z.number().int().describe('Staff accounts found; left to user management'),
});
export type ErasureReceipt = z.infer<typeof erasureReceiptSchema>;
