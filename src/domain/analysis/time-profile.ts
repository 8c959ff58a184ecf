/**
 * GET /analysis/time-profile: the 168 hour-of-week counts (municipal wall clock, DST-correct), the busiest
 * slots, and two trends: the last 7 days against the 7 before them and against the same days a year before.
 */
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../people/index.ts';
import { toCsv } from './csv.ts';
import { busiestSlots } from './time-of-week.ts';
import { countEvents, hourOfWeekCounts, type EventScope } from './repository-events.ts';
import { resolveScope, type FilterInput } from './resolve-scope.ts';
import type { TimeProfile } from './schemas.ts';

const DAY_MS = 24 * 3600 * 1000;
const BUSIEST = 5;

export function hoursOfWeek(rows: ReadonlyArray<{ weekday: number; hour: number; n: number }>) {
  const hours = Array.from({ length: 168 }, (_, i) => ({ weekday: Math.floor(i / 24) + 1, hour: i % 24, count: 0 }));
  for (const { weekday, hour, n } of rows) hours[(weekday - 1) * 24 + hour]!.count += n;
  return hours;
}

async function trend(db: Queryable, scope: EventScope, currentFrom: Date, previousFrom: Date) {
  const windowMs = 7 * DAY_MS;
  const [current, previous] = await Promise.all([
    countEvents(db, { ...scope, from: currentFrom, to: new Date(currentFrom.getTime() + windowMs) }),
    countEvents(db, { ...scope, from: previousFrom, to: new Date(previousFrom.getTime() + windowMs) }),
  ]);
  return {
    current,
    previous,
    change: previous > 0 ? current / previous - 1 : null,
    currentFrom: currentFrom.toISOString(),
    previousFrom: previousFrom.toISOString(),
  };
}

export async function timeProfile(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  query: FilterInput,
): Promise<TimeProfile> {
  const { scope, applied, timeZone } = await resolveScope(deps, viewer.municipalityCode, query);
  const hours = hoursOfWeek(await hourOfWeekCounts(deps.db, scope, timeZone));
  const lastWeek = new Date(scope.to.getTime() - 7 * DAY_MS);
  return {
    filters: applied,
    timeZone,
    total: hours.reduce((sum, slot) => sum + slot.count, 0),
    hours,
    busiest: busiestSlots(
      hours.map((slot) => slot.count),
      BUSIEST,
    ).map(({ weekday, hour, count }) => ({ weekday, hour, count })),
    weekOverWeek: await trend(deps.db, scope, lastWeek, new Date(lastWeek.getTime() - 7 * DAY_MS)),
    sameWeekLastYear: await trend(deps.db, scope, lastWeek, new Date(lastWeek.getTime() - 52 * 7 * DAY_MS)),
  };
}

export function timeProfileCsv(profile: TimeProfile): string {
  return toCsv(
    ['weekday', 'hour', 'count'],
    profile.hours.map((slot) => [slot.weekday, slot.hour, slot.count]),
  );
}
