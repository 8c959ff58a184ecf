import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../people/index.ts';
import { prepareUploads } from './prepare-uploads.ts';
import { countPhotos, insertPhoto, listPhotoRows, lockObservation } from './repository.ts';
import type { PhotoList, UploadedFile } from './schemas.ts';

export const MAX_PHOTOS_PER_OBSERVATION = 1;

/** The officer who logged an observation may add its photo. */
export async function addObservationPhoto(
  deps: { db: Db; clock: Clock; maxBytes: number },
  officer: StaffUser,
  input: { observationId: string; files: UploadedFile[] },
): Promise<PhotoList> {
  const prepared = await prepareUploads(input.files, { maxBytes: deps.maxBytes, maxFiles: MAX_PHOTOS_PER_OBSERVATION });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const observation = await lockObservation(tx, input.observationId);
    if (!observation || observation.municipalityCode !== officer.municipalityCode)
      throw new DomainError('not_found', 'Observation not found');
    if (observation.officerId !== officer.id)
      throw new DomainError('forbidden', 'Only the officer who logged the observation can add its photo.');
    const owner = { kind: 'observation' as const, id: observation.id };
    if ((await countPhotos(tx, owner)) + prepared.length > MAX_PHOTOS_PER_OBSERVATION) {
      throw new DomainError('conflict', `An observation has at most ${MAX_PHOTOS_PER_OBSERVATION} photo.`);
    }
    for (const photo of prepared) {
      await insertPhoto(tx, {
        municipalityCode: observation.municipalityCode,
        owner,
        ...photo,
        uploadedBy: officer.id,
        at: now,
      });
    }
    return { items: await listPhotoRows(tx, owner) };
  });
}
