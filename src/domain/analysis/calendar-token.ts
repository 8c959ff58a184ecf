/**
 * The per-officer calendar token: calendar apps cannot send cookies, so the `.ics` address carries a
 * random 256-bit secret. Only its sha256 is stored; creating a new one replaces (rotates) the old.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../people/index.ts';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

export async function rotateCalendarToken(
  deps: { db: Queryable; clock: Clock },
  officer: StaffUser,
): Promise<{ token: string; url: string; createdAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const createdAt = deps.clock.now();
  await deps.db.query(
    `INSERT INTO calendar_tokens (officer_id, token_hash, created_at) VALUES ($1, $2, $3)
     ON CONFLICT (officer_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = EXCLUDED.created_at`,
    [officer.id, hashOf(token), createdAt],
  );
  return {
    token,
    url: `/api/v1/patrol-plans/${officer.id}/calendar?token=${token}`,
    createdAt: createdAt.toISOString(),
  };
}

/** The officer's municipality and name when the token is theirs; otherwise a 404 that tells nothing. */
export async function officerOfCalendarToken(
  db: Queryable,
  officerId: string,
  token: string | undefined,
): Promise<{ municipalityCode: string; name: string }> {
  const { rows } = await db.query<{ token_hash: string; municipality_code: string; name: string }>(
    `SELECT t.token_hash, u.municipality_code, u.name FROM calendar_tokens t JOIN users u ON u.id = t.officer_id
      WHERE t.officer_id = $1 AND u.active`,
    [officerId],
  );
  const row = rows[0];
  const given = Buffer.from(hashOf(token ?? ''), 'hex');
  const stored = Buffer.from(row?.token_hash ?? hashOf(''), 'hex');
  if (!row || !token || !timingSafeEqual(given, stored)) throw new DomainError('not_found', 'Calendar not found');
  return { municipalityCode: row.municipality_code, name: row.name };
}
