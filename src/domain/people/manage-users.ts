import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { normaliseEmail } from './create-user.ts';
import { generatePassword, hashPassword, passwordProblems } from './passwords.ts';
import { districtsOwnedBy } from './repository-assignments.ts';
import {
  deactivateUserRow,
  findUserByEmail,
  revokeSessionsOfUser,
  updatePasswordHash,
  type UserRecord,
} from './repository.ts';

async function userByEmail(deps: { db: Db }, email: string): Promise<UserRecord> {
  const user = await findUserByEmail(deps.db, normaliseEmail(email));
  if (!user) throw new DomainError('not_found', 'No user with this e-mail address.');
  return user;
}

/** Sets a new password (generated when omitted) and signs the user out everywhere. */
export async function setUserPassword(
  deps: { db: Db; clock: Clock },
  input: { email: string; password?: string | null },
): Promise<{ user: UserRecord; generatedPassword?: string; revokedSessions: number }> {
  if (input.password) {
    const problems = passwordProblems(input.password);
    if (problems.length > 0) throw new DomainError('validation', 'The password does not meet the policy.', problems);
  }
  const user = await userByEmail(deps, input.email);
  const generatedPassword = input.password ? undefined : generatePassword();
  const passwordHash = await hashPassword(input.password || generatedPassword!);
  const revokedSessions = await deps.db.transaction(async (tx) => {
    await updatePasswordHash(tx, user.id, passwordHash);
    return revokeSessionsOfUser(tx, user.id, deps.clock.now());
  });
  return generatedPassword ? { user, generatedPassword, revokedSessions } : { user, revokedSessions };
}

/**
 * Deactivated users cannot sign in and their sessions end. Their districts stay assigned
 * (history must not be rewritten), so the caller is told which districts need a new owner.
 */
export async function deactivateUser(
  deps: { db: Db; clock: Clock },
  input: { email: string },
): Promise<{ user: UserRecord; revokedSessions: number; ownedDistrictCodes: string[] }> {
  const user = await userByEmail(deps, input.email);
  return deps.db.transaction(async (tx) => {
    await deactivateUserRow(tx, user.id);
    const revokedSessions = await revokeSessionsOfUser(tx, user.id, deps.clock.now());
    return {
      user: { ...user, active: false },
      revokedSessions,
      ownedDistrictCodes: await districtsOwnedBy(tx, user.id),
    };
  });
}
