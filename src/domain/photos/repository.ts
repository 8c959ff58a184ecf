import type { Queryable } from '../../db/db.ts';
import type { PhotoContentType } from './image-format.ts';
import type { Photo } from './schemas.ts';

interface PhotoRow {
  id: string;
  content_type: PhotoContentType;
  byte_size: number;
  width: number | null;
  height: number | null;
  sha256: string;
  created_at: Date;
}

const toPhoto = (row: PhotoRow): Photo => ({
  id: row.id,
  contentType: row.content_type,
  byteSize: row.byte_size,
  width: row.width,
  height: row.height,
  sha256: row.sha256,
  createdAt: new Date(row.created_at).toISOString(),
  url: `/api/v1/photos/${row.id}`,
});

const photoColumns = 'id, content_type, byte_size, width, height, sha256, created_at';

export type PhotoOwner = { kind: 'report'; id: string } | { kind: 'observation'; id: string };
const ownerColumn = (owner: PhotoOwner) => (owner.kind === 'report' ? 'report_id' : 'observation_id');

/**
 * The reports area exports no lookup by tracking code that returns the report's id, so this
 * small read stays here. It locks the report row so concurrent uploads count photos one at a time.
 */
export async function lockReportByTrackingCode(
  db: Queryable,
  trackingCode: string,
): Promise<{ id: string; municipalityCode: string; createdAt: Date } | null> {
  const { rows } = await db.query<{ id: string; municipality_code: string; created_at: Date }>(
    'SELECT id, municipality_code, created_at FROM reports WHERE tracking_code = $1 FOR UPDATE',
    [trackingCode],
  );
  const row = rows[0];
  return row ? { id: row.id, municipalityCode: row.municipality_code, createdAt: new Date(row.created_at) } : null;
}

/** The same report without a lock: the cheap check made before an upload's body is read. */
export async function findReportForUpload(
  db: Queryable,
  trackingCode: string,
): Promise<{ createdAt: Date; photoCount: number } | null> {
  const { rows } = await db.query<{ created_at: Date; photo_count: number }>(
    'SELECT r.created_at, (SELECT count(*)::int FROM photos p WHERE p.report_id = r.id) AS photo_count FROM reports r WHERE r.tracking_code = $1',
    [trackingCode],
  );
  const row = rows[0];
  return row ? { createdAt: new Date(row.created_at), photoCount: row.photo_count } : null;
}

export async function lockObservation(
  db: Queryable,
  observationId: string,
): Promise<{ id: string; municipalityCode: string; officerId: string } | null> {
  const { rows } = await db.query<{ id: string; municipality_code: string; officer_id: string }>(
    'SELECT id, municipality_code, officer_id FROM observations WHERE id = $1 FOR UPDATE',
    [observationId],
  );
  const row = rows[0];
  return row ? { id: row.id, municipalityCode: row.municipality_code, officerId: row.officer_id } : null;
}

export async function countPhotos(db: Queryable, owner: PhotoOwner): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM photos WHERE ${ownerColumn(owner)} = $1`,
    [owner.id],
  );
  return rows[0]!.n;
}

export interface NewPhoto {
  municipalityCode: string;
  owner: PhotoOwner;
  contentType: PhotoContentType;
  data: Buffer;
  sha256: string;
  width: number;
  height: number;
  uploadedBy: string | null;
  at: Date;
}

export async function insertPhoto(db: Queryable, p: NewPhoto): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO photos (municipality_code, report_id, observation_id, content_type, byte_size, sha256, width, height, data, uploaded_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING id`,
    [
      p.municipalityCode,
      p.owner.kind === 'report' ? p.owner.id : null,
      p.owner.kind === 'observation' ? p.owner.id : null,
      p.contentType,
      p.data.length,
      p.sha256,
      p.width,
      p.height,
      p.data,
      p.uploadedBy,
      p.at,
    ],
  );
  return rows[0]!.id;
}

export async function listPhotoRows(db: Queryable, owner: PhotoOwner): Promise<Photo[]> {
  const { rows } = await db.query<PhotoRow>(
    `SELECT ${photoColumns} FROM photos WHERE ${ownerColumn(owner)} = $1 ORDER BY created_at, id`,
    [owner.id],
  );
  return rows.map(toPhoto);
}

export interface StoredPhoto {
  id: string;
  municipalityCode: string;
  reportId: string | null;
  observationId: string | null;
  contentType: PhotoContentType;
  data: Buffer;
}

export async function findStoredPhoto(db: Queryable, photoId: string): Promise<StoredPhoto | null> {
  const { rows } = await db.query<{
    id: string;
    municipality_code: string;
    report_id: string | null;
    observation_id: string | null;
    content_type: PhotoContentType;
    data: Uint8Array;
  }>('SELECT id, municipality_code, report_id, observation_id, content_type, data FROM photos WHERE id = $1', [
    photoId,
  ]);
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    reportId: row.report_id,
    observationId: row.observation_id,
    contentType: row.content_type,
    data: Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength),
  };
}

export async function findInstallationKey(db: Queryable, name: string): Promise<string> {
  const { rows } = await db.query<{ key: string }>('SELECT key FROM installation_keys WHERE name = $1', [name]);
  if (!rows[0]) throw new Error(`installation key ${name} is missing: run the migrations`);
  return rows[0].key;
}

/** Adds to an address's bytes of the day and returns the new total. */
export async function addUploadUsage(db: Queryable, addressKey: string, day: string, bytes: number): Promise<number> {
  const { rows } = await db.query<{ bytes: string }>(
    `INSERT INTO photo_upload_usage (address_key, day, bytes) VALUES ($1, $2, $3)
     ON CONFLICT (address_key, day) DO UPDATE SET bytes = photo_upload_usage.bytes + EXCLUDED.bytes
     RETURNING bytes::text AS bytes`,
    [addressKey, day, bytes],
  );
  return Number(rows[0]!.bytes);
}

/** Stored bytes of a report's photos. */
export async function sumPhotoBytes(db: Queryable, owner: PhotoOwner): Promise<number> {
  const { rows } = await db.query<{ bytes: string }>(
    `SELECT coalesce(sum(byte_size), 0)::text AS bytes FROM photos WHERE ${ownerColumn(owner)} = $1`,
    [owner.id],
  );
  return Number(rows[0]!.bytes);
}
