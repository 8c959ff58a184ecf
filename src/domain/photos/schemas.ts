import { z } from 'zod';

export const photoSchema = z.object({
  id: z.uuid(),
  contentType: z.enum(['image/jpeg', 'image/png']),
  byteSize: z.number().int(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  sha256: z.string().describe('Of the stored (metadata-free) bytes'),
  createdAt: z.string().describe('ISO 8601 timestamp with zone'),
  url: z.string().describe('Where staff fetch the image'),
});
export type Photo = z.infer<typeof photoSchema>;
export const photoListSchema = z.object({ items: z.array(photoSchema) });
export type PhotoList = z.infer<typeof photoListSchema>;

/** What the public uploader gets back: how many photos the report has, no links to them. */
export const uploadReceiptSchema = z.object({
  added: z.number().int(),
  photoCount: z.number().int(),
  maxPhotos: z.number().int(),
});
export type UploadReceipt = z.infer<typeof uploadReceiptSchema>;

export const trackingCodeParamsSchema = z.object({ trackingCode: z.string().min(1).max(40) });
export const reportIdParamsSchema = z.object({ reportId: z.uuid() });
export const observationIdParamsSchema = z.object({ observationId: z.uuid() });
export const photoIdParamsSchema = z.object({ photoId: z.uuid() });

/**
 * One uploaded file as the HTTP adapter hands it over: spooled to disk, read only when its turn comes, so a
 * request holds no photo in memory while it waits.
 */
export interface UploadedFile {
  fieldName: string;
  /** Bytes received (up to the size limit). */
  size: number;
  /** True when the file was cut off at the size limit. */
  truncated: boolean;
  read(): Promise<Buffer>;
}
