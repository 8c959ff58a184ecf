import { DomainError, type FieldProblem } from '../../shared/errors.ts';

export interface TimeWindow {
  from: Date | null;
  to: Date | null;
}

/** The longest window a list or the overview may span; keeps the aggregate queries bounded. */
export const MAX_WINDOW_DAYS = 400;

export function parseWindow(query: { from?: string | undefined; to?: string | undefined }): TimeWindow {
  const from = query.from ? new Date(query.from) : null;
  const to = query.to ? new Date(query.to) : null;
  if (from && to && from >= to) {
    throw new DomainError('validation', 'from must lie before to.', [
      { name: 'query.to', reason: 'must lie after from', code: 'invalid_range' },
    ]);
  }
  return { from, to };
}

/** A closed window, defaulting to the 28 days up to now. */
export function closedWindow(
  query: { from?: string | undefined; to?: string | undefined },
  now: Date,
): { from: Date; to: Date } {
  const parsed = parseWindow(query);
  const to = parsed.to ?? now;
  const from = parsed.from ?? new Date(to.getTime() - 28 * 86_400_000);
  const problems: FieldProblem[] = [];
  if (from >= to)
    problems.push({ name: 'query.from', reason: 'must lie before to (default: now)', code: 'invalid_range' });
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * 86_400_000) {
    problems.push({
      name: 'query.from',
      reason: `the period may span at most ${MAX_WINDOW_DAYS} days`,
      code: 'too_long',
    });
  }
  if (problems.length > 0) throw new DomainError('validation', 'The period is not valid.', problems);
  return { from, to };
}

/** Moments recorded by officers may not lie in the future; a little clock skew of phones is tolerated. */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

export function momentOrNow(
  value: string | undefined,
  now: Date,
  field: string,
): { at: Date; problems: FieldProblem[] } {
  if (value === undefined) return { at: now, problems: [] };
  const at = new Date(value);
  if (at.getTime() > now.getTime() + FUTURE_TOLERANCE_MS) {
    return { at, problems: [{ name: field, reason: 'may not lie in the future', code: 'in_future' }] };
  }
  return { at, problems: [] };
}
