import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import type { StaffUser } from '../people/index.ts';
import { feedbackOverview } from './feedback-overview.ts';
import { boroughList, deadlinePerWeek, mainCategories, reportsPerWeek } from './repository.ts';
import type { Overview, OverviewQuery } from './schemas.ts';

const DAY_MS = 86_400_000;
export const DEFAULT_OVERVIEW_WEEKS = 12;
/** A bit more than a year: enough for a year-on-year look, small enough for one aggregate query. */
export const MAX_OVERVIEW_DAYS = 371;

export function overviewWindow(query: OverviewQuery, now: Date): { from: Date; to: Date } {
  const to = query.to ? new Date(query.to) : now;
  const from = query.from ? new Date(query.from) : new Date(to.getTime() - DEFAULT_OVERVIEW_WEEKS * 7 * DAY_MS);
  const problems: FieldProblem[] = [];
  if (from >= to)
    problems.push({ name: 'query.from', reason: 'must lie before to (default: now)', code: 'invalid_range' });
  else if (to.getTime() - from.getTime() > MAX_OVERVIEW_DAYS * DAY_MS) {
    problems.push({
      name: 'query.from',
      reason: `the period may span at most ${MAX_OVERVIEW_DAYS} days`,
      code: 'too_long',
    });
  }
  if (problems.length) throw new DomainError('validation', 'The period is not valid.', problems);
  return { from, to };
}

/**
 * The management overview's numbers: reports per week by main category and borough, deadline performance, and the
 * residents' feedback (satisfaction, reopened reports) per main category and district.
 */
export async function managementOverview(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  query: OverviewQuery,
): Promise<Overview> {
  const now = deps.clock.now();
  const { from, to } = overviewWindow(query, now);
  const municipality = viewer.municipalityCode;
  const [categories, boroughs, perWeek, deadline, feedback] = await Promise.all([
    mainCategories(deps.db, municipality),
    boroughList(deps.db, municipality),
    reportsPerWeek(deps.db, municipality, from, to),
    deadlinePerWeek(deps.db, municipality, from, to, now),
    feedbackOverview(deps.db, municipality, { from, to }),
  ]);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    categories,
    boroughs,
    reportsPerWeek: perWeek,
    deadlinePerWeek: deadline,
    feedback,
  };
}
