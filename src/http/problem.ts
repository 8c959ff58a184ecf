import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { redactUrl } from './redact.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { DomainError, RetryLaterError, type DomainErrorCode } from '../shared/errors.ts';
import { fieldProblemsFromIssues, type SchemaIssue } from '../shared/field-problems.ts';

/** The one table that maps domain error codes to HTTP. */
const statusByCode: Record<DomainErrorCode, { status: number; title: string }> = {
  validation: { status: 400, title: 'Invalid request' },
  not_found: { status: 404, title: 'Not found' },
  unauthenticated: { status: 401, title: 'Not signed in' },
  forbidden: { status: 403, title: 'Forbidden' },
  conflict: { status: 409, title: 'Conflict' },
  invalid_transition: { status: 409, title: 'Status change not allowed' },
  outside_municipality: { status: 422, title: 'Location outside the municipality' },
  idempotency_mismatch: { status: 422, title: 'Idempotency key reused with a different request' },
  rate_limited: { status: 429, title: 'Too many requests' },
  unavailable: { status: 503, title: 'Service unavailable' },
};

/**
 * The error document of every 4xx/5xx answer (RFC 9457 problem+json). The OpenAPI document names it `Problem`
 * and documents it as application/problem+json (src/http/openapi.ts); routes list it through route-kit.
 */
export const problemSchema = z.object({
  type: z.string().describe('A URI for the kind of problem; about:blank when the status says it all'),
  title: z.string().describe('Short summary of the kind of problem'),
  status: z.number().int().describe('The HTTP status code'),
  detail: z.string().describe('What went wrong in this case, for people'),
  instance: z.string().optional().describe('The path of the request'),
  code: z.string().optional().describe('Machine-readable kind of problem, e.g. validation or invalid_transition'),
  invalidParams: z
    .array(
      z.object({
        name: z.string().describe('Where: body.x, querystring.y, params.z or headers.h'),
        reason: z.string(),
        code: z.string().optional(),
      }),
    )
    .optional()
    .describe('Every field problem of a 400 at once'),
});

export type Problem = z.infer<typeof problemSchema>;

const statusTitles: Record<number, string> = {
  400: 'Invalid request',
  401: 'Not signed in',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  408: 'Request timeout',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal error',
  503: 'Service unavailable',
};

/** How the OpenAPI document describes an error answer with this status. */
export function problemTitle(status: number): string {
  return statusTitles[status] ?? (status >= 500 ? 'Server error' : 'Client error');
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Omit<Problem, 'type' | 'instance'>) {
  const body: Problem = { type: 'about:blank', instance: request.url.split('?')[0], ...problem };
  return reply.status(problem.status).header('content-type', 'application/problem+json; charset=utf-8').send(body);
}

/**
 * fastify-type-provider-zod hands each zod issue over as `{ instancePath: '/a/b', keyword: code, message }`;
 * the issue is rebuilt from that for the one mapping the domain uses too.
 */
function validationIssues(
  entries: ReadonlyArray<{ instancePath?: string; message?: string; keyword?: string }>,
): SchemaIssue[] {
  return entries.map((entry) => {
    const pointer = (entry.instancePath ?? '').replace(/^\//, '');
    return { path: pointer ? pointer.split('/') : [], message: entry.message ?? 'invalid', code: entry.keyword ?? '' };
  });
}

/** A restarting PostgreSQL is usually back within seconds; the pool already retried for about 4 s. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const part = error.validationContext ?? 'body';
    const invalidParams = fieldProblemsFromIssues(part, validationIssues(error.validation));
    return sendProblem(reply, request, {
      status: 400,
      title: 'Invalid request',
      detail: `${invalidParams.length} field problem(s) in the ${part}: ${invalidParams.map((p) => p.name).join(', ')}`,
      code: 'validation',
      invalidParams,
    });
  }
  if (error instanceof DomainError) {
    if (error instanceof RetryLaterError) reply.header('Retry-After', String(error.retryAfterSeconds));
    const mapped = statusByCode[error.code];
    return sendProblem(reply, request, {
      status: mapped.status,
      title: mapped.title,
      detail: error.detail,
      code: error.code,
      ...(error.fieldProblems.length > 0 ? { invalidParams: error.fieldProblems } : {}),
    });
  }
  if (isResponseSerializationError(error)) {
    request.log.error(
      { issues: error.cause.issues, url: redactUrl(request.url) },
      'response does not match its schema',
    );
    return sendProblem(reply, request, {
      status: 500,
      title: 'Internal error',
      detail: 'The server made an invalid response.',
    });
  }
  if (isDatabaseUnavailable(error)) {
    request.log.warn({ err: { type: error.name, code: error.code } }, 'database unavailable');
    return sendProblem(reply.header('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS)), request, {
      status: 503,
      title: statusByCode.unavailable.title,
      detail:
        'The database cannot be reached just now. Try again in a few seconds (a report with the same Idempotency-Key).',
      code: 'unavailable',
    });
  }
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) {
    // Log the error class and message only: request bodies may hold reporter contact data.
    request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'unhandled error');
    return sendProblem(reply, request, {
      status,
      title: 'Internal error',
      detail: 'Something went wrong on our side; nothing was changed.',
    });
  }
  if (status === 429) {
    return sendProblem(reply, request, {
      status,
      title: 'Too many requests',
      detail: 'Too many requests; try again in a minute.',
      code: 'rate_limited',
    });
  }
  return sendProblem(reply, request, {
    status,
    title: status === 400 ? 'Bad request' : problemTitle(status),
    detail: error.message,
  });
}
