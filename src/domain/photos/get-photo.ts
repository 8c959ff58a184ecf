import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../people/index.ts';
import { assertMaySeeObservation, assertMaySeeReport } from './photo-access.ts';
import { findStoredPhoto, type StoredPhoto } from './repository.ts';

/** The image bytes, for staff who may see what the photo belongs to; anyone else learns nothing, not even that it exists. */
export async function getPhoto(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  photoId: string,
): Promise<StoredPhoto> {
  const photo = await findStoredPhoto(deps.db, photoId);
  if (!photo || photo.municipalityCode !== viewer.municipalityCode)
    throw new DomainError('not_found', 'Photo not found');
  try {
    if (photo.reportId) await assertMaySeeReport(deps, viewer, photo.reportId);
    else if (photo.observationId) await assertMaySeeObservation(deps, viewer, photo.observationId);
  } catch (error) {
    if (error instanceof DomainError && error.code === 'not_found')
      throw new DomainError('not_found', 'Photo not found');
    throw error;
  }
  return photo;
}
