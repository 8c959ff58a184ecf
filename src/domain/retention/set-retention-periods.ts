import type { Db, Queryable } from '../../db/db.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { readRetentionPeriods, updateRetentionPeriods, type RetentionPeriods } from './repository.ts';

export const MIN_RETENTION_DAYS = 1;
export const MAX_RETENTION_DAYS = 3650;

/**
 * Sets how many days after closure a municipality keeps reporter contact and photos (either or both). The next
 * run of the jobs applies the new periods to every closed report, also those closed long ago.
 */
export async function setRetentionPeriods(
  deps: { db: Queryable },
  command: { municipalityCode: string; reporterDays?: number | undefined; photoDays?: number | undefined },
): Promise<RetentionPeriods> {
  const problems: FieldProblem[] = [];
  for (const [name, value] of [
    ['reporterDays', command.reporterDays],
    ['photoDays', command.photoDays],
  ] as const) {
    if (value !== undefined && !(Number.isInteger(value) && value >= MIN_RETENTION_DAYS && value <= MAX_RETENTION_DAYS))
      problems.push({ name, reason: `a whole number of days from ${MIN_RETENTION_DAYS} to ${MAX_RETENTION_DAYS}` });
  }
  if (problems.length) throw new DomainError('validation', 'Retention periods are whole days.', problems);
  const updated = await updateRetentionPeriods(deps.db, command.municipalityCode, command);
  if (!updated) throw new DomainError('not_found', `No municipality ${command.municipalityCode}.`);
  return updated;
}

export async function listRetentionPeriods(deps: { db: Db }): Promise<RetentionPeriods[]> {
  return readRetentionPeriods(deps.db);
}
