/**
 * Where and when an officer's short visits go on one district day (pure). After Koper: visits of 10–15
 * minutes, at least two hours apart, 2–4 a day, at the top forecast cells, each placed in the busiest
 * hour of that cell on that weekday (falling back to the cell's busiest hour of the day over all weekdays).
 */

export const VISIT_MINUTES = 15;
export const MIN_GAP_MINUTES = 120;
export const MIN_VISITS_PER_DAY = 2;
export const MAX_VISITS_PER_DAY = 4;
const STEP_MINUTES = 15;

/** A free stretch of the day on the local wall clock, minutes since midnight [start, end). */
export interface Window {
  start: number;
  end: number;
}

export interface CandidateCell {
  key: string;
  score: number;
  /** Events per hour of the week (168, Monday 00–01 first) in and near the cell. */
  hourOfWeek: ArrayLike<number>;
}

export interface PlacedVisit {
  key: string;
  /** Minutes since local midnight. */
  start: number;
  end: number;
}

function hourWeight(cell: CandidateCell, weekday: number, minute: number): number {
  const hour = Math.floor(minute / 60);
  const sameDay = cell.hourOfWeek[(weekday - 1) * 24 + hour] ?? 0;
  let anyDay = 0;
  for (let d = 0; d < 7; d++) anyDay += cell.hourOfWeek[d * 24 + hour] ?? 0;
  // The weekday's own hour counts most; the hour over the week breaks ties between empty weekday hours.
  return sameDay * 7 + anyDay;
}

function fits(start: number, windows: readonly Window[]): boolean {
  return windows.some((w) => start >= w.start && start + VISIT_MINUTES <= w.end);
}

function farFromOthers(start: number, placed: readonly PlacedVisit[]): boolean {
  return placed.every((visit) => Math.abs(visit.start - start) >= MIN_GAP_MINUTES);
}

function bestStart(
  cell: CandidateCell,
  weekday: number,
  windows: readonly Window[],
  placed: readonly PlacedVisit[],
): number | null {
  let best: { start: number; weight: number } | null = null;
  for (const window of windows) {
    for (let start = Math.ceil(window.start / STEP_MINUTES) * STEP_MINUTES; start < window.end; start += STEP_MINUTES) {
      if (!fits(start, windows) || !farFromOthers(start, placed)) continue;
      const weight = hourWeight(cell, weekday, start);
      if (!best || weight > best.weight) best = { start, weight };
    }
  }
  return best?.start ?? null;
}

/**
 * Up to `MAX_VISITS_PER_DAY` visits, best cells first, none twice on a day. Returns fewer than
 * `MIN_VISITS_PER_DAY` only when the day's windows cannot hold two visits two hours apart — the caller
 * then plans nothing for that day.
 */
export function placeVisits(
  weekday: number,
  windows: readonly Window[],
  candidates: readonly CandidateCell[],
): PlacedVisit[] {
  const placed: PlacedVisit[] = [];
  const ranked = [...candidates]
    .filter((c) => c.score > 0)
    .sort((a, b) => b.score - a.score || (a.key < b.key ? -1 : 1));
  // First every cell once; then, when fewer than two fit, the best cells again (Koper: return every two hours).
  for (const pass of [0, 1]) {
    if (pass === 1 && placed.length >= MIN_VISITS_PER_DAY) break;
    for (const cell of ranked) {
      if (placed.length >= MAX_VISITS_PER_DAY || (pass === 1 && placed.length >= MIN_VISITS_PER_DAY)) break;
      if (pass === 0 && placed.some((visit) => visit.key === cell.key)) continue;
      const start = bestStart(cell, weekday, windows, placed);
      if (start !== null) placed.push({ key: cell.key, start, end: start + VISIT_MINUTES });
    }
  }
  return placed.length >= MIN_VISITS_PER_DAY ? placed.sort((a, b) => a.start - b.start) : [];
}

/** The working day [workStart, workEnd) minus the absences (all in local minutes). */
export function freeWindows(workStart: number, workEnd: number, absences: readonly Window[]): Window[] {
  let windows: Window[] = workEnd > workStart ? [{ start: workStart, end: workEnd }] : [];
  for (const absence of absences) {
    windows = windows.flatMap((w) => {
      if (absence.end <= w.start || absence.start >= w.end) return [w];
      const parts: Window[] = [];
      if (absence.start > w.start) parts.push({ start: w.start, end: absence.start });
      if (absence.end < w.end) parts.push({ start: absence.end, end: w.end });
      return parts;
    });
  }
  return windows;
}
