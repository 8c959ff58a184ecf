import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { assertMayManageAbsencesOf } from './absence-rules.ts';
import { findAbsence, markAbsenceCancelled, type AbsenceRecord } from './repository-absences.ts';
import type { StaffUser } from '../../shared/staff.ts';

/**
 * Cancels (never deletes: the absence explains past re-routing). Cancelling twice is harmless.
 * Reports re-routed earlier stay with the colleague; new reports reach the officer again.
 */
export async function cancelAbsence(
  deps: { db: Queryable; clock: Clock },
  actor: StaffUser,
  absenceId: string,
): Promise<AbsenceRecord> {
  const absence = await findAbsence(deps.db, actor.municipalityCode, absenceId);
  if (!absence) throw new DomainError('not_found', 'Absence not found.');
  assertMayManageAbsencesOf(actor, absence.officerId);
  if (absence.cancelledAt) return absence;
  await markAbsenceCancelled(deps.db, absence.id, deps.clock.now());
  return (await findAbsence(deps.db, actor.municipalityCode, absence.id))!;
}
