import { z } from 'zod';
import { dateTimeInput } from '../../shared/time/index.ts';
import { pointGeometrySchema } from '../geography/index.ts';
import { reportStatuses } from './workflow.ts';

/** `signalen`: taken over from Signalen by `wijkpost import signalen` (migration 0150), never through intake. */
export const reportSources = ['web', 'phone', 'street', 'email', 'partner', 'open311', 'signalen'] as const;
export type ReportSource = (typeof reportSources)[number];
/** The sources a report can be filed with through POST /api/v1/reports. */
export const intakeSources = [
  'web',
  'phone',
  'street',
  'email',
  'partner',
  'open311',
] as const satisfies readonly ReportSource[];
export const assigneeKinds = ['officer', 'team', 'partner', 'queue'] as const;
export type AssigneeKind = (typeof assigneeKinds)[number];

// PostgreSQL text cannot hold the NUL character: refuse it as a field problem, not a failed insert.
const withoutNul = (text: string) => !text.includes('\u0000');
const noNulMessage = 'may not contain the NUL character';
const timestamp = z.string().describe('ISO 8601 timestamp with zone');
const reportStatusSchema = z.enum(reportStatuses);

// ── Intake ─────────────────────────────────────────────────────────────────────
export const reporterSchema = z.object({
  email: z.email().max(254).optional(),
  phone: z
    .string()
    .regex(
      /^\+?[0-9 ()-]{6,20}$/,
      'A phone number has 6 to 20 digits, spaces, dashes or brackets, optionally after a +',
    )
    .optional(),
  name: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .refine(withoutNul, noNulMessage)
    .optional()
    .describe("The reporter's name; reporter contact like e-mail and phone"),
  consentToShareWithPartners: z.boolean(),
  language: z
    .enum(['nl', 'en'])
    .optional()
    .describe('The language of the e-mails to the reporter (the confirmation, updates); nl when absent'),
});

export const createReportBodySchema = z.object({
  category: z.string().trim().min(1).max(100).describe('Subcategory code, e.g. hondenpoep'),
  description: z.string().trim().min(1).max(1000).refine(withoutNul, noNulMessage),
  occurredAt: dateTimeInput().optional().describe('When the nuisance happened; not in the future'),
  source: z.enum(intakeSources).optional().describe('web (default); phone for the contact centre, street for officers'),
  location: pointGeometrySchema.describe('GeoJSON Point; CRS84 unless the Content-Crs header says EPSG:28992'),
  address: z.string().trim().min(1).max(300).refine(withoutNul, noNulMessage).optional(),
  reporter: reporterSchema.optional(),
});
export type CreateReportBody = z.infer<typeof createReportBodySchema>;

const assigneeSchema = z.object({ kind: z.enum(assigneeKinds), id: z.uuid(), name: z.string() });
const codeAndName = z.object({ code: z.string(), name: z.string() });

export const createdReportSchema = z.object({
  id: z.uuid(),
  trackingCode: z.string(),
  status: reportStatusSchema,
  createdAt: timestamp,
  deadline: timestamp,
  category: codeAndName,
  district: codeAndName,
  assignee: assigneeSchema,
  routing: z.object({ rule: z.string(), reason: z.object({ nl: z.string(), en: z.string() }) }),
});
export type CreatedReport = z.infer<typeof createdReportSchema>;

// ── Changes ────────────────────────────────────────────────────────────────────
export const reportIdParamsSchema = z.object({ reportId: z.uuid() });
export const ifMatchHeadersSchema = z.object({
  'if-match': z
    .string()
    .optional()
    .describe('The version (ETag) last read; the change is refused if the report changed since'),
});

export const changeStatusBodySchema = z.object({
  status: reportStatusSchema,
  text: z.string().trim().min(1).max(2000).optional(),
});
export const assignBodySchema = z.object({
  kind: z.enum(assigneeKinds),
  id: z.uuid(),
  text: z.string().trim().min(1).max(2000).optional(),
});
export const noteBodySchema = z.object({ text: z.string().trim().min(1).max(2000) });
export const duplicateBodySchema = z.object({
  mainReportId: z.uuid().describe('The open report this one duplicates; its followers get this reporter too'),
});

// ── Reading ────────────────────────────────────────────────────────────────────
const statusList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .pipe(z.array(reportStatusSchema));

const bboxSchema = z
  .string()
  .transform((value) => value.split(',').map((part) => Number(part.trim())))
  .pipe(
    z
      .array(z.number().finite())
      .length(4, 'bbox is minLon,minLat,maxLon,maxLat (or minX,minY,maxX,maxY in bboxCrs)')
      .refine(([minX, minY, maxX, maxY]) => minX! < maxX! && minY! < maxY!, 'bbox minimum must be below its maximum'),
  );

const sourceList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) =>
    (Array.isArray(value) ? value : [value])
      .flatMap((v) => v.split(','))
      .map((v) => v.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(reportSources)));

/** deadline: soonest first; created and updated: newest first. Each keeps its own keyset order. */
export const reportSorts = ['created', 'deadline', 'updated'] as const;
export type ReportSort = (typeof reportSorts)[number];

