import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { deletePhotosOfClosedReports } from './repository.ts';

export interface RemoveClosedReportPhotosCounts {
  photosRemoved: number;
  bytesRemoved: number;
}

/**
 * Removes the photos of every report closed at least its municipality's photo_retention_days ago (default 90).
 * Photos live in the database (photos.data), so deleting the row is removing the photo. Photos of observations
 * (field work) are not reports' photos and are left alone.
 */
export async function removeClosedReportPhotos(deps: {
  db: Db;
  clock: Clock;
}): Promise<RemoveClosedReportPhotosCounts> {
  const { photos, bytes } = await deletePhotosOfClosedReports(deps.db, deps.clock.now());
  return { photosRemoved: photos, bytesRemoved: bytes };
}
