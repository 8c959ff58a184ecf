import { z } from 'zod';
import { dateTimeInput } from '../../shared/time/index.ts';

const timestamp = z.string().describe('ISO 8601 timestamp with zone');
const districtCodeSchema = z.string().regex(/^WK[0-9]{6}$/, 'A CBS district code such as WK039201');
const titleSchema = z.string().trim().min(1).max(200);
const locationTextSchema = z
  .string()
  .trim()
  .min(1)
  .max(200)
  .describe('Where, as text: e.g. "Buurthuis De Ringvaart, Floresstraat 3"');

export const createMeetingBodySchema = z.object({
  districtCode: districtCodeSchema,
  startsAt: dateTimeInput(),
  title: titleSchema,
  locationText: locationTextSchema.optional(),
  officerId: z.uuid().optional().describe('The officer who attends; shown publicly by name'),
});
export type CreateMeetingInput = z.infer<typeof createMeetingBodySchema>;

export const updateMeetingBodySchema = z
  .object({
    districtCode: districtCodeSchema,
    startsAt: dateTimeInput(),
    title: titleSchema,
    locationText: locationTextSchema.nullable(),
    officerId: z.uuid().nullable(),
  })
  .partial()
  .refine((body) => Object.keys(body).length > 0, 'Send at least one field to change');
export type UpdateMeetingInput = z.infer<typeof updateMeetingBodySchema>;

export const meetingParamsSchema = z.object({ meetingId: z.uuid() });
export const publicDistrictParamsSchema = z.object({ districtCode: districtCodeSchema });

export const meetingSchema = z.object({
  id: z.uuid(),
  districtCode: z.string(),
  startsAt: timestamp,
  title: z.string(),
  locationText: z.string().nullable(),
  officer: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  createdBy: z.uuid(),
  createdAt: timestamp,
  updatedAt: timestamp,
});
export type Meeting = z.infer<typeof meetingSchema>;

export const listMeetingsQuerySchema = z.object({
  districtCode: districtCodeSchema.optional(),
  from: dateTimeInput().optional().describe('Default: now'),
  to: dateTimeInput().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type ListMeetingsQuery = z.infer<typeof listMeetingsQuerySchema>;
export const meetingListSchema = z.object({ items: z.array(meetingSchema) });

/** What residents see: no personal data beyond the attending officer's name. */
export const publicMeetingSchema = z.object({
  id: z.uuid(),
  startsAt: timestamp,
  title: z.string(),
  locationText: z.string().nullable(),
  officerName: z.string().nullable(),
});
export type PublicMeeting = z.infer<typeof publicMeetingSchema>;
export const publicMeetingListSchema = z.object({ districtCode: z.string(), meetings: z.array(publicMeetingSchema) });
