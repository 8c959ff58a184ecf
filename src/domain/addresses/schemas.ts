import { z } from 'zod';

export const suggestQuerySchema = z.object({
  q: z.string().trim().min(2).max(100).describe('What the user typed: street and number, or postcode and number'),
  municipalityCode: z.string().regex(/^GM[0-9]{4}$/, 'A CBS municipality code such as GM0392'),
  limit: z.coerce.number().int().min(1).max(20).default(8),
});
export type SuggestQuery = z.infer<typeof suggestQuerySchema>;

export const suggestionListSchema = z.object({
  items: z.array(z.object({ id: z.string(), label: z.string() })),
});

export const addressParamsSchema = z.object({
  addressId: z.string().regex(/^adr-[0-9a-f]{32}$/, 'An address id from the suggestions'),
});

export const addressSchema = z.object({
  id: z.string(),
  label: z.string(),
  location: z.object({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number(), z.number()]).describe('longitude, latitude (CRS84)'),
  }),
  districtCode: z.string(),
});
export type Address = z.infer<typeof addressSchema>;
