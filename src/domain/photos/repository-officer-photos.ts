import type { Queryable } from '../../db/db.ts';
import type { PhotoContentType } from './image-format.ts';

export async function deleteOfficerPhoto(db: Queryable, officerId: string): Promise<void> {
  await db.query('DELETE FROM officer_photos WHERE officer_id = $1', [officerId]);
}

export async function insertOfficerPhoto(
  db: Queryable,
  p: {
    officerId: string;
    contentType: PhotoContentType;
    data: Buffer;
    sha256: string;
    width: number;
    height: number;
    uploadedBy: string;
    at: Date;
  },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO officer_photos (officer_id, content_type, byte_size, sha256, width, height, data, uploaded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
    [p.officerId, p.contentType, p.data.length, p.sha256, p.width, p.height, p.data, p.uploadedBy, p.at],
  );
  return rows[0]!.id;
}

/** The portrait, only while its officer is active: a deactivated officer's face is no longer published. */
export async function findPublicOfficerPhoto(
  db: Queryable,
  photoId: string,
): Promise<{ id: string; contentType: PhotoContentType; data: Buffer } | null> {
  const { rows } = await db.query<{ id: string; content_type: PhotoContentType; data: Uint8Array }>(
    `SELECT p.id, p.content_type, p.data FROM officer_photos p JOIN users u ON u.id = p.officer_id AND u.active
      WHERE p.id = $1`,
    [photoId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    contentType: row.content_type,
    data: Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength),
  };
}
