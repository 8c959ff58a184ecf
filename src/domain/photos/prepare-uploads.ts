import { createHash } from 'node:crypto';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { InvalidImage, type CleanImage } from './image-format.ts';
import { withPhotoSlot } from './photo-slots.ts';
import { reencodePhoto } from './reencode-photo.ts';
import type { UploadedFile } from './schemas.ts';

export interface PreparedPhoto extends CleanImage {
  sha256: string;
}

/**
 * Checks and re-encodes every file and reports all problems together; nothing is stored when any file is
 * refused. Files are read from their spool file and re-encoded one after another, each in one of the process'
 * decode slots, so one request holds at most one photo in memory and the process at most PHOTO_DECODE_SLOTS.
 */
export async function prepareUploads(
  files: UploadedFile[],
  limits: { maxBytes: number; maxFiles: number },
): Promise<PreparedPhoto[]> {
  const problems: FieldProblem[] = [];
  if (files.length === 0)
    problems.push({ name: 'files', reason: 'send at least one JPEG or PNG file', code: 'required' });
  if (files.length > limits.maxFiles)
    problems.push({ name: 'files', reason: `at most ${limits.maxFiles} photo(s)`, code: 'too_many' });
  const prepared: PreparedPhoto[] = [];
  for (const [index, file] of files.entries()) {
    const name = `files[${index}]`;
    if (file.truncated || file.size > limits.maxBytes) {
      problems.push({
        name,
        reason: `larger than ${Math.floor((limits.maxBytes / 1_048_576) * 10) / 10} MB`,
        code: 'too_large',
      });
      continue;
    }
    try {
      const clean = await withPhotoSlot(async () => reencodePhoto(await file.read()));
      prepared.push({ ...clean, sha256: createHash('sha256').update(clean.data).digest('hex') });
    } catch (error) {
      if (!(error instanceof InvalidImage)) throw error;
      problems.push({ name, reason: `${error.reason}; only JPEG and PNG photos are accepted`, code: 'invalid_image' });
    }
  }
  if (problems.length > 0)
    throw new DomainError('validation', `${problems.length} problem(s) with the photos`, problems);
  return prepared;
}
