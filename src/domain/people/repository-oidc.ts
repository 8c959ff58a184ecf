import type { Queryable } from '../../db/db.ts';
import type { Role } from '../../shared/staff.ts';
import type { MappableRole } from './oidc-roles.ts';

export interface RoleMapping {
  claimValue: string;
  role: MappableRole;
}

export interface RoleMappingHit extends RoleMapping {
  municipalityCode: string;
}

export async function listRoleMappingsOf(db: Queryable, municipalityCode: string): Promise<RoleMapping[]> {
  const { rows } = await db.query<{ claim_value: string; role: MappableRole }>(
    `SELECT claim_value, role FROM oidc_role_mappings WHERE municipality_code = $1 ORDER BY claim_value COLLATE "C", role`,
    [municipalityCode],
  );
  return rows.map((row) => ({ claimValue: row.claim_value, role: row.role }));
}

export async function findRoleMappingHits(db: Queryable, claimValues: readonly string[]): Promise<RoleMappingHit[]> {
  if (claimValues.length === 0) return [];
  const { rows } = await db.query<{ municipality_code: string; claim_value: string; role: MappableRole }>(
    `SELECT municipality_code, claim_value, role FROM oidc_role_mappings WHERE claim_value = ANY($1::text[])`,
    [claimValues],
  );
  return rows.map((row) => ({ municipalityCode: row.municipality_code, claimValue: row.claim_value, role: row.role }));
}

/** Claim values of `values` that another municipality maps already. */
export async function claimValuesOfOthers(
  db: Queryable,
  municipalityCode: string,
  values: readonly string[],
): Promise<Array<{ claimValue: string; municipalityCode: string }>> {
  if (values.length === 0) return [];
  const { rows } = await db.query<{ claim_value: string; municipality_code: string }>(
    `SELECT DISTINCT claim_value, municipality_code FROM oidc_role_mappings
      WHERE municipality_code <> $1 AND claim_value = ANY($2::text[])`,
    [municipalityCode, values],
  );
  return rows.map((row) => ({ claimValue: row.claim_value, municipalityCode: row.municipality_code }));
}

export async function replaceRoleMappingsOf(
  db: Queryable,
  municipalityCode: string,
  mappings: readonly RoleMapping[],
): Promise<void> {
  await db.query('DELETE FROM oidc_role_mappings WHERE municipality_code = $1', [municipalityCode]);
  if (mappings.length === 0) return;
  await db.query(
    `INSERT INTO oidc_role_mappings (municipality_code, claim_value, role)
     SELECT $1, m.claim_value, m.role FROM unnest($2::text[], $3::text[]) AS m(claim_value, role)`,
    [municipalityCode, mappings.map((m) => m.claimValue), mappings.map((m) => m.role)],
  );
}

export interface OidcUserRow {
  id: string;
  municipalityCode: string;
  active: boolean;
  teamId: string | null;
}

export async function findUserByOidcIdentity(
  db: Queryable,
  issuer: string,
  subject: string,
): Promise<OidcUserRow | null> {
  const { rows } = await db.query<{ id: string; municipality_code: string; active: boolean; team_id: string | null }>(
    `SELECT id, municipality_code, active, team_id FROM users WHERE oidc_issuer = $1 AND oidc_subject = $2`,
    [issuer, subject],
  );
  const row = rows[0];
  return row ? { id: row.id, municipalityCode: row.municipality_code, active: row.active, teamId: row.team_id } : null;
}

export async function insertOidcUser(
  db: Queryable,
  user: { municipalityCode: string; email: string; name: string; roles: Role[]; issuer: string; subject: string },
  createdAt: Date,
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (municipality_code, email, name, roles, oidc_issuer, oidc_subject, created_at)
     VALUES ($1, $2, $3, $4::text[], $5, $6, $7) RETURNING id`,
    [user.municipalityCode, user.email, user.name, user.roles, user.issuer, user.subject, createdAt],
  );
  return rows[0]!.id;
}

/** Roles, and the name and e-mail the provider shows now (display only; a null e-mail keeps the stored one). */
export async function refreshOidcUser(
  db: Queryable,
  userId: string,
  user: { email: string | null; name: string; roles: Role[] },
): Promise<void> {
  await db.query('UPDATE users SET roles = $2::text[], name = $3, email = coalesce($4, email) WHERE id = $1', [
    userId,
    user.roles,
    user.name,
    user.email,
  ]);
}

export async function emailTakenByOther(db: Queryable, email: string, userId: string | null): Promise<boolean> {
  const { rows } = await db.query(
    'SELECT 1 FROM users WHERE lower(email) = lower($1) AND id IS DISTINCT FROM $2::uuid',
    [email, userId],
  );
  return rows.length > 0;
}

export async function insertSignInAttempt(
  db: Queryable,
  attempt: { browserHash: string; state: string; nonce: string; codeVerifier: string; expiresAt: Date },
  now: Date,
): Promise<void> {
  await db.query('DELETE FROM oidc_sign_in_attempts WHERE expires_at <= $1', [now]);
  await db.query(
    `INSERT INTO oidc_sign_in_attempts (browser_hash, state, nonce, code_verifier, expires_at)
     VALUES ($1, $2, $3, $4, $5)`,
    [attempt.browserHash, attempt.state, attempt.nonce, attempt.codeVerifier, attempt.expiresAt],
  );
}

/** Deletes and returns the attempt: whatever the callback makes of it, it cannot be used twice. */
export async function takeSignInAttempt(
  db: Queryable,
  browserHash: string,
  now: Date,
): Promise<{ state: string; nonce: string; codeVerifier: string } | null> {
  const { rows } = await db.query<{ state: string; nonce: string; code_verifier: string; expires_at: Date }>(
    'DELETE FROM oidc_sign_in_attempts WHERE browser_hash = $1 RETURNING state, nonce, code_verifier, expires_at',
    [browserHash],
  );
  const row = rows[0];
  if (!row || new Date(row.expires_at) <= now) return null;
  return { state: row.state, nonce: row.nonce, codeVerifier: row.code_verifier };
}
