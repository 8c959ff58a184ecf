import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../people/index.ts';
import { closeOpenRound, findRound } from './repository-presence.ts';
import type { Round } from './schemas.ts';

export async function stopRound(deps: { db: Queryable; clock: Clock }, officer: StaffUser): Promise<Round> {
  const now = deps.clock.now();
  const closedId = await closeOpenRound(deps.db, officer.id, now, 'stopped');
  if (!closedId) throw new DomainError('conflict', 'You have no open district round to stop.');
  const round = await findRound(deps.db, closedId, now);
  return round!;
}
