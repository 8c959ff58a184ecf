/**
 * The narrow HTTP kit the areas' routes files may use (and nothing else from src/http): the app and
 * dependency types, the auth guards, the documented problem answers and the session cookie's name.
 * Routes stay beside their use cases; everything else about the HTTP adapter stays in src/http.
 *
 * A route documents itself by its options (src/http/openapi.ts): a guard below in onRequest or preHandler
 * declares its security, 401 and 403; input or a POST/PUT/PATCH adds 400; a rate limit adds 429; every error
 * status is application/problem+json. So a route lists only its own answers (200, 404, 409, …).
 */
import { problemSchema } from './problem.ts';

export type { App, AppDeps } from './deps.ts';
export { currentStaff, optionalStaff, requireRoles, requireStaff, SESSION_COOKIE } from './auth.ts';
export { problemSchema } from './problem.ts';
export { auditedInUseCase } from './audit.ts';

/** Documented error answers: staff endpoints (401, 403, 404) and those with input (400). */
export const staffProblems = { 401: problemSchema, 403: problemSchema, 404: problemSchema };
export const inputProblems = { 400: problemSchema, ...staffProblems };
