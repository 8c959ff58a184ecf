import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../shared/errors.ts';
import type { UploadedFile } from './schemas.ts';

/** Shown inline, never interpreted: no scripts, no plugins, no framing, no sniffing. */
export const PHOTO_CSP =
  "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox; frame-ancestors 'none'";

/** Reads every file part into memory; the size limit cuts a file off and marks it truncated. */
export async function readFiles(request: FastifyRequest): Promise<UploadedFile[]> {
  if (!request.isMultipart()) {
    // Answered like any other unsupported body type (415), not with the plugin's 406.
    throw Object.assign(new Error('Send the photos as multipart/form-data.'), {
      statusCode: 415,
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
    });
  }
  const files: UploadedFile[] = [];
  try {
    for await (const part of request.files()) {
      const data = await part.toBuffer();
      files.push({ fieldName: part.fieldname, data, truncated: part.file.truncated });
    }
  } catch (error) {
    // The plugin's own refusals (too many files, …) carry their status; the parser's do not: the body is broken.
    if ((error as { statusCode?: number }).statusCode) throw error;
    throw new DomainError('validation', 'The multipart body is broken or cut off; send the photos again.', [
      { name: 'body', reason: 'not a complete multipart/form-data body', code: 'malformed_multipart' },
    ]);
  }
  return files;
}
