import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { normaliseTrackingCode } from '../reports/index.ts';
import { prepareUploads } from './prepare-uploads.ts';
import { countPhotos, insertPhoto, lockReportByTrackingCode } from './repository.ts';
import type { UploadedFile, UploadReceipt } from './schemas.ts';

export const MAX_PHOTOS_PER_REPORT = 3;
/** The tracking code alone lets anyone holding it add photos, so only shortly after reporting. */
export const REPORT_PHOTO_WINDOW_MS = 60 * 60_000;

/**
 * Adds photos to a report by its tracking code: allowed within an hour of the report's
 * creation, at most MAX_PHOTOS_PER_REPORT in all. The same unknown-code answer is given for
 * a malformed and a non-existing code, so the endpoint tells nothing about other reports.
 */
export async function addReportPhotos(
  deps: { db: Db; clock: Clock; maxBytes: number },
  input: { trackingCode: string; files: UploadedFile[]; uploadedBy: string | null },
): Promise<UploadReceipt> {
  const code = normaliseTrackingCode(input.trackingCode);
  if (!code) throw new DomainError('not_found', 'No report with this tracking code');
  const prepared = prepareUploads(input.files, { maxBytes: deps.maxBytes, maxFiles: MAX_PHOTOS_PER_REPORT });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const report = await lockReportByTrackingCode(tx, code);
    if (!report) throw new DomainError('not_found', 'No report with this tracking code');
    if (now.getTime() - report.createdAt.getTime() > REPORT_PHOTO_WINDOW_MS) {
      throw new DomainError('forbidden', 'Photos can only be added within an hour of reporting.');
    }
    const owner = { kind: 'report' as const, id: report.id };
    const existing = await countPhotos(tx, owner);
    if (existing + prepared.length > MAX_PHOTOS_PER_REPORT) {
      throw new DomainError('conflict', `A report has at most ${MAX_PHOTOS_PER_REPORT} photos; this one has ${existing} already.`);
    }
    for (const photo of prepared) {
      await insertPhoto(tx, { municipalityCode: report.municipalityCode, owner, ...photo, uploadedBy: input.uploadedBy, at: now });
    }
    return { added: prepared.length, photoCount: existing + prepared.length, maxPhotos: MAX_PHOTOS_PER_REPORT };
  });
}
