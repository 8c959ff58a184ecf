/** Time on a municipality's wall calendar: every function that needs a zone takes the municipality's zone. */
export { dutchPublicHolidays, easterSunday, isPublicHoliday, isWorkday, type PublicHoliday } from './calendar.ts';
export { computeDeadline, type DeadlineRule } from './deadline.ts';
export {
  addDays,
  endOfLocalDay,
  formatLocalDate,
  isoWeekday,
  localDateOf,
  localMinutesOf,
  minutesOfClockTime,
  zonedInstant,
  type LocalDate,
} from './zoned-time.ts';
export { dateInput, dateTimeInput, isInputYearRange, FIRST_INPUT_YEAR, LAST_INPUT_YEAR } from './input.ts';
