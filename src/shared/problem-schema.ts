import { z } from 'zod';

/** The error document of every 4xx/5xx answer (RFC 9457 problem+json), as OpenAPI describes it. */
export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string(),
  instance: z.string().optional(),
  code: z.string().optional(),
  invalidParams: z.array(z.object({ name: z.string(), reason: z.string(), code: z.string().optional() })).optional(),
});
