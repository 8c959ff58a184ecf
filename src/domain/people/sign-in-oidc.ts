import { createHash } from 'node:crypto';
import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { Role } from '../../shared/staff.ts';
import {
  emailTakenByOther,
  findRoleMappingHits,
  findUserByOidcIdentity,
  insertOidcUser,
  insertSignInAttempt,
  refreshOidcUser,
  takeSignInAttempt,
} from './repository-oidc.ts';
import { insertOfficerProfile } from './repository-officers.ts';
import { revokeSession, startSession } from './sessions.ts';

/** How long the identity provider may take between our redirect and its callback. */
const ATTEMPT_MINUTES = 10;
const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');

export interface OidcAttempt {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/** Keeps state, nonce and PKCE verifier on the server, for the browser that holds `browserSecret` only. */
export async function beginOidcSignIn(
  deps: { db: Db; clock: Clock },
  browserSecret: string,
  attempt: OidcAttempt,
): Promise<void> {
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + ATTEMPT_MINUTES * 60_000);
  await insertSignInAttempt(deps.db, { browserHash: sha256(browserSecret), ...attempt, expiresAt }, now);
}

export async function takeOidcSignIn(deps: { db: Db; clock: Clock }, browserSecret: string) {
  return takeSignInAttempt(deps.db, sha256(browserSecret), deps.clock.now());
}

/** What the provider vouched for, after openid-client checked the ID token (iss, aud, exp, nonce, signature). */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  email: string | null;
  name: string | null;
  claimValues: string[];
}

/** Why a checked identity may still not sign in; each has its own page. */
export type OidcRefusal = 'no_role' | 'ambiguous' | 'inactive' | 'other_municipality' | 'no_email' | 'email_taken';

export class OidcSignInRefused extends DomainError {
  constructor(readonly reason: OidcRefusal) {
    super('forbidden', `Single sign-on refused: ${reason}`);
    this.name = 'OidcSignInRefused';
  }
}

function rolesOf(identity: OidcIdentity, hits: Awaited<ReturnType<typeof findRoleMappingHits>>) {
  const municipalities = new Set(hits.map((hit) => hit.municipalityCode));
  if (municipalities.size === 0) throw new OidcSignInRefused('no_role');
  if (municipalities.size > 1) throw new OidcSignInRefused('ambiguous');
  const roles = [...new Set(hits.map((hit) => hit.role))].sort() as Role[];
  return { municipalityCode: [...municipalities][0]!, roles };
}

/**
 * Signs in (and on first sign-in provisions) the user the provider names by issuer + subject. Roles come from
 * the municipality's role mapping on every sign-in, so a change at the provider counts at the next sign-in.
 * The e-mail address and name are for display; they are never used to find the account.
 */
export async function signInWithOidc(
  deps: { db: Db; clock: Clock; sessionTtlHours: number },
  identity: OidcIdentity,
  previousToken?: string,
): Promise<{ userId: string; token: string; expiresAt: Date }> {
  const { municipalityCode, roles } = rolesOf(identity, await findRoleMappingHits(deps.db, identity.claimValues));
  const email = identity.email?.trim().toLowerCase();
  if (!email) throw new OidcSignInRefused('no_email');
  const name = identity.name?.trim() || email;
  const userId = await deps.db.transaction(async (tx) => {
    const existing = await findUserByOidcIdentity(tx, identity.issuer, identity.subject);
    if (existing && !existing.active) throw new OidcSignInRefused('inactive');
    if (existing && existing.municipalityCode !== municipalityCode) throw new OidcSignInRefused('other_municipality');
    const emailFree = !(await emailTakenByOther(tx, email, existing?.id ?? null));
    if (!existing && !emailFree) throw new OidcSignInRefused('email_taken');
    const id = existing
      ? existing.id
      : await insertOidcUser(tx, { municipalityCode, email, name, roles, ...identityKey(identity) }, deps.clock.now());
    if (existing) await refreshOidcUser(tx, id, { roles, name, email: emailFree ? email : null });
    if (roles.includes('officer')) await insertOfficerProfile(tx, id);
    return id;
  });
  if (previousToken) await revokeSession(deps, previousToken);
  const session = await startSession(deps, userId, 'cookie', deps.sessionTtlHours);
  return { userId, ...session };
}

const identityKey = (identity: OidcIdentity) => ({ issuer: identity.issuer, subject: identity.subject });
