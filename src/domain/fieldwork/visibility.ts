import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { countMeetingsPerDistrict } from '../meetings/index.ts';
import type { StaffUser } from '../people/index.ts';
import { countContactsPerDistrict } from './repository-contacts.ts';
import { presenceHoursPerDistrict } from './repository-presence.ts';
import type { Visibility } from './schemas.ts';
import { closedWindow } from './time-window.ts';

/**
 * Visibility per district for the management overview: counted round hours (clipped to the
 * period, rounds left open capped as in repository-presence), contacts, and council meetings.
 * Only districts with any activity are listed; the overview shows the others as zero.
 */
export async function districtVisibility(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  query: { from?: string | undefined; to?: string | undefined },
): Promise<Visibility> {
  const now = deps.clock.now();
  const { from, to } = closedWindow(query, now);
  const [hours, contacts, meetings] = await Promise.all([
    presenceHoursPerDistrict(deps.db, now, viewer.municipalityCode, from, to),
    countContactsPerDistrict(deps.db, viewer.municipalityCode, from, to),
    countMeetingsPerDistrict(deps.db, viewer.municipalityCode, from, to),
  ]);
  const codes = [...new Set([...hours.keys(), ...contacts.keys(), ...meetings.keys()])].sort();
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    districts: codes.map((districtCode) => ({
      districtCode,
      hoursPresent: Math.round((hours.get(districtCode) ?? 0) * 100) / 100,
      contacts: contacts.get(districtCode) ?? 0,
      meetings: meetings.get(districtCode) ?? 0,
    })),
  };
}
