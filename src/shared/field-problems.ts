import type { FieldProblem } from './errors.ts';

/** What a field problem needs of a schema issue: zod's issues have it, and the HTTP adapter rebuilds it. */
export interface SchemaIssue {
  path: ReadonlyArray<PropertyKey>;
  message: string;
  code: string;
}

/**
 * The one mapping from schema issues to field problems: the name is the issue's path under `part`
 * ('body', 'query', …), dot-separated; the reason is the schema's message and the code its issue code.
 */
export function fieldProblemsFromIssues(part: string, issues: ReadonlyArray<SchemaIssue>): FieldProblem[] {
  return issues.map((issue) => ({
    name: [part, ...issue.path.map(String)].join('.'),
    reason: issue.message,
    code: issue.code,
  }));
}
