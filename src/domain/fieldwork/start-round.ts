import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../people/index.ts';
import { closeOpenRound, findRound, insertRound } from './repository-presence.ts';
import { districtInMunicipality } from './repository-districts.ts';
import type { Round } from './schemas.ts';

const isUniqueViolation = (error: unknown) =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === '23505';

/**
 * Starts a district round. An officer has at most one open round: a round still open is
 * closed at the new start time (and counts as a round left open, see repository-presence).
 */
export async function startRound(
  deps: { db: Db; clock: Clock },
  officer: StaffUser,
  districtCode: string,
): Promise<{ round: Round; closedRound: Round | null }> {
  const now = deps.clock.now();
  if (!(await districtInMunicipality(deps.db, districtCode, officer.municipalityCode))) {
    throw new DomainError('validation', `No district ${districtCode} in this municipality.`, [
      { name: 'districtCode', reason: `no district ${districtCode} in this municipality`, code: 'unknown' },
    ]);
  }
  try {
    const ids = await deps.db.transaction(async (tx) => {
      const closedId = await closeOpenRound(tx, officer.id, now, 'next_round_started');
      const id = await insertRound(tx, {
        municipalityCode: officer.municipalityCode,
        officerId: officer.id,
        districtCode,
        startedAt: now,
      });
      return { id, closedId };
    });
    const round = await findRound(deps.db, ids.id, now);
    const closedRound = ids.closedId ? await findRound(deps.db, ids.closedId, now) : null;
    return { round: round!, closedRound };
  } catch (error) {
    // Two starts at the same moment: the database keeps one open round; the other caller retries.
    if (isUniqueViolation(error))
      throw new DomainError('conflict', 'Another round was started at the same moment; reload and try again.');
    throw error;
  }
}
