import type { Queryable } from '../../db/db.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { findOfficer, updateOfficerSchedule, type OfficerRecord, type OfficerSchedule } from './repository-officers.ts';
import type { StaffUser } from '../../shared/staff.ts';

export interface ScheduleInput {
  workingWeekdays: readonly number[];
  districtWeekdays: readonly number[];
  workStart: string;
  workEnd: string;
}

const timePattern = /^([01]\d|2[0-3]):[0-5]\d$/;

function weekdayProblems(field: string, days: readonly number[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (days.length < 1 || days.length > 7)
    problems.push({ name: field, reason: 'must hold 1 to 7 weekdays', code: 'invalid_length' });
  days.forEach((day, index) => {
    if (!Number.isInteger(day) || day < 1 || day > 7)
      problems.push({
        name: `${field}.${index}`,
        reason: 'must be an ISO weekday: 1 (Monday) to 7 (Sunday)',
        code: 'invalid_weekday',
      });
  });
  if (new Set(days).size !== days.length)
    problems.push({ name: field, reason: 'must not repeat a weekday', code: 'duplicate' });
  return problems;
}

/** Every problem of a schedule at once (field ranges and the relations between fields). */
export function scheduleProblems(input: ScheduleInput): FieldProblem[] {
  const problems = [
    ...weekdayProblems('workingWeekdays', input.workingWeekdays),
    ...weekdayProblems('districtWeekdays', input.districtWeekdays),
  ];
  const outsideWork = input.districtWeekdays.filter((day) => !input.workingWeekdays.includes(day));
  if (outsideWork.length > 0) {
    problems.push({
      name: 'districtWeekdays',
      reason: `district days must be working days; not working on ${outsideWork.join(', ')}`,
      code: 'not_subset',
    });
  }
  const startOk = timePattern.test(input.workStart);
  const endOk = timePattern.test(input.workEnd);
  if (!startOk)
    problems.push({ name: 'workStart', reason: 'must be a time HH:MM (00:00–23:59)', code: 'invalid_time' });
  if (!endOk) problems.push({ name: 'workEnd', reason: 'must be a time HH:MM (00:00–23:59)', code: 'invalid_time' });
  // HH:MM strings compare like the times they are.
  if (startOk && endOk && input.workEnd <= input.workStart)
    problems.push({ name: 'workEnd', reason: 'must be after workStart', code: 'not_after_start' });
  return problems;
}

export async function updateSchedule(
  deps: { db: Queryable },
  actor: StaffUser,
  officerId: string,
  input: ScheduleInput,
): Promise<OfficerRecord> {
  const officer = await findOfficer(deps.db, actor.municipalityCode, officerId);
  if (!officer) throw new DomainError('not_found', 'Officer not found.');
  const problems = scheduleProblems(input);
  if (problems.length > 0)
    throw new DomainError(
      'validation',
      `The schedule has ${problems.length} problem(s); nothing was changed.`,
      problems,
    );
  const schedule: OfficerSchedule = {
    workingWeekdays: [...input.workingWeekdays].sort((a, b) => a - b),
    districtWeekdays: [...input.districtWeekdays].sort((a, b) => a - b),
    workStart: input.workStart,
    workEnd: input.workEnd,
  };
  await updateOfficerSchedule(deps.db, officerId, schedule);
  return { ...officer, ...schedule };
}
