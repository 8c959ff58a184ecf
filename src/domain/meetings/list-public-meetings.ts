import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { notFound } from '../../shared/errors.ts';
import { districtMunicipality, upcomingPublicMeetings } from './repository.ts';
import type { PublicMeeting } from './schemas.ts';

export const PUBLIC_MEETINGS_SHOWN = 20;

/** Upcoming meetings of a district for residents ("Mijn wijk"). */
export async function listPublicMeetings(
  deps: { db: Queryable; clock: Clock },
  districtCode: string,
): Promise<{ districtCode: string; meetings: PublicMeeting[] }> {
  if (!(await districtMunicipality(deps.db, districtCode))) throw notFound(`District ${districtCode}`);
  return {
    districtCode,
    meetings: await upcomingPublicMeetings(deps.db, districtCode, deps.clock.now(), PUBLIC_MEETINGS_SHOWN),
  };
}
