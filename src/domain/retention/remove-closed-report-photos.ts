import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { clearMediaLinksOfClosedReports, deletePhotosOfClosedReports, recordRetentionHistory } from './repository.ts';

export interface RemoveClosedReportPhotosCounts {
  photosRemoved: number;
  bytesRemoved: number;
  /** Links to photos hosted elsewhere (Open311 media_url) cleared. */
  mediaLinksCleared: number;
}

/**
 * Removes the photos of every report closed at least its municipality's photo_retention_days ago (default 90).
 * Photos live in the database (photos.data), so deleting the row is removing the photo. Photos of observations
 * (field work) are not reports' photos and are left alone. A link to a photo an Open311 client hosts (media_url)
 * is cleared at the same time. Each report changed gets a history entry by the system ("photos_expired").
 */
export async function removeClosedReportPhotos(deps: {
  db: Db;
  clock: Clock;
}): Promise<RemoveClosedReportPhotosCounts> {
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const { photos, bytes, reportIds } = await deletePhotosOfClosedReports(tx, now);
    const linked = await clearMediaLinksOfClosedReports(tx, now);
    await recordRetentionHistory(tx, [...reportIds, ...linked], 'photos_expired', now);
    return { photosRemoved: photos, bytesRemoved: bytes, mediaLinksCleared: linked.length };
  });
}
