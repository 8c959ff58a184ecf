import { z } from 'zod';

/**
 * The years a date or moment in a request may fall in. ISO 8601 strings such as `0001-01-01T00:00:00+14:00` (year 0
 * in UTC) or `9999-12-31T23:59:59-12:00` (year 10000) are valid to zod but not to PostgreSQL, which refused them in
 * a statement: a 500 on a dozen routes, found by the hostile-input proof. Wijkpost's reports, meetings, absences,
 * plans and periods are about now: these bounds are far wider than any of them needs, and keep the week or period a
 * use case computes from a request inside what PostgreSQL and `Date.toISOString` write.
 */
export const FIRST_INPUT_YEAR = 1900;
export const LAST_INPUT_YEAR = 2999;

export function isInputYearRange(text: string): boolean {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return true; // the format check reports it
  const year = new Date(ms).getUTCFullYear();
  return year >= FIRST_INPUT_YEAR && year <= LAST_INPUT_YEAR;
}

const outOfRange = `a moment in the years ${FIRST_INPUT_YEAR}–${LAST_INPUT_YEAR}`;

/** An ISO 8601 date-time with a zone, in the years Wijkpost accepts. */
export function dateTimeInput(params?: Parameters<typeof z.iso.datetime>[0]) {
  return z.iso.datetime({ offset: true, ...(typeof params === 'object' ? params : {}) }).refine(isInputYearRange, {
    message: outOfRange,
  });
}

/** An ISO 8601 date (YYYY-MM-DD) in the years Wijkpost accepts. */
export function dateInput(params?: Parameters<typeof z.iso.date>[0]) {
  return z.iso
    .date(params)
    .refine(isInputYearRange, { message: `a date in the years ${FIRST_INPUT_YEAR}–${LAST_INPUT_YEAR}` });
}
