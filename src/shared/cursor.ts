/**
 * Keyset cursors for lists ordered by (moment DESC, id DESC), opaque to clients.
 *
 * The moment is the timestamptz exactly as PostgreSQL prints it (`column::text`), so its microseconds
 * survive: a JavaScript Date keeps milliseconds only, and rows that share a millisecond would then be
 * skipped or repeated between pages.
 */
import { DomainError } from './errors.ts';

export interface KeysetPosition {
  /** timestamptz as PostgreSQL prints it (DateStyle ISO), e.g. `2026-11-24 08:01:00.123456+00`. */
  at: string;
  id: string;
  /** Which order the position belongs to, when a list has several (absent: the list's first order). */
  order?: string;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const postgresTimestamp =
  /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2})(\.\d{1,6})?([+-])(\d{2})(?::(\d{2}))?(?::(\d{2}))?$/;
/** PostgreSQL refuses a UTC offset beyond ±15:59:59. */
const MAX_OFFSET_HOURS = 15;

/**
 * Only the shape this codec hands out: anything V8 would parse but PostgreSQL would not (Date.parse('1')
 * is valid), or a moment no calendar has (30 February), must be a 400 here, not an error in the query.
 */
function isPostgresTimestamp(text: string): boolean {
  const match = postgresTimestamp.exec(text);
  if (!match) return false;
  const [, date, time, , , offsetHours, offsetMinutes = '00', offsetSeconds = '00'] = match;
  if (Number(offsetHours) > MAX_OFFSET_HOURS || Number(offsetMinutes) > 59 || Number(offsetSeconds) > 59) return false;
  const wallClock = `${date}T${time}`;
  const parsed = new Date(`${wallClock}Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === wallClock;
}

export function encodeCursor(position: KeysetPosition): string {
  const parts = position.order === undefined ? [position.at, position.id] : [position.at, position.id, position.order];
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/**
 * A cursor this codec did not write is a validation problem on `field` (400 invalid_cursor), never a 500. So is one
 * that names an order the list does not have (`orders`: a list with one order has none to name).
 */
export function decodeCursor(cursor: string, field = 'query.cursor', orders: readonly string[] = []): KeysetPosition {
  try {
    const decoded: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(decoded) && (decoded.length === 2 || decoded.length === 3)) {
      const [at, id, order] = decoded as unknown[];
      const orderOk = order === undefined || (typeof order === 'string' && orders.includes(order));
      if (typeof at === 'string' && isPostgresTimestamp(at) && typeof id === 'string' && uuid.test(id) && orderOk) {
        return order === undefined ? { at, id } : { at, id, order: order as string };
      }
    }
  } catch {
    // not base64url JSON: falls through to the problem below
  }
  throw new DomainError('validation', 'The cursor is not one this list handed out; start again without it.', [
    { name: field, reason: 'not a cursor from this list', code: 'invalid_cursor' },
  ]);
}

/** Rows fetched with limit + 1: the extra one tells whether another page exists, and the last shown row is the cursor. */
export function keysetPage<T>(
  rows: T[],
  limit: number,
  positionOf: (row: T) => KeysetPosition,
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(positionOf(items[items.length - 1]!)) };
}
