import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, type FieldProblem } from '../shared/errors.ts';

/**
 * PostgreSQL text cannot hold the NUL character: the statement fails. So every string a request carries, in its
 * path, query or body, keys included, is checked once here for every route, before validation: one 400 with a
 * field problem each, never a 500 from the database. (A lone surrogate half breaks nothing: it is stored as
 * U+FFFD on both databases, as src/domain/reports/intake.test.ts pins, so it is not refused.)
 */
function textProblem(text: string): { reason: string; code: string } | null {
  if (text.includes('\u0000')) return { reason: 'may not contain the NUL character', code: 'nul_character' };
  return null;
}

/** Walks a parsed value without recursion (the JSON parser bounds its depth; a form body has none to speak of). */
export function textProblems(part: string, root: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const todo: Array<{ name: string; value: unknown }> = [{ name: part, value: root }];
  while (todo.length > 0) {
    const { name, value } = todo.pop()!;
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) problems.push({ name, ...problem });
    } else if (value !== null && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [key, child] of Object.entries(value)) {
        const problem = textProblem(key);
        if (problem) problems.push({ name: `${name} (a key)`, ...problem });
        else todo.push({ name: `${name}.${key}`, value: child });
      }
    }
  }
  return problems.reverse();
}

export function assertTextIsStorable(request: FastifyRequest): void {
  const problems = [
    ...textProblems('params', request.params),
    ...textProblems('querystring', request.query),
    ...textProblems('body', request.body),
  ];
  if (problems.length > 0) {
    throw new DomainError(
      'validation',
      `${problems.length} field problem(s): ${problems.map((p) => p.name).join(', ')}`,
      problems,
    );
  }
}

export function registerTextCheck(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => assertTextIsStorable(request));
}
