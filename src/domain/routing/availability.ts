/**
 * When an officer can pick up a report, from their schedule and absences alone (pure).
 * Public holidays are no working days: the schedule describes a regular week.
 */
import {
  addDays,
  isoWeekday,
  isPublicHoliday,
  localDateOf,
  localMinutesOf,
  minutesOfClockTime,
  zonedInstant,
  type LocalDate,
} from '../../shared/time/index.ts';
import type { OfficerSnapshot, RoutingInput } from './schemas.ts';

export type Absence = OfficerSnapshot['absences'][number];

export type DayKind = 'district' | 'working';

export type DayInTime = { date: LocalDate; absence: null } | { date: null; absence: Absence | null };

/** Safety bound for deadlines far in the future: one year of days is plenty to find a working day. */
const MAX_DAYS_SCANNED = 366;

function isScheduledOn(officer: OfficerSnapshot, day: LocalDate, kind: DayKind): boolean {
  const weekday = isoWeekday(day);
  if (!officer.workingWeekdays.includes(weekday) || isPublicHoliday(day)) return false;
  return kind === 'working' || officer.districtWeekdays.includes(weekday);
}

function absenceDuring(officer: OfficerSnapshot, from: Date, to: Date): Absence | null {
  return officer.absences.find((absence) => absence.startsAt < to && absence.endsAt > from) ?? null;
}

/**
 * The first district day (or working day) from the day of receipt up to the deadline day on which the
 * officer is scheduled, the remaining working hours have not passed, and no absence overlaps them.
 * When none is found, the first absence that blocked a day explains why.
 */
export function firstDayInTime(officer: OfficerSnapshot, input: RoutingInput, kind: DayKind): DayInTime {
  const today = localDateOf(input.receivedAt, input.timeZone);
  const lastDay = localDateOf(input.deadline, input.timeZone);
  let blockingAbsence: Absence | null = null;
  let day = today;
  const startMinutes = minutesOfClockTime(officer.workStart);
  const endMinutes = minutesOfClockTime(officer.workEnd);
  for (let scanned = 0; day <= lastDay && scanned < MAX_DAYS_SCANNED; scanned += 1, day = addDays(day, 1)) {
    if (!isScheduledOn(officer, day, kind)) continue;
    const workStart = zonedInstant(day, startMinutes, input.timeZone);
    const workEnd = zonedInstant(day, endMinutes, input.timeZone);
    const from = day === today && input.receivedAt > workStart ? input.receivedAt : workStart;
    if (from >= workEnd) continue;
    const absence = absenceDuring(officer, from, workEnd);
    if (absence) {
      blockingAbsence ??= absence;
      continue;
    }
    return { date: day, absence: null };
  }
  return { date: null, absence: blockingAbsence };
}

export type DutyNow = { onDuty: true } | { onDuty: false; absence: Absence | null };

/** On a scheduled working day, within working hours, and not absent at this moment. */
export function onDutyAt(officer: OfficerSnapshot, input: RoutingInput): DutyNow {
  const now = input.receivedAt;
  const absence = absenceDuring(officer, now, new Date(now.getTime() + 1));
  if (absence) return { onDuty: false, absence };
  const today = localDateOf(now, input.timeZone);
  const minutes = localMinutesOf(now, input.timeZone);
  const withinHours = minutes >= minutesOfClockTime(officer.workStart) && minutes < minutesOfClockTime(officer.workEnd);
  return isScheduledOn(officer, today, 'working') && withinHours ? { onDuty: true } : { onDuty: false, absence: null };
}

/** Available in time for a colleague who takes over: any working day in time, or on duty now when urgent. */
export function availableInTime(
  officer: OfficerSnapshot,
  input: RoutingInput,
): { available: boolean; date: LocalDate | null } {
  if (input.urgent) return { available: onDutyAt(officer, input).onDuty, date: null };
  const day = firstDayInTime(officer, input, 'working');
  return { available: day.date !== null, date: day.date };
}
