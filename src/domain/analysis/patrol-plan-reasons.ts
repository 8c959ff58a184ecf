/**
 * The reason of a patrol visit in Dutch and English (pure): "hier 14 meldingen hondenpoep in 4 weken,
 * vooral di 8–10 u" — the reports in the cell in the last weeks, the most frequent subcategory, and the
 * busiest two-hour stretch of the week.
 */

const WEEKDAYS = {
  nl: ['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo'],
  en: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
};

export interface CellFacts {
  reports: number;
  weeks: number;
  topCategory: { nameNl: string; nameEn: string; n: number } | null;
  /** 168 counts, Monday 00–01 first. */
  hourOfWeek: ArrayLike<number>;
}

/** The busiest two consecutive hours within one day: weekday 1–7 and the first hour; null without events. */
export function busiestTwoHours(hourOfWeek: ArrayLike<number>): { weekday: number; hour: number } | null {
  let best: { weekday: number; hour: number; n: number; first: number } | null = null;
  for (let d = 0; d < 7; d++)
    for (let h = 0; h < 23; h++) {
      const first = hourOfWeek[d * 24 + h] ?? 0;
      const n = first + (hourOfWeek[d * 24 + h + 1] ?? 0);
      // Ties go to the stretch that starts with the busier hour, so a busy 8 o'clock reads "8–10", not "7–9".
      if (n > 0 && (!best || n > best.n || (n === best.n && first > best.first)))
        best = { weekday: d + 1, hour: h, n, first };
    }
  return best && { weekday: best.weekday, hour: best.hour };
}

export function visitReason(facts: CellFacts): { nl: string; en: string } {
  const what = facts.topCategory;
  const sameKind = what && what.n === facts.reports;
  const nlCount = `${facts.reports} ${facts.reports === 1 ? 'melding' : 'meldingen'}`;
  const enCount = `${facts.reports} ${facts.reports === 1 ? 'report' : 'reports'}`;
  const nlWhat = what
    ? sameKind
      ? ` ${what.nameNl.toLowerCase()}`
      : `, vooral ${what.nameNl.toLowerCase()} (${what.n})`
    : '';
  const enWhat = what
    ? sameKind
      ? ` of ${what.nameEn.toLowerCase()}`
      : `, mostly ${what.nameEn.toLowerCase()} (${what.n})`
    : '';
  const slot = busiestTwoHours(facts.hourOfWeek);
  const nlWhen = slot ? `, vooral ${WEEKDAYS.nl[slot.weekday - 1]} ${slot.hour}–${slot.hour + 2} u` : '';
  const enWhen = slot ? `, mainly ${WEEKDAYS.en[slot.weekday - 1]} ${slot.hour}–${slot.hour + 2} h` : '';
  if (facts.reports === 0)
    return {
      nl: `hier verwacht de voorspelling overlast (omgeving met recente meldingen)${nlWhen}`,
      en: `the forecast expects nuisance here (area with recent reports)${enWhen}`,
    };
  return {
    nl: `hier ${nlCount}${nlWhat} in ${facts.weeks} weken${nlWhen}`,
    en: `here ${enCount}${enWhat} in ${facts.weeks} weeks${enWhen}`,
  };
}
