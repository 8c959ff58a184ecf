import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../people/index.ts';
import { listMeetingRows } from './repository.ts';
import type { ListMeetingsQuery, Meeting } from './schemas.ts';

/** Meetings of the caller's municipality from `from` (default now), soonest first. */
export async function listMeetings(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  query: ListMeetingsQuery,
): Promise<{ items: Meeting[] }> {
  const from = query.from ? new Date(query.from) : deps.clock.now();
  const to = query.to ? new Date(query.to) : null;
  if (to && to <= from)
    throw new DomainError('validation', 'to must lie after from.', [
      { name: 'query.to', reason: 'must lie after from (default: now)', code: 'invalid_range' },
    ]);
  return {
    items: await listMeetingRows(deps.db, {
      municipalityCode: viewer.municipalityCode,
      districtCode: query.districtCode,
      from,
      to,
      limit: query.limit,
    }),
  };
}
