/**
 * The core speaks in DomainError codes; src/http/problem.ts maps them to HTTP statuses.
 */
export type DomainErrorCode =
  | 'validation'
  | 'not_found'
  | 'unauthenticated'
  | 'forbidden'
  | 'conflict'
  | 'invalid_transition'
  | 'outside_municipality'
  | 'idempotency_mismatch'
  | 'rate_limited'
  | 'unavailable';

export interface FieldProblem {
  /** JSON-pointer-like path of the offending field, e.g. "location.coordinates". */
  name: string;
  reason: string;
  code?: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    readonly detail: string,
    readonly fieldProblems: FieldProblem[] = [],
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);

/** A 429 that says when to come back (src/http/problem.ts sends it as Retry-After). */
export class RetryLaterError extends DomainError {
  constructor(
    detail: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', detail);
    this.name = 'RetryLaterError';
  }
}
