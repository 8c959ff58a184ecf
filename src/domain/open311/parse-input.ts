import type { z } from 'zod';
import { DomainError } from '../../shared/errors.ts';
import { fieldProblemsFromIssues } from '../../shared/field-problems.ts';

/** Parses request parameters; every problem comes back at once, named by the parameter (400). */
export function parseInput<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const problems = fieldProblemsFromIssues('input', parsed.error.issues).map((p) => ({
    ...p,
    name: p.name.replace(/^input\.?/, '') || 'request',
  }));
  throw new DomainError('validation', `${problems.length} parameter problem(s)`, problems);
}
