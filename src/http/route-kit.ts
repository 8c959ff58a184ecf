/**
 * The narrow HTTP kit the areas' routes files may use (and nothing else from src/http): the app and
 * dependency types, the auth guards, the documented problem answers and the session cookie's name.
 * Routes stay beside their use cases; everything else about the HTTP adapter stays in src/http.
 */
import { z } from 'zod';

export type { App, AppDeps } from './deps.ts';
export { currentStaff, requireRoles, SESSION_COOKIE } from './auth.ts';

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

/** Documented error answers: staff endpoints (401, 403, 404) and those with input (400). */
export const staffProblems = { 401: problemSchema, 403: problemSchema, 404: problemSchema };
export const inputProblems = { 400: problemSchema, ...staffProblems };
