import type { Queryable } from '../../db/db.ts';
import { notFound } from '../../shared/errors.ts';
import type { StaffUser } from '../people/index.ts';
import { assertMayManageMeetingsOf } from './meeting-rules.ts';
import { deleteMeetingRow, findMeeting } from './repository.ts';

/** Only the district's stewards (see assertMayManageMeetingsOf) remove its meetings. */
export async function deleteMeeting(deps: { db: Queryable }, actor: StaffUser, meetingId: string): Promise<void> {
  const existing = await findMeeting(deps.db, actor.municipalityCode, meetingId);
  if (!existing) throw notFound(`District meeting ${meetingId}`);
  await assertMayManageMeetingsOf(deps.db, actor, existing.districtCode);
  if (!(await deleteMeetingRow(deps.db, actor.municipalityCode, meetingId)))
    throw notFound(`District meeting ${meetingId}`);
}
