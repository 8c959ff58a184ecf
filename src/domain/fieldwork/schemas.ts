import { z } from 'zod';
import { dateTimeInput } from '../../shared/time/index.ts';
import { pointGeometrySchema } from '../geography/index.ts';

const timestampInput = dateTimeInput();
const timestamp = z.string().describe('ISO 8601 timestamp with zone');
export const districtCodeSchema = z.string().regex(/^WK[0-9]{6}$/, 'A CBS district code such as WK039201');
export const categoryCodeSchema = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'A subcategory code such as hondenpoep')
  .max(60);
const limitSchema = z.coerce.number().int().min(1).max(1000).default(200);
const cursorSchema = z.string().max(200).describe('nextCursor of the previous page');

const crs84PointSchema = z.object({
  type: z.literal('Point'),
  coordinates: z.tuple([z.number(), z.number()]).describe('longitude, latitude (CRS84)'),
});

/** Time-window filter shared by the lists: from inclusive, to exclusive. */
const windowQuery = {
  from: timestampInput.optional().describe('From this moment (inclusive)'),
  to: timestampInput.optional().describe('Until this moment (exclusive)'),
};

// ── Observations ───────────────────────────────────────────────────────────────
export const logObservationBodySchema = z.object({
  categoryCode: categoryCodeSchema,
  location: pointGeometrySchema,
  observedAt: timestampInput.optional().describe('When the officer saw it; default now; not in the future'),
  note: z.string().trim().min(1).max(500).optional(),
});
export type LogObservationInput = z.infer<typeof logObservationBodySchema>;

export const observationSchema = z.object({
  id: z.uuid(),
  officerId: z.uuid(),
  officerName: z.string(),
  categoryCode: z.string(),
  location: crs84PointSchema,
  districtCode: z.string(),
  neighbourhoodCode: z.string().nullable(),
  observedAt: timestamp,
  note: z.string().nullable(),
  photoCount: z.number().int(),
  createdAt: timestamp,
});
export type Observation = z.infer<typeof observationSchema>;

export const listObservationsQuerySchema = z.object({
  districtCode: districtCodeSchema.optional(),
  officerId: z.uuid().optional(),
  categoryCode: categoryCodeSchema.optional(),
  ...windowQuery,
  limit: limitSchema,
  cursor: cursorSchema.optional(),
});
export type ListObservationsQuery = z.infer<typeof listObservationsQuerySchema>;
export const observationListSchema = z.object({ items: z.array(observationSchema), nextCursor: z.string().nullable() });
export type ObservationList = z.infer<typeof observationListSchema>;

// ── Contacts ───────────────────────────────────────────────────────────────────
export const counterparts = [
  'resident',
  'shopkeeper',
  'school',
  'district_council',
  'partner',
  'organisation',
  'other',
] as const;
export type Counterpart = (typeof counterparts)[number];

export const logContactBodySchema = z.object({
  counterpart: z.enum(counterparts).describe('With whom the officer talked'),
  topic: z
    .string()
    .trim()
    .min(1)
    .max(200)
    .describe(
      'What the talk was about, in a few words. NO PERSONAL DATA: no names, addresses, phone numbers or e-mail addresses.',
    ),
  districtCode: districtCodeSchema,
  occurredAt: timestampInput.optional().describe('Default now; not in the future'),
  partnerTeamId: z.uuid().optional().describe('The partner organisation (team of kind partner) talked to'),
});
export type LogContactInput = z.infer<typeof logContactBodySchema>;

export const contactSchema = z.object({
  id: z.uuid(),
  officerId: z.uuid(),
  officerName: z.string(),
  counterpart: z.enum(counterparts),
  topic: z.string(),
  districtCode: z.string(),
  occurredAt: timestamp,
  partnerTeamId: z.uuid().nullable(),
  createdAt: timestamp,
});
export type Contact = z.infer<typeof contactSchema>;

export const listContactsQuerySchema = z.object({
  districtCode: districtCodeSchema.optional(),
  officerId: z.uuid().optional(),
  counterpart: z.enum(counterparts).optional(),
  ...windowQuery,
  limit: limitSchema,
  cursor: cursorSchema.optional(),
});
export type ListContactsQuery = z.infer<typeof listContactsQuerySchema>;
export const contactListSchema = z.object({ items: z.array(contactSchema), nextCursor: z.string().nullable() });
export type ContactList = z.infer<typeof contactListSchema>;

// ── Presence ───────────────────────────────────────────────────────────────────
export const startRoundBodySchema = z.object({ districtCode: districtCodeSchema });

export const roundSchema = z.object({
  id: z.uuid(),
  officerId: z.uuid(),
  officerName: z.string(),
  districtCode: z.string(),
  startedAt: timestamp,
  endedAt: timestamp.nullable(),
  endedReason: z.enum(['stopped', 'next_round_started']).nullable(),
  countedUntil: timestamp.describe(
    "Where the round stops counting: its end, or for a round left open the officer's work end that day, and never more than 8 hours",
  ),
  countedHours: z.number(),
  capped: z.boolean().describe('True when the round counts less than it ran (left open, or longer than 8 hours)'),
});
export type Round = z.infer<typeof roundSchema>;
export const currentRoundSchema = z.object({ round: roundSchema.nullable() });
export const startedRoundSchema = z.object({ round: roundSchema, closedRound: roundSchema.nullable() });

export const listRoundsQuerySchema = z.object({
  districtCode: districtCodeSchema.optional(),
  officerId: z.uuid().optional(),
  ...windowQuery,
  limit: limitSchema,
});
export type ListRoundsQuery = z.infer<typeof listRoundsQuerySchema>;
export const roundListSchema = z.object({ items: z.array(roundSchema) });

// ── Visibility ─────────────────────────────────────────────────────────────────
export const visibilityQuerySchema = z.object({
  from: timestampInput.optional().describe('Default: 28 days before `to`'),
  to: timestampInput.optional().describe('Default: now'),
});
export const districtVisibilitySchema = z.object({
  districtCode: z.string(),
  hoursPresent: z.number().describe('Hours of district rounds within the period, rounded to 0.01'),
  contacts: z.number().int(),
  meetings: z.number().int().describe('District council meetings held in the period'),
});
export const visibilitySchema = z.object({
  from: timestamp,
  to: timestamp,
  districts: z.array(districtVisibilitySchema),
});
export type Visibility = z.infer<typeof visibilitySchema>;
