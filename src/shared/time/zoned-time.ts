/**
 * Calendar days and wall-clock times in a municipality's time zone, with Intl only.
 * A LocalDate is an ISO calendar date ('2026-12-01') with no zone attached.
 */
export type LocalDate = string;

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClockFromIntl(instant: Date, timeZone: string): WallClock {
  const values: Record<string, number> = {};
  for (const part of partsFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') values[part.type] = Number(part.value);
  }
  return {
    year: values.year ?? 0,
    month: values.month ?? 0,
    day: values.day ?? 0,
    hour: values.hour ?? 0,
    minute: values.minute ?? 0,
    second: values.second ?? 0,
  };
}

/** Milliseconds the wall clock is ahead of UTC at that instant (whole seconds, as Intl shows them). */
function offsetFromIntl(instantMs: number, timeZone: string): number {
  const clock = wallClockFromIntl(new Date(instantMs), timeZone);
  const shownAsUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  return shownAsUtc - Math.floor(instantMs / 1000) * 1000;
}

/**
 * A bounded memo for the pure answers below: every intake asks about the same few hours and dates, and
 * Intl (or string juggling) is the cost. Emptied when full, so memory stays bounded.
 */
function boundedMemo<V>(limit: number): (key: string, compute: () => V) => V {
  const cache = new Map<string, V>();
  return (key, compute) => {
    if (cache.has(key)) return cache.get(key)!;
    const value = compute();
    if (cache.size >= limit) cache.clear();
    cache.set(key, value);
    return value;
  };
}

const HOUR_MS = 3_600_000;
/** Per time zone and UTC hour: the offset throughout that hour, or null when it changes within it. */
const hourOffset = boundedMemo<number | null>(50_000);

/**
 * Intl is by far the most expensive step of an intake, and every intake asks about the same few
 * hours. An offset found at both ends of a UTC hour holds for the whole hour (zones change at most
 * once an hour); an hour with a change in it is answered by Intl each time.
 */
function offsetAt(instantMs: number, timeZone: string): number {
  const hourStart = Math.floor(instantMs / HOUR_MS) * HOUR_MS;
  const offset = hourOffset(`${timeZone}|${hourStart}`, () => {
    const atStart = offsetFromIntl(hourStart, timeZone);
    return atStart === offsetFromIntl(hourStart + HOUR_MS - 1, timeZone) ? atStart : null;
  });
  return offset ?? offsetFromIntl(instantMs, timeZone);
}

function wallClockAt(instant: Date, timeZone: string): WallClock {
  const instantMs = instant.getTime();
  if (!Number.isFinite(instantMs)) return wallClockFromIntl(instant, timeZone);
  const shown = new Date(Math.floor(instantMs / 1000) * 1000 + offsetAt(instantMs, timeZone));
  return {
    year: shown.getUTCFullYear(),
    month: shown.getUTCMonth() + 1,
    day: shown.getUTCDate(),
    hour: shown.getUTCHours(),
    minute: shown.getUTCMinutes(),
    second: shown.getUTCSeconds(),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function toLocalDate(year: number, month: number, day: number): LocalDate {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function parseLocalDate(date: LocalDate): { year: number; month: number; day: number } {
  const [year, month, day] = date.split('-');
  return { year: Number(year ?? 0), month: Number(month ?? 0), day: Number(day ?? 0) };
}

/** The calendar date on the municipality's wall calendar at that instant. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const clock = wallClockAt(instant, timeZone);
  return toLocalDate(clock.year, clock.month, clock.day);
}

/** Minutes since local midnight at that instant (0–1439). */
export function localMinutesOf(instant: Date, timeZone: string): number {
  const clock = wallClockAt(instant, timeZone);
  return clock.hour * 60 + clock.minute;
}

// Routing walks day by day from today to the deadline for every officer it considers: the same few
// dozen dates over and over, so the next day and the weekday of a date are remembered.
const nextDay = boundedMemo<LocalDate>(20_000);
const weekdayOf = boundedMemo<number>(20_000);

function shiftDays(date: LocalDate, days: number): LocalDate {
  const { year, month, day } = parseLocalDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  return toLocalDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return days === 1 ? nextDay(date, () => shiftDays(date, 1)) : shiftDays(date, days);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return weekdayOf(date, () => {
    const { year, month, day } = parseLocalDate(date);
    const sundayBased = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
    return sundayBased === 0 ? 7 : sundayBased;
  });
}

/**
 * The instant at which the wall clock shows `date` + `minutes` past midnight (milliseconds allowed).
 * Around a DST change the offset is re-evaluated at the candidate instant, so 23:59 on a
 * change day still gets the right offset.
 */
export function zonedInstant(date: LocalDate, minutes: number, timeZone: string, extraMs = 0): Date {
  // Routing asks for the same few work start/end instants for every officer, so they are remembered.
  return new Date(
    zonedInstantMs(`${timeZone}|${date}|${minutes}|${extraMs}`, () =>
      computeZonedInstant(date, minutes, timeZone, extraMs).getTime(),
    ),
  );
}

const zonedInstantMs = boundedMemo<number>(20_000);

function computeZonedInstant(date: LocalDate, minutes: number, timeZone: string, extraMs: number): Date {
  const { year, month, day } = parseLocalDate(date);
  const wallAsUtc = Date.UTC(year, month - 1, day) + minutes * 60_000 + extraMs;
  let candidate = wallAsUtc - offsetAt(wallAsUtc, timeZone);
  const corrected = wallAsUtc - offsetAt(candidate, timeZone);
  if (corrected !== candidate) candidate = corrected;
  return new Date(candidate);
}

/** 23:59:59.999 on the wall clock of that day. */
export function endOfLocalDay(date: LocalDate, timeZone: string): Date {
  return zonedInstant(date, 23 * 60 + 59, timeZone, 59_999);
}

/** Start of the local day (00:00). */
export function startOfLocalDay(date: LocalDate, timeZone: string): Date {
  return zonedInstant(date, 0, timeZone);
}

/** "HH:MM" → minutes since midnight. */
export function minutesOfClockTime(time: string): number {
  const [hours, minutes] = time.split(':').map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

const longDateFormats = {
  nl: new Intl.DateTimeFormat('nl-NL', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' }),
};

const formattedDate = boundedMemo<string>(20_000);

/** "dinsdag 1 december" / "Tuesday 1 December". */
export function formatLocalDate(date: LocalDate, language: 'nl' | 'en'): string {
  return formattedDate(`${language}|${date}`, () => {
    const { year, month, day } = parseLocalDate(date);
    return longDateFormats[language].format(new Date(Date.UTC(year, month - 1, day, 12)));
  });
}