export const listReportsQuerySchema = z.object({
  districtCode: z.string().optional(),
  boroughCode: z.string().optional(),
  assigneeKind: z.enum(assigneeKinds).optional().describe('The holder: officer, team, partner or queue'),
  assigneeId: z.uuid().optional().describe('The holder (with assigneeKind, one holder of that kind)'),
  heldByMe: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe('Only what I hold: assigned to me, to my team, or to the queue of a coordinator group I coordinate'),
  status: statusList.optional().describe('Repeat the parameter or give a comma-separated list'),
  source: sourceList.optional().describe('Repeat the parameter or give a comma-separated list'),
  categoryCode: z.string().optional(),
  search: z
    .string()
    .trim()
    .min(2)
    .max(100)
    .optional()
    .describe('A tracking code as typed (any case, with or without dashes) or part of the address'),
  sort: z.enum(reportSorts).default('created').describe('created or updated: newest first; deadline: soonest first'),
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  createdFrom: dateTimeInput().optional(),
  createdTo: dateTimeInput().optional(),
  bbox: bboxSchema.optional(),
  bboxCrs: z.string().optional().describe('CRS of bbox; CRS84 by default'),
  crs: z.string().optional().describe('CRS of returned locations; CRS84 by default'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type ListReportsQuery = z.infer<typeof listReportsQuerySchema>;

export const listPartnerReportsQuerySchema = listReportsQuerySchema.pick({
  status: true,
  overdue: true,
  crs: true,
  limit: true,
  cursor: true,
});
export type ListPartnerReportsQuery = z.infer<typeof listPartnerReportsQuerySchema>;

const partnerText = z.string().trim().min(1).max(4000);
export const sendBackBodySchema = z.object({
  reason: partnerText.describe('Why the partner returns the report; the officer reads it in the history'),
});
export const resolveByPartnerBodySchema = z.object({
  textForReporter: partnerText.describe('What the reporter is told about the resolution'),
});

const pointOut = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) });

export const reportSummarySchema = z.object({
  id: z.uuid(),
  trackingCode: z
    .string()
    .optional()
    .describe('Only for officers, coordinators, team managers, contact-centre agents and administrators'),
  status: reportStatusSchema,
  source: z.enum(reportSources),
  urgent: z.boolean(),
  overdue: z.boolean(),
  description: z.string(),
  category: codeAndName,
  district: codeAndName,
  boroughCode: z.string().nullable(),
  neighbourhoodCode: z.string().nullable(),
  assignee: assigneeSchema,
  location: pointOut,
  address: z.string().nullable(),
  createdAt: timestamp,
  updatedAt: timestamp,
  deadline: timestamp,
  closedAt: timestamp.nullable(),
  version: z.number().int(),
});
export type ReportSummary = z.infer<typeof reportSummarySchema>;

export const reportListSchema = z.object({ items: z.array(reportSummarySchema), nextCursor: z.string().nullable() });
export type ReportList = z.infer<typeof reportListSchema>;

export const historyActorKinds = ['staff', 'reporter', 'system'] as const;

export const historyEntrySchema = z.object({
  at: timestamp,
  actor: z.object({
    id: z.uuid().nullable(),
    label: z.string().describe('The staff name at the time; "melder" for the reporter'),
    kind: z.enum(historyActorKinds).describe('staff, the reporter (resident), or a system or client'),
  }),
  action: z
    .string()
    .describe('created, status_changed, note, assigned, forwarded, rerouted, duplicate_of, duplicate_linked, …'),
  fromStatus: reportStatusSchema.nullable().describe('Null unless the entry changed the status'),
  toStatus: reportStatusSchema.nullable().describe('Null unless the entry changed the status (or created the report)'),
  text: z.string().nullable(),
  holder: assigneeSchema.nullable().describe('For an assignment, forward or re-routing: the new holder, by name'),
  data: z.record(z.string(), z.unknown()),
});

export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const reportDetailSchema = reportSummarySchema.extend({
  occurredAt: timestamp.nullable(),
  routing: z.object({ rule: z.string(), reason: z.object({ nl: z.string(), en: z.string() }) }),
  reporter: z
    .object({
      email: z.string().nullable(),
      phone: z.string().nullable(),
      name: z.string().optional().describe('Only when the reporter gave one'),
      consentToShareWithPartners: z.boolean(),
    })
    .nullable()
    .describe('Only staff who talk to the reporter about the report; never partners'),
  mediaUrl: z.string().optional().describe('A link to a photo, as an Open311 client sent it (never fetched)'),
  answers: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe("Answers to the category's extra questions, by question code"),
  createdBy: z.uuid().nullable(),
  duplicateOf: z.uuid().nullable().describe('The main report, when this one was closed as its duplicate'),
  partnerContact: z
    .object({ name: z.string(), phone: z.string().nullable(), email: z.string().nullable() })
    .nullable()
    .describe('When a partner organisation holds the report: its contact person, for the officers'),
  history: z.array(historyEntrySchema).describe("Partners get no notes but their own organisation's"),
});
export type ReportDetail = z.infer<typeof reportDetailSchema>;

export const reporterTextSchema = z.object({ text: z.string(), at: timestamp });

export const trackingCodeParamsSchema = z.object({ trackingCode: z.string().min(1).max(40) });
export const publicReportStatusSchema = z.object({
  trackingCode: z.string(),
  status: reportStatusSchema,
  category: z.object({ name: z.string() }),
  createdAt: timestamp,
  updatedAt: timestamp,
  deadline: timestamp,
  closedAt: timestamp.nullable(),
  reporterText: reporterTextSchema
    .nullable()
    .describe(
      'The latest explanation written for the reporter (on resolving, cancelling, reopening or asking a question); never internal notes',
    ),
});
export type PublicReportStatus = z.infer<typeof publicReportStatusSchema>;
