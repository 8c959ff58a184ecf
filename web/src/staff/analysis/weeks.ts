/** Monday (YYYY-MM-DD, the browser's calendar) of the week `offset` weeks from the one holding `now`. */
export function mondayOf(now: Date, offset = 0): string {
  const day = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset * 7);
  day.setDate(day.getDate() - ((day.getDay() + 6) % 7));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
}
