import { createHash, randomBytes } from 'node:crypto';
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { Role, StaffUser } from '../../shared/staff.ts';

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Starts a session and returns its secret; only the hash is stored. */
export async function startSession(
  deps: { db: Queryable; clock: Clock },
  userId: string,
  kind: 'cookie' | 'bearer',
  ttlHours: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await deps.db.query(
    'INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [hashToken(token), userId, kind, now, expiresAt],
  );
  return { token, expiresAt };
}

export async function resolveSession(deps: { db: Queryable; clock: Clock }, token: string): Promise<StaffUser | null> {
  const { rows } = await deps.db.query<{
    id: string;
    municipality_code: string;
    name: string;
    email: string;
    roles: Role[];
    team_id: string | null;
  }>(
    `SELECT u.id, u.municipality_code, u.name, u.email, u.roles, u.team_id
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active`,
    [hashToken(token), deps.clock.now()],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    name: row.name,
    email: row.email,
    roles: row.roles,
    teamId: row.team_id,
  };
}

export async function revokeSession(deps: { db: Queryable; clock: Clock }, token: string): Promise<void> {
  await deps.db.query('UPDATE sessions SET revoked_at = $2 WHERE token_hash = $1 AND revoked_at IS NULL', [
    hashToken(token),
    deps.clock.now(),
  ]);
}
