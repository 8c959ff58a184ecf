import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { normaliseEmail } from './create-user.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { findLoginByEmail } from './repository.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { revokeSession, startSession } from './sessions.ts';

export type TokenType = 'cookie' | 'bearer';

/** One message for unknown e-mail, wrong password and inactive account: no user enumeration. */
const invalidCredentials = () => new DomainError('unauthenticated', 'E-mail address or password is incorrect.');

export async function login(
  deps: { db: Queryable; clock: Clock; sessionTtlHours: number },
  input: { email: string; password: string; tokenType: TokenType },
): Promise<{ user: StaffUser; token: string; expiresAt: Date }> {
  const found = await findLoginByEmail(deps.db, normaliseEmail(input.email));
  // Always run one argon2 verification, so an unknown e-mail costs as long as a wrong password.
  const passwordOk = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!found || !found.passwordHash || !found.active || !passwordOk) throw invalidCredentials();
  const session = await startSession(deps, found.id, input.tokenType, deps.sessionTtlHours);
  const user: StaffUser = {
    id: found.id,
    municipalityCode: found.municipalityCode,
    name: found.name,
    email: found.email,
    roles: found.roles,
    teamId: found.teamId,
  };
  return { user, ...session };
}

/** Computes the dummy hash ahead of the first login, so even that one is not slower for an unknown e-mail. */
export function prepareLogin(): Promise<void> {
  return dummyPasswordHash().then(() => undefined);
}

export async function logout(deps: { db: Queryable; clock: Clock }, token: string): Promise<void> {
  await revokeSession(deps, token);
}
