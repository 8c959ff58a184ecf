import type { Db } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { hashPassword, passwordProblems, verifyPassword } from './passwords.ts';
import { findPasswordHash, setPasswordHash } from './repository-admin.ts';

/** A signed-in user replaces their password (a one-time one included); the current one proves it is them. */
export async function changeOwnPassword(
  deps: { db: Db },
  actor: StaffUser,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const problems = passwordProblems(input.newPassword, 'newPassword');
  if (input.newPassword === input.currentPassword)
    problems.push({ name: 'newPassword', reason: 'must differ from the current password', code: 'unchanged' });
  const stored = await findPasswordHash(deps.db, actor.id);
  if (!stored || !(await verifyPassword(stored, input.currentPassword)))
    problems.push({ name: 'currentPassword', reason: 'is not your current password', code: 'incorrect' });
  if (problems.length > 0) throw new DomainError('validation', 'The password was not changed.', problems);
  await setPasswordHash(deps.db, actor.id, await hashPassword(input.newPassword), false);
}
