import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { findIdempotencyRecord, type IdempotencyRecord } from './repository.ts';

/** Who is asking: staff by user id, anonymous callers by IP; keys never collide across callers. */
export function idempotencyScope(operation: string, caller: { staffId: string | null; ip: string }): string {
  return `${operation} ${caller.staffId ? `user:${caller.staffId}` : `ip:${caller.ip}`}`;
}

/** Canonical JSON (sorted keys), so a retry with re-ordered properties still counts as the same request. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function requestHash(parts: Record<string, unknown>): string {
  return createHash('sha256').update(canonical(parts)).digest('hex');
}

export const maxIdempotencyKeyLength = 200;

export function checkIdempotencyKey(key: string): void {
  if (key.length === 0 || key.length > maxIdempotencyKeyLength) {
    throw new DomainError('validation', `An Idempotency-Key has 1 to ${maxIdempotencyKeyLength} characters.`, [
      { name: 'headers.idempotency-key', reason: `1 to ${maxIdempotencyKeyLength} characters`, code: 'too_long' },
    ]);
  }
}

/** The stored first result when this key was used for the same request; a different request under the key is refused. */
export async function replayFor(
  db: Queryable,
  scope: string,
  key: string,
  hash: string,
): Promise<IdempotencyRecord | null> {
  const record = await findIdempotencyRecord(db, scope, key);
  if (!record) return null;
  if (record.requestHash !== hash) {
    throw new DomainError(
      'idempotency_mismatch',
      'This Idempotency-Key was already used for a different request; use a new key for a new report.',
    );
  }
  return record;
}
