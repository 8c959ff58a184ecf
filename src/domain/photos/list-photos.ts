import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../people/index.ts';
import { assertMaySeeObservation, assertMaySeeReport } from './photo-access.ts';
import { listPhotoRows } from './repository.ts';
import type { PhotoList } from './schemas.ts';

export async function listReportPhotos(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  reportId: string,
): Promise<PhotoList> {
  await assertMaySeeReport(deps, viewer, reportId);
  return { items: await listPhotoRows(deps.db, { kind: 'report', id: reportId }) };
}

export async function listObservationPhotos(
  deps: { db: Queryable },
  viewer: StaffUser,
  observationId: string,
): Promise<PhotoList> {
  await assertMaySeeObservation(deps, viewer, observationId);
  return { items: await listPhotoRows(deps.db, { kind: 'observation', id: observationId }) };
}
