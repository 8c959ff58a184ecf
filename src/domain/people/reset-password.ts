import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { generatePassword, hashPassword } from './passwords.ts';
import { revokeSessionsOfUser } from './repository.ts';
import { findAdminUser, setPasswordHash } from './repository-admin.ts';

/**
 * Gives a user a new one-time password, shown once to the administrator, and signs them out everywhere;
 * they must choose their own at the next sign-in. The old password stops working at once.
 */
export async function resetUserPassword(
  deps: { db: Db; clock: Clock },
  actor: StaffUser,
  userId: string,
): Promise<{ oneTimePassword: string; revokedSessions: number }> {
  const user = await findAdminUser(deps.db, actor.municipalityCode, userId);
  if (!user) throw new DomainError('not_found', 'User not found.');
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  const revokedSessions = await deps.db.transaction(async (tx) => {
    await setPasswordHash(tx, userId, passwordHash, true);
    return revokeSessionsOfUser(tx, userId, deps.clock.now());
  });
  return { oneTimePassword, revokedSessions };
}
