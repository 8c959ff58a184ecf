/**
 * Dutch public holidays (Algemene termijnenwet, art. 3) and work days, on the municipality's wall calendar.
 */
import { addDays, isoWeekday, type LocalDate } from './zoned-time.ts';

export interface PublicHoliday {
  date: LocalDate;
  nameNl: string;
  nameEn: string;
}

/** Easter Sunday by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): LocalDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const holidayCache = new Map<number, PublicHoliday[]>();

export function dutchPublicHolidays(year: number): PublicHoliday[] {
  const cached = holidayCache.get(year);
  if (cached) return cached;
  const easter = easterSunday(year);
  const fixed = (monthDay: string) => `${year}-${monthDay}`;
  // Koningsdag moves to Saturday the 26th when the 27th is a Sunday.
  const kingsDay = isoWeekday(fixed('04-27')) === 7 ? fixed('04-26') : fixed('04-27');
  const holidays: PublicHoliday[] = [
    { date: fixed('01-01'), nameNl: 'Nieuwjaarsdag', nameEn: "New Year's Day" },
    { date: easter, nameNl: 'Eerste Paasdag', nameEn: 'Easter Sunday' },
    { date: addDays(easter, 1), nameNl: 'Tweede Paasdag', nameEn: 'Easter Monday' },
    { date: kingsDay, nameNl: 'Koningsdag', nameEn: "King's Day" },
    { date: fixed('05-05'), nameNl: 'Bevrijdingsdag', nameEn: 'Liberation Day' },
    { date: addDays(easter, 39), nameNl: 'Hemelvaartsdag', nameEn: 'Ascension Day' },
    { date: addDays(easter, 49), nameNl: 'Eerste Pinksterdag', nameEn: 'Whit Sunday' },
    { date: addDays(easter, 50), nameNl: 'Tweede Pinksterdag', nameEn: 'Whit Monday' },
    { date: fixed('12-25'), nameNl: 'Eerste Kerstdag', nameEn: 'Christmas Day' },
    { date: fixed('12-26'), nameNl: 'Tweede Kerstdag', nameEn: 'Boxing Day' },
  ].sort((x, y) => x.date.localeCompare(y.date));
  holidayCache.set(year, holidays);
  return holidays;
}

export function isPublicHoliday(date: LocalDate): boolean {
  const year = Number(date.slice(0, 4));
  return dutchPublicHolidays(year).some((holiday) => holiday.date === date);
}

/** A work day is a Monday–Friday that is not a public holiday. */
export function isWorkday(date: LocalDate): boolean {
  return isoWeekday(date) <= 5 && !isPublicHoliday(date);
}
