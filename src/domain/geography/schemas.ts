import { z } from 'zod';

export const municipalityCodeSchema = z.string().regex(/^GM\d{4}$/, 'a CBS municipality code such as GM0392');
export const districtCodeSchema = z.string().regex(/^WK\d{6}$/, 'a CBS wijkcode such as WK039201');

export const municipalityParamsSchema = z.object({ municipalityCode: municipalityCodeSchema });
export const districtParamsSchema = z.object({ districtCode: districtCodeSchema });

export const geometryQuerySchema = z.object({
  crs: z
    .string()
    .optional()
    .meta({ description: 'CRS of the output geometry: CRS84 (default), EPSG:28992 or EPSG:4258' }),
  simplify: z.coerce
    .number()
    .min(0)
    .max(1000)
    .optional()
    .meta({ description: 'simplification tolerance in metres; maps rarely need full resolution' }),
});

export const locateQuerySchema = z.object({
  lon: z.coerce.number().optional(),
  lat: z.coerce.number().optional(),
  x: z.coerce.number().optional(),
  y: z.coerce.number().optional(),
  crs: z.string().optional().meta({ description: 'CRS of x and y (EPSG:28992 or CRS84); lon/lat are always CRS84' }),
  municipalityCode: municipalityCodeSchema.optional(),
});

export const municipalitySchema = z.object({
  code: z.string(),
  name: z.string(),
  slug: z.string(),
  jurisdictionId: z.string().nullable(),
  timezone: z.string(),
  boroughCount: z.number().int(),
  districtCount: z.number().int(),
  neighbourhoodCount: z.number().int(),
  population: z.number().int().nullable(),
});

export const municipalityListSchema = z.object({ municipalities: z.array(municipalitySchema) });

export const boroughListSchema = z.object({
  boroughs: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      districtCodes: z.array(z.string()),
      population: z.number().int().nullable(),
    }),
  ),
});

const position = z.array(z.number());
const polygonGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
]);

export const districtPropertiesSchema = z.object({
  code: z.string(),
  name: z.string(),
  municipalityCode: z.string(),
  boroughCode: z.string().nullable(),
  boroughName: z.string().nullable(),
  population: z.number().int().nullable(),
});

export const districtFeatureSchema = z.object({
  type: z.literal('Feature'),
  id: z.string(),
  geometry: polygonGeometry,
  properties: districtPropertiesSchema,
});

export const districtCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(districtFeatureSchema),
});

export const neighbourhoodCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      id: z.string(),
      geometry: polygonGeometry,
      properties: z.object({ code: z.string(), name: z.string(), districtCode: z.string() }),
    }),
  ),
});

export const locatedPointSchema = z.object({
  municipalityCode: z.string(),
  districtCode: z.string(),
  districtName: z.string(),
  boroughCode: z.string().nullable(),
  boroughName: z.string().nullable(),
  neighbourhoodCode: z.string().nullable(),
  neighbourhoodName: z.string().nullable(),
});
