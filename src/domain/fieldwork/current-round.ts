import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../people/index.ts';
import { findOpenRound } from './repository-presence.ts';
import type { Round } from './schemas.ts';

/** The caller's open round, or null; a round forgotten since yesterday shows with capped = true. */
export async function currentRound(deps: { db: Queryable; clock: Clock }, officer: StaffUser): Promise<Round | null> {
  return findOpenRound(deps.db, officer.id, deps.clock.now());
}
