import type { Db } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { listFeedbackReopenDays, updateFeedbackReopenDays } from './repository.ts';

/** How many days after resolution "not solved" still reopens a municipality's reports (0–365; default 14). */
export async function setFeedbackReopenDays(
  deps: { db: Db },
  input: { municipalityCode: string; days: number },
): Promise<void> {
  if (!Number.isInteger(input.days) || input.days < 0 || input.days > 365) {
    throw new DomainError('validation', 'The reopen period is a whole number of days from 0 to 365.', [
      { name: 'days', reason: 'must be a whole number from 0 to 365', code: 'out_of_range' },
    ]);
  }
  if ((await updateFeedbackReopenDays(deps.db, input.municipalityCode, input.days)) === 0) {
    throw new DomainError('not_found', `No municipality ${input.municipalityCode}`);
  }
}

/** Every municipality's reopen period, by code. */
export function listFeedbackPeriods(deps: { db: Db }): Promise<{ municipalityCode: string; days: number }[]> {
  return listFeedbackReopenDays(deps.db);
}
