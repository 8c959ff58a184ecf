import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { addDays, isoWeekday, localDateOf, zonedInstant } from '../../shared/time/index.ts';
import { findMunicipalityTimeZone } from '../geography/index.ts';
import { insertMeeting } from './repository.ts';

/**
 * Demo: one wijkraad meeting per district that has an officer, on a weekday evening 1–6 weeks
 * ahead, attended by the district's officer. Does nothing when the municipality has meetings.
 */
export async function seedDemoMeetings(
  deps: { db: Queryable; clock: Clock },
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
  const now = deps.clock.now();
  const today = localDateOf(now, timeZone);
  for (const [index, district] of rows.entries()) {
    let day = addDays(today, 7 + ((index * 5) % 35));
    while (isoWeekday(day) > 4) day = addDays(day, 1); // Monday to Thursday evenings
    await insertMeeting(deps.db, {
      municipalityCode,
      districtCode: district.code,
      startsAt: zonedInstant(day, 19 * 60 + 30, timeZone),
      title: `Wijkraad ${district.name}`,
      locationText: `Buurthuis ${district.name}`,
      officerId: district.owner_id,
      createdBy: district.owner_id,
      at: now,
    });
  }
  return { created: rows.length };
}
