import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { findIdempotencyRecord, type IdempotencyRecord } from './repository.ts';

/** Who is asking: staff by user id, anonymous callers by IP; keys never collide across callers. */
export function idempotencyScope(operation: string, caller: { staffId: string | null; ip: string }): string {
  return `${operation} ${caller.staffId ? `user:${caller.staffId}` : `ip:${caller.ip}`}`;
}

const byKey = ([a]: [string, unknown], [b]: [string, unknown]) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Canonical JSON (sorted keys), so a retry with re-ordered properties still counts as the same request.
 * Iterative, with a stack of pieces still to write: a body nested thousands deep cannot run it out of stack.
 */
function canonical(root: unknown): string {
  const out: string[] = [];
  const todo: Array<{ value: unknown } | { text: string }> = [{ value: root }];
  while (todo.length > 0) {
    const item = todo.pop()!;
    if ('text' in item) {
      out.push(item.text);
      continue;
    }
    const value = item.value;
    const pieces: Array<{ value: unknown } | { text: string }> = [];
    if (Array.isArray(value)) {
      pieces.push({ text: '[' });
      value.forEach((element, i) => pieces.push(...(i > 0 ? [{ text: ',' }] : []), { value: element }));
      pieces.push({ text: ']' });
    } else if (value && typeof value === 'object') {
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(byKey);
      pieces.push({ text: '{' });
      entries.forEach(([k, v], i) => pieces.push({ text: `${i > 0 ? ',' : ''}${JSON.stringify(k)}:` }, { value: v }));
      pieces.push({ text: '}' });
    } else {
      out.push(JSON.stringify(value) ?? 'null');
      continue;
    }
    for (let i = pieces.length - 1; i >= 0; i--) todo.push(pieces[i]!);
  }
  return out.join('');
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
