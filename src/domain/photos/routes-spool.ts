import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/errors.ts';
import type { UploadedFile } from './schemas.ts';

/**
 * The files of a multipart upload, each streamed to a file of its own in a fresh directory under the spool
 * directory as it arrives: a request holds no photo in memory while it waits for its turn to be decoded.
 * `remove` deletes the directory; call it when the request is done, whatever the outcome.
 */
export interface SpooledUpload {
  files: UploadedFile[];
  remove(): Promise<void>;
}

export async function spoolFiles(request: FastifyRequest, spoolDir: string): Promise<SpooledUpload> {
  if (!request.isMultipart()) {
    // Answered like any other unsupported body type (415), not with the plugin's 406.
    throw Object.assign(new Error('Send the photos as multipart/form-data.'), {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
  }
  const dir = await mkdtemp(join(spoolDir, 'wijkpost-upload-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.files()) {
      const path = join(dir, randomUUID());
      let size = 0;
      part.file.on('data', (chunk: Buffer) => (size += chunk.length));
      await pipeline(part.file, createWriteStream(path));
      files.push({ fieldName: part.fieldname, size, truncated: part.file.truncated, read: () => readFile(path) });
    }
  } catch (error) {
    await remove();
    // The plugin's own refusals (too many files, …) carry their status; the parser's do not: the body is broken.
    if ((error as { statusCode?: number }).statusCode) throw error;
    throw new DomainError('validation', 'The multipart body is broken or cut off; send the photos again.', [
      { name: 'body', reason: 'not a complete multipart/form-data body', code: 'malformed_multipart' },
    ]);
  }
  return { files, remove };
}

/** Spools the upload, runs `work` on its files, and always removes the spool files afterwards. */
export async function withSpooledFiles<T>(
  request: FastifyRequest,
  spoolDir: string,
  work: (files: UploadedFile[]) => Promise<T>,
): Promise<T> {
  const upload = await spoolFiles(request, spoolDir);
  try {
    return await work(upload.files);
  } finally {
    await upload.remove();
  }
}

/**
 * At most `max` uploads at a time in this process: one more is refused with 503 and Retry-After before its
 * body is read, so a crowd of slow or large uploads cannot fill the disk or the decode queue.
 */
export function uploadGate(max: number) {
  let inFlight = 0;
  return {
    enter() {
      if (inFlight >= max)
        throw new DomainError('unavailable', 'Too many photo uploads at this moment; try again shortly.', [], 5);
      inFlight++;
      let left = false;
      return () => {
        if (!left) inFlight--;
        left = true;
      };
    },
    inFlight: () => inFlight,
  };
}
