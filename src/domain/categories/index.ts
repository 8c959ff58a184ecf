/** The categories area: what other areas may use. */
export {
  computeDeadline,
  dutchPublicHolidays,
  easterSunday,
  isPublicHoliday,
  isWorkday,
  MUNICIPAL_TIME_ZONE,
} from './calendar.ts';
export type { DeadlineRule, PublicHoliday } from './calendar.ts';
export { findCategory, listIntakeCategories } from './repository.ts';
export { importCategoryTree, type CategoryTreeMain, type CategoryTreeSubcategory } from './import-category-tree.ts';
export type { Category, CategoryTree, Deadline } from './schemas.ts';
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
