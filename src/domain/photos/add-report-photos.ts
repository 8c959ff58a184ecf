import type { Db, Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { normaliseTrackingCode } from '../reports/index.ts';
import { prepareUploads } from './prepare-uploads.ts';
import {
  countPhotos,
  findReportForUpload,
  insertPhoto,
  lockReportByTrackingCode,
  sumPhotoBytes,
} from './repository.ts';
import { chargeUploadUsage } from './upload-usage.ts';
import type { UploadedFile, UploadReceipt } from './schemas.ts';

export const MAX_PHOTOS_PER_REPORT = 3;
/** The tracking code alone lets anyone holding it add photos, so only shortly after reporting. */
export const REPORT_PHOTO_WINDOW_MS = 60 * 60_000;

const unknownCode = () => new DomainError('not_found', 'No report with this tracking code');

function assertWithinWindow(createdAt: Date, now: Date): void {
  if (now.getTime() - createdAt.getTime() > REPORT_PHOTO_WINDOW_MS) {
    throw new DomainError('forbidden', 'Photos can only be added within an hour of reporting.');
  }
}

function assertRoomFor(existing: number, adding: number): void {
  if (existing + adding > MAX_PHOTOS_PER_REPORT) {
    throw new DomainError(
      'conflict',
      `A report has at most ${MAX_PHOTOS_PER_REPORT} photos; this one has ${existing} already.`,
    );
  }
}

/**
 * Checked before the body is read: anyone may send megabytes to this public endpoint, so an unknown,
 * expired or full report is refused without holding them in memory. addReportPhotos checks again under a lock.
 */
export async function assertReportAcceptsPhotos(
  deps: { db: Queryable; clock: Clock },
  trackingCode: string,
): Promise<void> {
  const code = normaliseTrackingCode(trackingCode);
  const report = code ? await findReportForUpload(deps.db, code) : null;
  if (!report) throw unknownCode();
  assertWithinWindow(report.createdAt, deps.clock.now());
  assertRoomFor(report.photoCount, 1);
}

/**
 * Adds photos to a report by its tracking code: allowed within an hour of the report's
 * creation, at most MAX_PHOTOS_PER_REPORT in all. The same unknown-code answer is given for
 * a malformed and a non-existing code, so the endpoint tells nothing about other reports.
 */
export interface PhotoStorageCaps {
  /** Stored bytes of one report's photos together. */
  bytesPerReport: number;
  /** Stored bytes one address may add per day; staff uploads (uploadedBy set) are not counted. */
  bytesPerAddressPerDay: number;
}

/**
 * `addressKey` (see uploadAddressKey) names the calling address for the day's cap of a public upload.
 */
export async function addReportPhotos(
  deps: { db: Db; clock: Clock; maxBytes: number; caps: PhotoStorageCaps },
  input: { trackingCode: string; files: UploadedFile[]; uploadedBy: string | null; addressKey: string | null },
): Promise<UploadReceipt> {
  const code = normaliseTrackingCode(input.trackingCode);
  if (!code) throw unknownCode();
  const prepared = await prepareUploads(input.files, { maxBytes: deps.maxBytes, maxFiles: MAX_PHOTOS_PER_REPORT });
  const now = deps.clock.now();
  return deps.db.transaction(async (tx) => {
    const report = await lockReportByTrackingCode(tx, code);
    if (!report) throw unknownCode();
    assertWithinWindow(report.createdAt, now);
    const owner = { kind: 'report' as const, id: report.id };
    const existing = await countPhotos(tx, owner);
    assertRoomFor(existing, prepared.length);
    const adding = prepared.reduce((sum, photo) => sum + photo.data.length, 0);
    if ((await sumPhotoBytes(tx, owner)) + adding > deps.caps.bytesPerReport)
      throw new DomainError(
        'conflict',
        `The photos of a report take at most ${Math.round(deps.caps.bytesPerReport / 1_000_000)} MB together; send smaller photos.`,
      );
    if (input.uploadedBy === null && input.addressKey !== null)
      await chargeUploadUsage(tx, {
        addressKey: input.addressKey,
        now,
        bytes: adding,
        capBytes: deps.caps.bytesPerAddressPerDay,
      });
    for (const photo of prepared) {
      await insertPhoto(tx, {
        municipalityCode: report.municipalityCode,
        owner,
        ...photo,
        uploadedBy: input.uploadedBy,
        at: now,
      });
    }
    return { added: prepared.length, photoCount: existing + prepared.length, maxPhotos: MAX_PHOTOS_PER_REPORT };
  });
}
