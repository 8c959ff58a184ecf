import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { findOfficer, linkOfficerPhoto, type StaffUser } from '../people/index.ts';
import { prepareUploads } from './prepare-uploads.ts';
import { deleteOfficerPhoto, insertOfficerPhoto } from './repository-officer-photos.ts';
import type { UploadedFile } from './schemas.ts';

/** Where anyone fetches an officer's portrait; a new upload gets a new id, so the address can be cached forever. */
export const officerPhotoUrl = (photoId: string) => `/api/v1/public/officer-photos/${photoId}`;

/**
 * An officer's portrait for the public district page, checked and re-encoded exactly like report photos (no
 * EXIF, GPS or other metadata survives). Replaces the previous one, which is deleted: only the current
 * portrait of a person is kept.
 */
export async function setOfficerPhoto(
  deps: { db: Db; clock: Clock; maxBytes: number },
  actor: StaffUser,
  input: { officerId: string; files: UploadedFile[] },
): Promise<{ photoUrl: string }> {
  const officer = await findOfficer(deps.db, actor.municipalityCode, input.officerId);
  if (!officer) throw new DomainError('not_found', 'Officer not found.');
  const [photo] = await prepareUploads(input.files, { maxBytes: deps.maxBytes, maxFiles: 1 });
  return deps.db.transaction(async (tx) => {
    await deleteOfficerPhoto(tx, officer.id);
    const id = await insertOfficerPhoto(tx, {
      officerId: officer.id,
      ...photo!,
      uploadedBy: actor.id,
      at: deps.clock.now(),
    });
    await linkOfficerPhoto(tx, officer.id, officerPhotoUrl(id));
    return { photoUrl: officerPhotoUrl(id) };
  });
}
