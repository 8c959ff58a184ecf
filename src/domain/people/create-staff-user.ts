import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { createUser } from './create-user.ts';
import { findAdminUser, type AdminUserRecord } from './repository-admin.ts';

export interface CreateStaffUserInput {
  name: string;
  email: string;
  roles: readonly string[];
  teamCode?: string | null | undefined;
}

/**
 * An administrator adds a colleague to their own municipality. No password is chosen here: a strong one is
 * generated, shown once to the administrator to hand over, and must be changed at the first sign-in
 * (no e-mail is sent, so no reset link could arrive).
 */
export async function createStaffUser(
  deps: { db: Db; clock: Clock },
  actor: StaffUser,
  input: CreateStaffUserInput,
): Promise<{ user: AdminUserRecord; oneTimePassword: string }> {
  const created = await createUser(deps, {
    municipalityCode: actor.municipalityCode,
    email: input.email,
    name: input.name,
    roles: input.roles,
    teamCode: input.teamCode ?? null,
    mustChangePassword: true,
  });
  const user = await findAdminUser(deps.db, actor.municipalityCode, created.user.id);
  if (!user || !created.generatedPassword) throw new DomainError('conflict', 'The user was not created.');
  return { user, oneTimePassword: created.generatedPassword };
}
