/**
 * The requests the proofs send: an operation of the OpenAPI document with its path filled from one
 * municipality's records and its required query and body built from the document (test/support/openapi.ts).
 */
import { operationsOf, sampleRequest, type OpenApiDocument, type Operation } from '../support/openapi.ts';
import type { Records } from './two-municipalities.ts';

export interface DocumentedOperation {
  /** "METHOD /path", the key of the access table. */
  key: string;
  method: string;
  path: string;
  operation: Operation;
}

export function documentedOperations(doc: OpenApiDocument): DocumentedOperation[] {
  return operationsOf(doc).map((entry) => ({ ...entry, key: `${entry.method} ${entry.path}` }));
}

export const pathParameters = (path: string): string[] => [...path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);

/**
 * The key of a record that stands for `{name}` only in the paths starting with `prefix`, where the record of that
 * name would not do: a reporter link is signed for one page (feedback or answer), a partner acts on a report
 * forwarded to it, an officer portrait is another photo than a report's.
 */
export const pathRecordKey = (prefix: string, name: string): string => `${prefix} {${name}}`;

/** The record that fills `{name}` in `path`: one kept for paths like it (pathRecordKey), or the one of that name. */
export function recordFor(path: string, name: string, records: Records): string | undefined {
  const special = Object.keys(records)
    .filter((key) => key.endsWith(` {${name}}`) && path.startsWith(key.slice(0, key.lastIndexOf(' '))))
    .sort((a, b) => b.length - a.length)[0];
  return special ? records[special] : records[name];
}

/** The path with every `{name}` replaced by the record of that name; throws naming a parameter without one. */
export function fillPath(path: string, records: Records): string {
  return path.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const value = recordFor(path, name, records);
    if (value === undefined)
      throw new Error(
        `${path}: no record for the path parameter {${name}}; create one in test/authz/two-municipalities.ts`,
      );
    return encodeURIComponent(value);
  });
}

export function requestFor(
  { path, operation }: DocumentedOperation,
  records: Records,
): { url: string; headers: Record<string, string>; payload?: string } {
  const withoutPath = { ...operation, parameters: operation.parameters?.filter((p) => p.in !== 'path') };
  const url = fillPath(path, records);
  try {
    return sampleRequest(url, withoutPath);
  } catch {
    // A body the sampler cannot build (a pattern it does not read): access is decided before the body is read.
    const bare = { ...withoutPath, requestBody: undefined };
    const request = sampleRequest(url, bare);
    if (!operation.requestBody) throw new Error(`${path}: no sample request`);
    return { ...request, headers: { ...request.headers, 'content-type': 'application/json' }, payload: '{}' };
  }
}

/** DELETEs after everything else, and signing out last of all: the sessions must outlive the other calls. */
export function destructiveLast(a: DocumentedOperation, b: DocumentedOperation): number {
  const weight = (op: DocumentedOperation) =>
    op.key === 'DELETE /sessions/current' ? 2 : op.method === 'DELETE' ? 1 : 0;
  return weight(a) - weight(b);
}
