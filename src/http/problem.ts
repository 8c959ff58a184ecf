import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { redactUrl } from './redact.ts';
import { DomainError, type DomainErrorCode, type FieldProblem } from '../shared/errors.ts';
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

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code?: string;
  invalidParams?: FieldProblem[];
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
    title: error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'Unsupported media type' : 'Bad request',
    detail: error.message,
  });
}
