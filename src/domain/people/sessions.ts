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
    `INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at, last_seen_at)
     VALUES ($1, $2, $3, $4, $5, $4)`,
    [hashToken(token), userId, kind, now, expiresAt],
  );
  return { token, expiresAt };
}

/** Without a value: no idle limit (tools and tests that resolve a token outside the HTTP app). */
const DEFAULT_IDLE_MINUTES = 60;
/** last_seen_at is written at most this often, so a busy screen does not write on every request. */
const TOUCH_AFTER_MS = 60_000;

/**
 * The staff member of a live session: not revoked, before its absolute expiry, and for a cookie session used
 * within `idleMinutes` (a bearer token belongs to a tool, which has no idle moments to end).
 */
export async function resolveSession(
  deps: { db: Queryable; clock: Clock; idleMinutes?: number },
  token: string,
): Promise<StaffUser | null> {
  const now = deps.clock.now();
  const idleSince = new Date(now.getTime() - (deps.idleMinutes ?? DEFAULT_IDLE_MINUTES) * 60_000);
  const { rows } = await deps.db.query<{
    id: string;
    municipality_code: string;
    name: string;
    email: string;
    roles: Role[];
    team_id: string | null;
    kind: 'cookie' | 'bearer';
    last_seen_at: Date;
  }>(
    `SELECT u.id, u.municipality_code, u.name, u.email, u.roles, u.team_id, s.kind,
            coalesce(s.last_seen_at, s.created_at) AS last_seen_at
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND u.active
        AND (s.kind = 'bearer' OR coalesce(s.last_seen_at, s.created_at) > $3)`,
    [hashToken(token), now, idleSince],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.kind === 'cookie' && now.getTime() - new Date(row.last_seen_at).getTime() >= TOUCH_AFTER_MS) {
    await deps.db.query('UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1', [hashToken(token), now]);
  }
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
