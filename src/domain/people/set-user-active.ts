import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { assertAnotherAdministratorRemains } from './administrator-guard.ts';
import { revokeSessionsOfUser } from './repository.ts';
import { districtsOwnedBy } from './repository-assignments.ts';
import { findAdminUser, setUserActive, type AdminUserRecord } from './repository-admin.ts';

/**
 * Deactivating ends every session of the user at once. An administrator cannot deactivate themself, nor the last
 * administrator. Their districts stay assigned (history is not rewritten); the answer names those that need a
 * new owner.
 */
export async function deactivateStaffUser(
  deps: { db: Db; clock: Clock },
  actor: StaffUser,
  userId: string,
): Promise<{ user: AdminUserRecord; revokedSessions: number; ownedDistrictCodes: string[] }> {
  if (userId === actor.id)
    throw new DomainError('conflict', 'You cannot deactivate your own account.', [
      { name: 'userId', reason: 'is your own account', code: 'self' },
    ]);
  return deps.db.transaction(async (tx) => {
    const user = await findAdminUser(tx, actor.municipalityCode, userId, { lock: true });
    if (!user) throw new DomainError('not_found', 'User not found.');
    await assertAnotherAdministratorRemains(tx, actor.municipalityCode, userId);
    await setUserActive(tx, userId, false);
    const revokedSessions = await revokeSessionsOfUser(tx, userId, deps.clock.now());
    return {
      user: { ...user, active: false },
      revokedSessions,
      ownedDistrictCodes: await districtsOwnedBy(tx, userId),
    };
  });
}

export async function reactivateStaffUser(
  deps: { db: Db },
  actor: StaffUser,
  userId: string,
): Promise<AdminUserRecord> {
  const user = await findAdminUser(deps.db, actor.municipalityCode, userId);
  if (!user) throw new DomainError('not_found', 'User not found.');
  await setUserActive(deps.db, userId, true);
  return { ...user, active: true };
}
