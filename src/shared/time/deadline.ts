/**
 * Deadlines in work days or calendar days, counted on the municipality's wall calendar.
 */
import { isWorkday } from './calendar.ts';
import { addDays, endOfLocalDay, localDateOf } from './zoned-time.ts';

export interface DeadlineRule {
  amount: number;
  unit: 'workdays' | 'days';
}

/**
 * The end (23:59:59.999 local) of the Nth work day after the day of receipt, or of
 * calendar day D+N. The day of receipt itself never counts, whatever the hour.
 */
export function computeDeadline(rule: DeadlineRule, receivedAt: Date, timeZone: string): Date {
  if (!Number.isInteger(rule.amount) || rule.amount < 1)
    throw new RangeError(`Deadline amount must be a positive integer, got ${rule.amount}`);
  const receivedOn = localDateOf(receivedAt, timeZone);
  if (rule.unit === 'days') return endOfLocalDay(addDays(receivedOn, rule.amount), timeZone);
  let day = receivedOn;
  let counted = 0;
  while (counted < rule.amount) {
    day = addDays(day, 1);
    if (isWorkday(day)) counted += 1;
  }
  return endOfLocalDay(day, timeZone);
}
