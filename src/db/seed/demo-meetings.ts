import type { Db } from '../db.ts';
import type { Clock } from '../../shared/clock.ts';
import { addDays, isoWeekday, localDateOf, zonedInstant } from '../../shared/time/index.ts';
import { findMunicipalityTimeZone } from '../../domain/geography/index.ts';
import { createMeeting } from '../../domain/meetings/index.ts';
import { loadStaff } from './demo-staff.ts';

/**
 * Demo: one wijkraad meeting per district that has an officer, on a weekday evening 1–6 weeks
 * ahead, planned by (and attended by) the district's officer through the meetings area's `createMeeting`.
 * Does nothing when the municipality has meetings.
 */
export async function seedDemoMeetings(
  deps: { db: Db; clock: Clock },
  municipalityCode = 'GM0392',
): Promise<{ created: number }> {
  const existing = await deps.db.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM district_meetings WHERE municipality_code = $1',
    [municipalityCode],
  );
  if ((existing.rows[0]?.n ?? 0) > 0) return { created: 0 };
  const { rows } = await deps.db.query<{ code: string; name: string; owner_id: string }>(
    `SELECT d.code, d.name, a.owner_id FROM districts d
       JOIN district_assignments a ON a.district_code = d.code AND a.valid_to IS NULL
      WHERE d.municipality_code = $1 ORDER BY d.code`,
    [municipalityCode],
  );
  const timeZone = await findMunicipalityTimeZone(deps.db, municipalityCode);
  if (!timeZone) return { created: 0 };
  const staff = new Map((await loadStaff(deps.db, municipalityCode)).map((member) => [member.id, member]));
  const today = localDateOf(deps.clock.now(), timeZone);
  let created = 0;
  for (const [index, district] of rows.entries()) {
    const officer = staff.get(district.owner_id);
    if (!officer) continue; // an owner no longer active plans nothing
    let day = addDays(today, 7 + ((index * 5) % 35));
    while (isoWeekday(day) > 4) day = addDays(day, 1); // Monday to Thursday evenings
    await createMeeting(deps, officer, {
      districtCode: district.code,
      startsAt: zonedInstant(day, 19 * 60 + 30, timeZone).toISOString(),
      title: `Wijkraad ${district.name}`,
      locationText: `Buurthuis ${district.name}`,
      officerId: district.owner_id,
    });
    created += 1;
  }
  return { created };
}
