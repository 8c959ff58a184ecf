/** Hand-built data for the retention tests: two municipalities, closed and open reports, followers, photos, sessions. */
import type { Db } from '../../db/db.ts';

const SQUARE = 'ST_Multi(ST_MakeEnvelope(100000, 480000, 101000, 481000, 28992))';

export async function addMunicipality(db: Db, code: string, slug: string, districtCode: string): Promise<void> {
  await db.query('INSERT INTO municipalities (code, name, slug) VALUES ($1, $2, $2)', [code, slug]);
  await db.query(`INSERT INTO districts (code, municipality_code, name, geom) VALUES ($1, $2, $1, ${SQUARE})`, [
    districtCode,
    code,
  ]);
  await db.query(
    "INSERT INTO categories (municipality_code, code, name_nl, name_en) VALUES ($1, 'overig', 'Overig', 'Other')",
    [code],
  );
}

export interface ReportFixture {
  municipality: string;
  district: string;
  status: 'new' | 'resolved' | 'cancelled' | 'reopened';
  closedAt: Date | null;
}

/** A report with full reporter contact, one follower and one photo; returns its id. */
export async function addReport(db: Db, fixture: ReportFixture): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO reports (municipality_code, tracking_code, category_id, description, source, location,
       district_code, status, urgent, deadline, assignee_kind, assignee_id, routing_rule, routing_reason_nl,
       routing_reason_en, reporter_email, reporter_phone, reporter_name, reporter_consent_share, media_url,
       created_at, updated_at, closed_at)
     SELECT $1, 'WP-' || substr(md5(random()::text), 1, 8), c.id, 'Afval naast de container', 'web',
       ST_SetSRID(ST_MakePoint(100500, 480500), 28992), $2, $3, false, $4, 'queue', gen_random_uuid(), 'test',
       'test', 'test', 'melder@example.org', '+31612345678', 'Mel Der', true, 'https://photos.example/1.jpg', $4, $4, $5
       FROM categories c WHERE c.municipality_code = $1 AND c.code = 'overig'
     RETURNING id`,
    [fixture.municipality, fixture.district, fixture.status, new Date('2025-01-01T10:00:00Z'), fixture.closedAt],
  );
  const id = rows[0]!.id;
  await db.query(
    "INSERT INTO report_followers (report_id, email, created_at) VALUES ($1, 'volger@example.org', '2025-01-02')",
    [id],
  );
  await db.query(
    `INSERT INTO photos (municipality_code, report_id, content_type, byte_size, sha256, data, created_at)
     VALUES ($1, $2, 'image/jpeg', 4, repeat('a', 64), '\\xffd8ffd9'::bytea, '2025-01-02')`,
    [fixture.municipality, id],
  );
  return id;
}

export async function reportState(db: Db, id: string) {
  const { rows } = await db.query<{
    reporter_email: string | null;
    reporter_phone: string | null;
    reporter_name: string | null;
    reporter_consent_share: boolean;
    media_url: string | null;
    description: string;
    followers: number;
    photos: number;
  }>(
    `SELECT reporter_email, reporter_phone, reporter_name, reporter_consent_share, media_url, description,
            (SELECT count(*)::int FROM report_followers f WHERE f.report_id = r.id) AS followers,
            (SELECT count(*)::int FROM photos p WHERE p.report_id = r.id) AS photos
       FROM reports r WHERE id = $1`,
    [id],
  );
  return rows[0]!;
}
