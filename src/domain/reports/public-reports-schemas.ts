import { z } from 'zod';
import { reportStatuses } from './workflow.ts';

/**
 * What the public sees of other people's reports ("Is dit dezelfde melding?", the Mijn wijk map): open
 * reports of public categories with category, status, the day reported and a place rounded to a 10 m
 * grid. Never the description or address (free text that may name people), the reporter, the assignee,
 * the tracking code (the key to the status page and photo upload) or the internal id.
 */
export const NEARBY_DEFAULT_RADIUS_METRES = 75;
export const NEARBY_MAX_RADIUS_METRES = 250;
export const NEARBY_MAX_ITEMS = 20;
export const DISTRICT_MAP_MAX_FEATURES = 1000;
/** Public places are snapped to this grid (RD New metres), and every public number derives from the snapped place. */
export const PUBLIC_GRID_METRES = 10;

const longitude = z.coerce.number().min(-180).max(180);
const latitude = z.coerce.number().min(-90).max(90);

export const nearbyQuerySchema = z.object({
  lon: longitude.describe('Longitude (CRS84)'),
  lat: latitude.describe('Latitude (CRS84)'),
  categoryCode: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .regex(/^[a-z0-9-]+$/, 'a category code: lower-case letters, digits and dashes')
    .optional()
    .describe('Subcategory (or main category) code; without it, every public category'),
  radius: z.coerce
    .number()
    .int()
    .min(1)
    .max(NEARBY_MAX_RADIUS_METRES)
    .default(NEARBY_DEFAULT_RADIUS_METRES)
    .describe(`Metres, at most ${NEARBY_MAX_RADIUS_METRES}`),
});
export type NearbyQuery = z.infer<typeof nearbyQuerySchema>;

const publicCategorySchema = z.object({ code: z.string(), nameNl: z.string(), nameEn: z.string() });
const pointSchema = z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) });
const publicStatusSchema = z.enum(reportStatuses);

export const nearbyPublicReportSchema = z.object({
  publicId: z.uuid().describe('Names the report for following; not its tracking code'),
  category: publicCategorySchema,
  status: publicStatusSchema,
  reportedDate: z.iso.date().describe('The day it was reported (municipal time)'),
  distanceMetres: z.number().int().describe('From the given point to the rounded place, to 5 m'),
  location: pointSchema.describe('CRS84, rounded to a 10 m grid'),
});
export type NearbyPublicReport = z.infer<typeof nearbyPublicReportSchema>;

export const nearbyPublicReportsSchema = z.object({
  radiusMetres: z.number().int(),
  items: z.array(nearbyPublicReportSchema),
});
export type NearbyPublicReports = z.infer<typeof nearbyPublicReportsSchema>;

export const publicDistrictParamsSchema = z.object({
  districtCode: z.string().regex(/^WK[0-9]{6}$/, 'a CBS district code, e.g. WK039209'),
});

export const districtReportFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.uuid(),
  geometry: pointSchema,
  properties: z.object({ category: publicCategorySchema, status: publicStatusSchema, reportedDate: z.iso.date() }),
});
export const districtReportCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  districtCode: z.string(),
  districtName: z.string(),
  numberMatched: z.number().int().describe('Open public reports in the district'),
  numberReturned: z.number().int().describe(`At most ${DISTRICT_MAP_MAX_FEATURES}, newest first`),
  features: z.array(districtReportFeatureSchema),
});
export type DistrictReportCollection = z.infer<typeof districtReportCollectionSchema>;

export const followReportBodySchema = z.object({
  reportId: z.uuid().describe('The publicId from the nearby list'),
  email: z.email().max(254).describe('Where updates go; stored with the report, never shown'),
  language: z.enum(['nl', 'en']).default('nl'),
});
export type FollowReportBody = z.infer<typeof followReportBodySchema>;

export const followReceiptSchema = z.object({
  reportId: z.uuid(),
  following: z.literal(true),
  status: publicStatusSchema,
});
export type FollowReceipt = z.infer<typeof followReceiptSchema>;
