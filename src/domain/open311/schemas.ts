import { z } from 'zod';
import { dateTimeInput } from '../../shared/time/index.ts';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) as this server speaks it. Names follow the
 * specification (snake_case), not the house style of /api/v1: clients are written against the specification.
 */
export const GEOREPORT_V2 = 'http://wiki.open311.org/GeoReport_v2';
export const open311Formats = ['json', 'xml'] as const;
export type Open311Format = (typeof open311Formats)[number];
/** "Default query limit is a span of 90 days or first 1000 requests returned, whichever is smallest." */
export const DEFAULT_SPAN_DAYS = 90;
export const MAX_REQUESTS = 1000;

// ── Input ──────────────────────────────────────────────────────────────────────
// Form fields arrive as strings; an empty field counts as not sent.
const blankToUndefined = (value: unknown) => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const field = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !value.includes('\u0000'), 'may not contain the NUL character');
const decimal = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)$/, 'a decimal number in WGS84 degrees')
    .transform(Number)
    .pipe(z.number().min(min).max(max));
const commaList = z.string().transform((value) =>
  value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean),
);
const timestamp = dateTimeInput({
  error: 'an ISO 8601 date and time with a zone, e.g. 2026-11-24T09:00:00+01:00',
});

export const jurisdictionQuerySchema = z.object({ jurisdiction_id: field(text(100).min(1)) });

/** POST requests: the fields of the specification (device_id and account_id are accepted and not kept). */
export const serviceRequestInputSchema = z.object({
  api_key: field(text(200).min(1)),
  jurisdiction_id: field(text(100).min(1)),
  service_code: field(text(60).min(1)),
  lat: field(decimal(-90, 90)),
  long: field(decimal(-180, 180)),
  address_string: field(text(300).min(1)),
  address_id: field(
    z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._:-]{1,100}$/, 'an address id from the address search'),
  ),
  email: field(z.email().max(254)),
  device_id: field(text(200)),
  account_id: field(text(200)),
  first_name: field(text(100).min(1)),
  last_name: field(text(100).min(1)),
  phone: field(text(40).min(1)),
  description: field(text(4000).min(1)),
  media_url: field(z.url({ protocol: /^https?$/, error: 'an http or https URL' }).max(2000)),
});
export type ServiceRequestInput = z.infer<typeof serviceRequestInputSchema>;

/** GET requests. With service_request_id every other filter is ignored, as the specification says. */
export const serviceRequestQuerySchema = z.object({
  jurisdiction_id: field(text(100).min(1)),
  service_request_id: field(commaList),
  service_code: field(commaList),
  start_date: field(timestamp),
  end_date: field(timestamp),
  status: field(commaList.pipe(z.array(z.enum(['open', 'closed'], { error: 'open or closed' })))),
});
export type ServiceRequestQuery = z.infer<typeof serviceRequestQuerySchema>;

// ── Output ─────────────────────────────────────────────────────────────────────
export const serviceSchema = z.object({
  service_code: z.string(),
  service_name: z.string(),
  description: z.string(),
  metadata: z.boolean(),
  type: z.literal('realtime'),
  keywords: z.string(),
  group: z.string(),
});
export type Service = z.infer<typeof serviceSchema>;

export const serviceAttributeSchema = z.object({
  variable: z.literal(true),
  code: z.string(),
  datatype: z.string(),
  required: z.boolean(),
  datatype_description: z.string().nullable(),
  order: z.number().int(),
  description: z.string(),
  values: z.array(z.object({ key: z.string(), name: z.string() })).optional(),
});
export type ServiceAttribute = z.infer<typeof serviceAttributeSchema>;

export const serviceDefinitionSchema = z.object({
  service_code: z.string(),
  attributes: z.array(serviceAttributeSchema),
});
export type ServiceDefinition = z.infer<typeof serviceDefinitionSchema>;

export const createdServiceRequestSchema = z.object({
  service_request_id: z.string(),
  service_notice: z.string(),
  account_id: z.null(),
});
export type CreatedServiceRequest = z.infer<typeof createdServiceRequestSchema>;

/**
 * A service request as anyone may read it: the fields the public map shows, in the specification's names.
 * Fields that could name or point at a person (the description, the address, the photo link, the texts
 * written to the reporter) are always null; the place is snapped to the public 10 m grid.
 */
export const serviceRequestSchema = z.object({
  service_request_id: z.string(),
  status: z.enum(['open', 'closed']),
  status_notes: z.null(),
  service_name: z.string(),
  service_code: z.string(),
  description: z.null(),
  agency_responsible: z.string(),
  service_notice: z.null(),
  requested_datetime: z.string(),
  updated_datetime: z.string(),
  expected_datetime: z.string(),
  address: z.null(),
  address_id: z.null(),
  zipcode: z.null(),
  lat: z.number(),
  long: z.number(),
  media_url: z.null(),
});
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;

export const discoverySchema = z.object({
  changeset: z.string(),
  contact: z.string(),
  key_service: z.string(),
  endpoints: z.array(
    z.object({
      specification: z.string(),
      url: z.string(),
      changeset: z.string(),
      type: z.enum(['production', 'test']),
      formats: z.array(z.string()),
    }),
  ),
});
export type Discovery = z.infer<typeof discoverySchema>;

export const open311ErrorSchema = z.object({ code: z.number().int(), description: z.string() });
export type Open311Error = z.infer<typeof open311ErrorSchema>;

/** An API client as the CLI lists it: never its key. */
export interface Open311Client {
  id: string;
  name: string;
  createdAt: Date;
  revokedAt: Date | null;
}
