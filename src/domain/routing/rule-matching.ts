import { isoWeekday, localDateOf, localMinutesOf, minutesOfClockTime } from '../../shared/time/index.ts';
import type { RoutingInput, RuleConditions } from './schemas.ts';

const MINUTES_PER_DAY = 24 * 60;

/** [from, to) in local minutes; a window whose end is before its start wraps midnight (22:00–06:00). */
function withinTimeWindow(minutes: number, timeFrom: string | undefined, timeTo: string | undefined): boolean {
  const from = timeFrom === undefined ? 0 : minutesOfClockTime(timeFrom);
  const to = timeTo === undefined ? MINUTES_PER_DAY : minutesOfClockTime(timeTo);
  return from <= to ? minutes >= from && minutes < to : minutes >= from || minutes < to;
}

/** Every condition that is given must hold; a rule without conditions matches everything. */
export function ruleMatches(conditions: RuleConditions, input: RoutingInput): boolean {
  const { categoryCodes, districtCodes, boroughCodes, sources, weekdays, timeFrom, timeTo } = conditions;
  if (categoryCodes && !categoryCodes.some((code) => code === input.categoryCode || code === input.parentCategoryCode))
    return false;
  if (districtCodes && !districtCodes.includes(input.districtCode)) return false;
  if (boroughCodes && (input.boroughCode === null || !boroughCodes.includes(input.boroughCode))) return false;
  if (sources && !sources.includes(input.source)) return false;
  if (weekdays && !weekdays.includes(isoWeekday(localDateOf(input.receivedAt, input.timeZone)))) return false;
  if (
    (timeFrom !== undefined || timeTo !== undefined) &&
    !withinTimeWindow(localMinutesOf(input.receivedAt, input.timeZone), timeFrom, timeTo)
  ) {
    return false;
  }
  return true;
}
