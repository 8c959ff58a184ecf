import type { Queryable } from '../../db/db.ts';
import { notFound } from '../../shared/errors.ts';
import type { StaffUser } from '../people/index.ts';
import { deleteMeetingRow } from './repository.ts';

export async function deleteMeeting(deps: { db: Queryable }, actor: StaffUser, meetingId: string): Promise<void> {
  if (!(await deleteMeetingRow(deps.db, actor.municipalityCode, meetingId)))
    throw notFound(`District meeting ${meetingId}`);
}
