import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../people/index.ts';
import { listRoundRows } from './repository-presence.ts';
import type { ListRoundsQuery, Round } from './schemas.ts';
import { parseWindow } from './time-window.ts';

/** Rounds of the caller's municipality that overlap the window, newest first. */
export async function listRounds(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  query: ListRoundsQuery,
): Promise<{ items: Round[] }> {
  const window = parseWindow(query);
  const items = await listRoundRows(deps.db, deps.clock.now(), {
    municipalityCode: viewer.municipalityCode,
    districtCode: query.districtCode,
    officerId: query.officerId,
    from: window.from,
    to: window.to,
    limit: query.limit,
  });
  return { items };
}
