/**
 * Monday (YYYY-MM-DD) of the week `offset` weeks from the one holding `now`, on the calendar of `timeZone`
 * (the municipality's, from ui-config; the browser's own when not given). An analyst abroad or a browser
 * set to another zone still sees the municipality's weeks, which is what the plans are stored by.
 */
export function mondayOf(now: Date, offset = 0, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' })
    .formatToParts(now)
    .reduce<Record<string, number>>((acc, part) => ({ ...acc, [part.type]: Number(part.value) }), {});
  // Calendar arithmetic on a UTC date: no zone or DST can shift it by a day.
  const day = new Date(Date.UTC(parts.year!, parts.month! - 1, parts.day! + offset * 7));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}
