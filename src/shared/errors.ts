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
  | 'unavailable'
  /** Something that existed and ended, e.g. an expired link (410). */
  | 'gone';

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
    /** For rate_limited and unavailable: when to try again, sent as Retry-After. */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);

/** A 429 that says when to come back (src/http/problem.ts sends it as Retry-After). */
export class RetryLaterError extends DomainError {
  constructor(detail: string, retryAfterSeconds: number) {
    super('rate_limited', detail, [], retryAfterSeconds);
    this.name = 'RetryLaterError';
  }
}
