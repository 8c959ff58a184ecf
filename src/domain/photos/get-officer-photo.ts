import type { Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { findPublicOfficerPhoto } from './repository-officer-photos.ts';

/** Public: the portrait of an active officer, by the id in its URL. */
export async function getOfficerPhoto(deps: { db: Queryable }, photoId: string) {
  const photo = await findPublicOfficerPhoto(deps.db, photoId);
  if (!photo) throw new DomainError('not_found', 'Photo not found');
  return photo;
}
