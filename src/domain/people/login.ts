import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { normaliseEmail } from './create-user.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { findLoginByEmail } from './repository.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { revokeSession, startSession } from './sessions.ts';
import {
  checkSignInThrottle,
  clearAccountFailures,
  recordSignInFailure,
  type SignInThrottle,
} from './sign-in-throttle.ts';

export type TokenType = 'cookie' | 'bearer';

/** One message for unknown e-mail, wrong password and inactive account: no user enumeration. */
const invalidCredentials = () => new DomainError('unauthenticated', 'E-mail address or password is incorrect.');

export interface LoginDeps {
  db: Queryable;
  clock: Clock;
  sessionTtlHours: number;
  /** The HTTP edge throttles failures per account and per `address`; tools that sign in locally do not. */
  throttle?: SignInThrottle;
}

export interface LoginInput {
  email: string;
  password: string;
  tokenType: TokenType;
  /** The caller's network address, for the throttle. */
  address?: string;
  /** A session this browser still presents: revoked, so a sign-in always starts a fresh session id. */
  previousToken?: string;
}

export async function login(
  deps: LoginDeps,
  input: LoginInput,
): Promise<{ user: StaffUser; token: string; expiresAt: Date }> {
  const email = normaliseEmail(input.email);
  const attempt = { email, address: input.address ?? 'local' };
  const throttle = deps.throttle ? { ...deps, throttle: deps.throttle } : null;
  if (throttle) await checkSignInThrottle(throttle, attempt);
  const found = await findLoginByEmail(deps.db, email);
  // Always run one argon2 verification, so an unknown e-mail costs as long as a wrong password.
  const passwordOk = await verifyPassword(found?.passwordHash ?? (await dummyPasswordHash()), input.password);
  if (!found || !found.passwordHash || !found.active || !passwordOk) {
    if (throttle) await recordSignInFailure(throttle, attempt);
    throw invalidCredentials();
  }
  if (throttle) await clearAccountFailures(deps, attempt);
  if (input.previousToken) await revokeSession(deps, input.previousToken);
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
