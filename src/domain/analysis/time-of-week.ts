import { addDays, isoWeekday, localDateOf, localMinutesOf, zonedInstant, type LocalDate } from '../categories/index.ts';

export const HOURS_PER_WEEK = 168;
const QUARTER_HOUR_MS = 900_000;

/**
 * Hour of week in local time: 0 = Monday 00:00–00:59 … 167 = Sunday 23:00–23:59.
 * Intl is asked once per UTC quarter-hour (offsets change only on quarter-hours, and the local hour
 * is constant within one), so a year of points costs at most ~35,000 Intl calls whatever their number.
 */
export function hourOfWeekFunction(timeZone: string): (epochMs: number) => number {
  const cache = new Map<number, number>();
  return (epochMs) => {
    const bucket = Math.floor(epochMs / QUARTER_HOUR_MS);
    let how = cache.get(bucket);
    if (how === undefined) {
      const instant = new Date(bucket * QUARTER_HOUR_MS);
      const weekday = isoWeekday(localDateOf(instant, timeZone));
      how = (weekday - 1) * 24 + Math.floor(localMinutesOf(instant, timeZone) / 60);
      if (cache.size > 200_000) cache.clear();
      cache.set(bucket, how);
    }
    return how;
  };
}

/** The 168 hour-of-week counts of the given instants (epoch milliseconds). */
export function timeOfWeekProfile(epochMs: ArrayLike<number>, timeZone: string): Uint32Array {
  const profile = new Uint32Array(HOURS_PER_WEEK);
  const hourOfWeek = hourOfWeekFunction(timeZone);
  for (let i = 0; i < epochMs.length; i++) profile[hourOfWeek(epochMs[i]!)]!++;
  return profile;
}

export interface Slot {
  readonly hourOfWeek: number;
  /** ISO weekday, 1 = Monday. */
  readonly weekday: number;
  readonly hour: number;
  readonly count: number;
}

/** The `top` busiest hours of the week, busiest first (ties: earlier in the week first); empty slots left out. */
export function busiestSlots(profile: ArrayLike<number>, top = 5): Slot[] {
  return Array.from(profile, (count, hourOfWeek) => ({
    hourOfWeek,
    weekday: Math.floor(hourOfWeek / 24) + 1,
    hour: hourOfWeek % 24,
    count,
  }))
    .filter((slot) => slot.count > 0)
    .sort((a, b) => b.count - a.count || a.hourOfWeek - b.hourOfWeek)
    .slice(0, top);
}

/** The start instant (epoch ms) of local 00:00 on `date` + 7k days, for k = 0 … weeks. */
export function weekStarts(firstDay: LocalDate, weeks: number, timeZone: string): number[] {
  return Array.from({ length: weeks + 1 }, (_, k) => zonedInstant(addDays(firstDay, 7 * k), 0, timeZone).getTime());
}

/** Counts per week between consecutive boundaries (instants at or after the last boundary are ignored). */
export function countsPerWeek(epochMs: ArrayLike<number>, boundaries: readonly number[]): number[] {
  const counts = new Array<number>(Math.max(0, boundaries.length - 1)).fill(0);
  for (let i = 0; i < epochMs.length; i++) {
    const t = epochMs[i]!;
    if (t < boundaries[0]! || t >= boundaries[boundaries.length - 1]!) continue;
    let lo = 0;
    let hi = boundaries.length - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (t >= boundaries[mid]!) lo = mid;
      else hi = mid;
    }
    counts[lo]!++;
  }
  return counts;
}

export interface Change {
  readonly count: number;
  readonly previous: number;
  readonly change: number;
  /** Relative change; null when the earlier count was 0. */
  readonly ratio: number | null;
}

export interface WeekTrend {
  readonly weekStart: LocalDate;
  readonly weekOverWeek: Change;
  /** Against the week that started 52 weeks (364 days) earlier: the same weekdays a year before. */
  readonly sameWeekLastYear: Change;
}

const changeOf = (count: number, previous: number): Change => ({
  count,
  previous,
  change: count - previous,
  ratio: previous === 0 ? null : (count - previous) / previous,
});

/** Week-over-week and same-week-last-year trend of the local week starting on `weekStart` (00:00). */
export function weekTrend(epochMs: ArrayLike<number>, weekStart: LocalDate, timeZone: string): WeekTrend {
  const at = (date: LocalDate) => zonedInstant(date, 0, timeZone).getTime();
  const starts = [-364, -357, -7, 0, 7].map((days) => at(addDays(weekStart, days)));
  const [lastYear = 0, , previous = 0, current = 0] = countsPerWeek(epochMs, starts);
  return {
    weekStart,
    weekOverWeek: changeOf(current, previous),
    sameWeekLastYear: changeOf(current, lastYear),
  };
}
