import { createHash } from 'node:crypto';
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { RetryLaterError } from '../../shared/errors.ts';

export interface SignInThrottle {
  failuresPerAccount: number;
  failuresPerAddress: number;
  windowMinutes: number;
}

/** Who is trying: the normalised e-mail and the caller's address, kept only as hashes. */
export interface SignInAttempt {
  email: string;
  address: string;
}

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const keysOf = (attempt: SignInAttempt) => ({
  account: sha256(`account:${attempt.email}`),
  address: sha256(`address:${attempt.address}`),
});

/**
 * Refuses (429, Retry-After) while the account or the address has too many failures in the window. Asked before
 * the password is checked, and the same for unknown and known e-mail addresses, so it reveals no account.
 * Two attempts at the same moment may both pass the check: the limit can be overshot by the concurrency of one
 * caller, which the per-address rate limit already bounds.
 */
export async function checkSignInThrottle(
  deps: { db: Queryable; clock: Clock; throttle: SignInThrottle },
  attempt: SignInAttempt,
): Promise<void> {
  const { account, address } = keysOf(attempt);
  const now = deps.clock.now();
  const windowMs = deps.throttle.windowMinutes * 60_000;
  const since = new Date(now.getTime() - windowMs);
  const { rows } = await deps.db.query<{ kind: 'account' | 'address'; failures: number; oldest: Date }>(
    `SELECT 'account' AS kind, count(*)::int AS failures, min(failed_at) AS oldest
       FROM sign_in_failures WHERE account_hash = $1 AND failed_at > $3
     UNION ALL
     SELECT 'address', count(*)::int, min(failed_at)
       FROM sign_in_failures WHERE address_hash = $2 AND failed_at > $3`,
    [account, address, since],
  );
  const limits = { account: deps.throttle.failuresPerAccount, address: deps.throttle.failuresPerAddress };
  const blocked = rows.filter((row) => row.failures >= limits[row.kind]);
  if (blocked.length === 0) return;
  // The window slides: a try counts again once the oldest failure in it has left.
  const until = Math.max(...blocked.map((row) => new Date(row.oldest).getTime() + windowMs));
  throw new RetryLaterError(
    'Too many failed sign-ins; try again later.',
    Math.max(1, Math.ceil((until - now.getTime()) / 1000)),
  );
}

export async function recordSignInFailure(
  deps: { db: Queryable; clock: Clock; throttle: SignInThrottle },
  attempt: SignInAttempt,
): Promise<void> {
  const { account, address } = keysOf(attempt);
  const now = deps.clock.now();
  const expired = new Date(now.getTime() - deps.throttle.windowMinutes * 60_000);
  await deps.db.query('DELETE FROM sign_in_failures WHERE failed_at <= $1', [expired]);
  await deps.db.query('INSERT INTO sign_in_failures (account_hash, address_hash, failed_at) VALUES ($1, $2, $3)', [
    account,
    address,
    now,
  ]);
}

/** A successful sign-in forgives the account's failures (not the address's: others may share it). */
export async function clearAccountFailures(deps: { db: Queryable }, attempt: SignInAttempt): Promise<void> {
  await deps.db.query('DELETE FROM sign_in_failures WHERE account_hash = $1', [keysOf(attempt).account]);
}
