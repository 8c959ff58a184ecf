import { DomainError, type DomainErrorCode } from '../../shared/errors.ts';
import type { Open311Error } from './schemas.ts';

/**
 * GeoReport v2 answers errors with a list of {code, description}, code being the HTTP status. The
 * specification's statuses differ from /api/v1's problem table in one place: a point outside the
 * jurisdiction is bad input (400), not 422.
 */
const statusByCode: Record<DomainErrorCode, number> = {
  validation: 400,
  outside_municipality: 400,
  idempotency_mismatch: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_transition: 409,
  rate_limited: 429,
  unavailable: 503,
  gone: 410,
};

/** The status and the error list for a thrown error; null for an error of our own (a 500). */
export function open311Errors(error: unknown): { status: number; errors: Open311Error[] } | null {
  if (error instanceof DomainError) {
    const status = statusByCode[error.code];
    const errors = error.fieldProblems.length
      ? error.fieldProblems.map((p) => ({ code: status, description: `${p.name}: ${p.reason}` }))
      : [{ code: status, description: error.detail }];
    return { status, errors };
  }
  const status = (error as { statusCode?: number } | null)?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const description =
      status === 429 ? 'Too many requests; try again in a minute.' : ((error as Error).message ?? 'Bad request');
    return { status, errors: [{ code: status, description }] };
  }
  return null;
}
