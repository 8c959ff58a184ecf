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

const HOUR_MS = 3_600_000;
const OFFSET_CACHE_LIMIT = 50_000;
/** Per time zone and UTC hour: the offset throughout that hour, or null when it changes within it. */
const hourOffsets = new Map<string, number | null>();

/**
 * Intl is by far the most expensive step of an intake, and every intake asks about the same few
 * hours. An offset found at both ends of a UTC hour holds for the whole hour (zones change at most
 * once an hour); an hour with a change in it is answered by Intl each time.
 */
function offsetAt(instantMs: number, timeZone: string): number {
  const hourStart = Math.floor(instantMs / HOUR_MS) * HOUR_MS;
  const key = `${timeZone}|${hourStart}`;
  let offset = hourOffsets.get(key);
  if (offset === undefined) {
    const atStart = offsetFromIntl(hourStart, timeZone);
    offset = atStart === offsetFromIntl(hourStart + HOUR_MS - 1, timeZone) ? atStart : null;
    if (hourOffsets.size >= OFFSET_CACHE_LIMIT) hourOffsets.clear();
    hourOffsets.set(key, offset);
  }
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
const DAY_CACHE_LIMIT = 20_000;
const nextDays = new Map<LocalDate, LocalDate>();
const weekdays = new Map<LocalDate, number>();

function remember<V>(cache: Map<LocalDate, V>, date: LocalDate, value: V): V {
  if (cache.size >= DAY_CACHE_LIMIT) cache.clear();
  cache.set(date, value);
  return value;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  if (days === 1) {
    const known = nextDays.get(date);
    if (known !== undefined) return known;
  }
  const { year, month, day } = parseLocalDate(date);
  const shifted = new Date(Date.UTC(year, month - 1, day + days));
  const result = toLocalDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
  return days === 1 ? remember(nextDays, date, result) : result;
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  const known = weekdays.get(date);
  if (known !== undefined) return known;
  const { year, month, day } = parseLocalDate(date);
  const sundayBased = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return remember(weekdays, date, sundayBased === 0 ? 7 : sundayBased);
}

/**
 * The instant at which the wall clock shows `date` + `minutes` past midnight (milliseconds allowed).
 * Around a DST change the offset is re-evaluated at the candidate instant, so 23:59 on a
 * change day still gets the right offset.
 */
export function zonedInstant(date: LocalDate, minutes: number, timeZone: string, extraMs = 0): Date {
  // Routing asks for the same few work start/end instants for every officer: Intl is the cost, so remember them.
  const key = `${timeZone}|${date}|${minutes}|${extraMs}`;
  const known = instantCache.get(key);
  if (known !== undefined) return new Date(known);
  if (instantCache.size >= INSTANT_CACHE_LIMIT) instantCache.clear();
  const instant = computeZonedInstant(date, minutes, timeZone, extraMs);
  instantCache.set(key, instant.getTime());
  return instant;
}

const INSTANT_CACHE_LIMIT = 20_000;
const instantCache = new Map<string, number>();

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

const formattedDates = new Map<string, string>();

/** "dinsdag 1 december" / "Tuesday 1 December". */
export function formatLocalDate(date: LocalDate, language: 'nl' | 'en'): string {
  const key = `${language}|${date}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    const { year, month, day } = parseLocalDate(date);
    text = longDateFormats[language].format(new Date(Date.UTC(year, month - 1, day, 12)));
    if (formattedDates.size >= OFFSET_CACHE_LIMIT) formattedDates.clear();
    formattedDates.set(key, text);
  }
  return text;
}
