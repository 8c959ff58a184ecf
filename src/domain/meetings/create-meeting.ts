import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../people/index.ts';
import { assertMayManageMeetingsOf, meetingFieldProblems } from './meeting-rules.ts';
import { findMeeting, insertMeeting } from './repository.ts';
import type { CreateMeetingInput, Meeting } from './schemas.ts';

/** Past meetings may be entered too: they count for the district's visibility. Only the district's stewards enter them. */
export async function createMeeting(
  deps: { db: Queryable; clock: Clock },
  actor: StaffUser,
  input: CreateMeetingInput,
): Promise<Meeting> {
  const problems = await meetingFieldProblems(deps.db, actor.municipalityCode, input);
  if (problems.length > 0)
    throw new DomainError('validation', `${problems.length} problem(s) with the meeting`, problems);
  await assertMayManageMeetingsOf(deps.db, actor, input.districtCode);
  const id = await insertMeeting(deps.db, {
    municipalityCode: actor.municipalityCode,
    districtCode: input.districtCode,
    startsAt: new Date(input.startsAt),
    title: input.title,
    locationText: input.locationText ?? null,
    officerId: input.officerId ?? null,
    createdBy: actor.id,
    at: deps.clock.now(),
  });
  return (await findMeeting(deps.db, actor.municipalityCode, id))!;
}
