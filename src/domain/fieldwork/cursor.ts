import { DomainError } from '../../shared/errors.ts';

/** Keyset cursor for lists ordered by (moment DESC, id DESC). Opaque to clients. */
export interface Cursor {
  at: Date;
  id: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

export function decodeCursor(value: string | undefined): Cursor | null {
  if (value === undefined) return null;
  const [at, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const moment = at ? new Date(at) : null;
  // Exactly what encodeCursor wrote: V8 parses more than PostgreSQL accepts (Date.parse('1') is valid).
  const exact = moment !== null && !Number.isNaN(moment.getTime()) && moment.toISOString() === at;
  if (!exact || !id || !uuid.test(id)) {
    throw new DomainError('validation', 'The cursor is not valid; start again without it.', [
      { name: 'query.cursor', reason: 'not a cursor from this list', code: 'invalid_cursor' },
    ]);
  }
  return { at: moment, id };
}

/** Fetch limit + 1 rows; the extra one tells whether another page exists. */
export function page<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => Cursor,
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  const last = keyOf(items[items.length - 1]!);
  return { items, nextCursor: encodeCursor(last.at, last.id) };
}
