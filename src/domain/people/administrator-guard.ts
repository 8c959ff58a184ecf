import type { Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { lockActiveAdministrators } from './repository-admin.ts';

/**
 * A municipality without an active administrator cannot be administered any more (only from the command line):
 * refuses a change that would take the last one away. Call inside the transaction that makes the change.
 */
export async function assertAnotherAdministratorRemains(
  db: Queryable,
  municipalityCode: string,
  leavingUserId: string,
): Promise<void> {
  const administrators = await lockActiveAdministrators(db, municipalityCode);
  if (administrators.includes(leavingUserId) && administrators.length === 1)
    throw new DomainError(
      'conflict',
      'This is the last active administrator of the municipality; make someone else administrator first.',
      [
        {
          name: 'roles',
          reason: 'the municipality needs at least one active administrator',
          code: 'last_administrator',
        },
      ],
    );
}
