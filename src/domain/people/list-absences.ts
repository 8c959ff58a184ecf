import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { listAbsencesBetween, type AbsenceRecord } from './repository-absences.ts';
import type { StaffUser } from '../../shared/staff.ts';

const DEFAULT_DAYS = 14;
const MAX_DAYS = 366;

function parseOptional(field: string, value: string | undefined, problems: FieldProblem[]): Date | undefined {
  if (value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    problems.push({ name: field, reason: 'must be an ISO 8601 date-time', code: 'invalid_datetime' });
  return date;
}

/** The team view: who is away in a period (default: the coming two weeks). */
export async function listTeamAbsences(
  deps: { db: Queryable; clock: Clock },
  actor: StaffUser,
  query: { from?: string; to?: string },
): Promise<AbsenceRecord[]> {
  const problems: FieldProblem[] = [];
  const from = parseOptional('from', query.from, problems) ?? deps.clock.now();
  const to = parseOptional('to', query.to, problems) ?? new Date(from.getTime() + DEFAULT_DAYS * 86_400_000);
  if (problems.length === 0) {
    if (to <= from) problems.push({ name: 'to', reason: 'must be after from', code: 'not_after_start' });
    else if (to.getTime() - from.getTime() > MAX_DAYS * 86_400_000)
      problems.push({ name: 'to', reason: `the period spans at most ${MAX_DAYS} days`, code: 'too_long' });
  }
  if (problems.length > 0) throw new DomainError('validation', 'The period is not valid.', problems);
  return listAbsencesBetween(deps.db, actor.municipalityCode, from, to);
}
