import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { absenceKinds, type AbsenceKind } from './repository-absences.ts';
import { hasAnyRole, type Role, type StaffUser } from '../../shared/staff.ts';

export const absenceManagers: readonly Role[] = ['coordinator', 'team_manager', 'administrator'];

/** Managers register anyone's absence; an officer only their own. */
export function assertMayManageAbsencesOf(actor: StaffUser, officerId: string): void {
  if (hasAnyRole(actor, absenceManagers)) return;
  if (actor.roles.includes('officer') && actor.id === officerId) return;
  throw new DomainError(
    'forbidden',
    'Only coordinators, team managers and administrators register absences of others.',
  );
}

export interface AbsenceInput {
  kind: string;
  startsAt: string;
  endsAt: string;
  note?: string | null;
}

const isoWithZone = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const MAX_ABSENCE_DAYS = 366;
export const MAX_NOTE_LENGTH = 500;

function parseTimestamp(field: string, value: string, problems: FieldProblem[]): Date | null {
  const date = new Date(value);
  if (!isoWithZone.test(value) || Number.isNaN(date.getTime())) {
    problems.push({
      name: field,
      reason: 'must be an ISO 8601 date-time with a zone, e.g. 2026-11-24T08:00:00+01:00',
      code: 'invalid_datetime',
    });
    return null;
  }
  return date;
}

/** Every problem at once; returns the parsed absence when there are none. */
export function parseAbsenceInput(input: AbsenceInput): {
  kind: AbsenceKind;
  startsAt: Date;
  endsAt: Date;
  note: string | null;
} {
  const problems: FieldProblem[] = [];
  if (!(absenceKinds as readonly string[]).includes(input.kind))
    problems.push({ name: 'kind', reason: `must be one of ${absenceKinds.join(', ')}`, code: 'invalid_value' });
  const startsAt = parseTimestamp('startsAt', input.startsAt, problems);
  const endsAt = parseTimestamp('endsAt', input.endsAt, problems);
  if (startsAt && endsAt) {
    if (endsAt <= startsAt)
      problems.push({ name: 'endsAt', reason: 'must be after startsAt', code: 'not_after_start' });
    else if (endsAt.getTime() - startsAt.getTime() > MAX_ABSENCE_DAYS * 86_400_000)
      problems.push({ name: 'endsAt', reason: `an absence spans at most ${MAX_ABSENCE_DAYS} days`, code: 'too_long' });
  }
  const note = input.note?.trim() || null;
  if (note && note.length > MAX_NOTE_LENGTH)
    problems.push({ name: 'note', reason: `must be at most ${MAX_NOTE_LENGTH} characters`, code: 'too_long' });
  if (problems.length > 0)
    throw new DomainError(
      'validation',
      `The absence has ${problems.length} problem(s); nothing was registered.`,
      problems,
    );
  return { kind: input.kind as AbsenceKind, startsAt: startsAt!, endsAt: endsAt!, note };
}
