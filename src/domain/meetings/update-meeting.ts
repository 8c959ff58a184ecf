import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import type { StaffUser } from '../people/index.ts';
import { assertMayManageMeetingsOf, meetingFieldProblems } from './meeting-rules.ts';
import { findMeeting, updateMeetingRow } from './repository.ts';
import type { Meeting, UpdateMeetingInput } from './schemas.ts';

export async function updateMeeting(
  deps: { db: Queryable; clock: Clock },
  actor: StaffUser,
  meetingId: string,
  input: UpdateMeetingInput,
): Promise<Meeting> {
  const existing = await findMeeting(deps.db, actor.municipalityCode, meetingId);
  if (!existing) throw notFound(`District meeting ${meetingId}`);
  await assertMayManageMeetingsOf(deps.db, actor, existing.districtCode);
  const problems = await meetingFieldProblems(deps.db, actor.municipalityCode, input);
  if (problems.length > 0)
    throw new DomainError('validation', `${problems.length} problem(s) with the change`, problems);
  // Moving a meeting to another district needs the right to manage that district's meetings too.
  if (input.districtCode !== undefined && input.districtCode !== existing.districtCode)
    await assertMayManageMeetingsOf(deps.db, actor, input.districtCode);
  await updateMeetingRow(
    deps.db,
    meetingId,
    {
      districtCode: input.districtCode ?? existing.districtCode,
      startsAt: new Date(input.startsAt ?? existing.startsAt),
      title: input.title ?? existing.title,
      locationText: input.locationText !== undefined ? input.locationText : existing.locationText,
      officerId: input.officerId !== undefined ? input.officerId : (existing.officer?.id ?? null),
    },
    deps.clock.now(),
  );
  return (await findMeeting(deps.db, actor.municipalityCode, meetingId))!;
}
