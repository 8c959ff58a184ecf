import type { Queryable } from '../../db/db.ts';
import { toCrs84 } from '../geography/index.ts';
import type { KeysetPosition } from '../../shared/cursor.ts';
import type { Observation } from './schemas.ts';

interface ObservationRow {
  id: string;
  officer_id: string;
  officer_name: string;
  category_code: string;
  x: number;
  y: number;
  district_code: string;
  neighbourhood_code: string | null;
  observed_at: Date;
  /** observed_at as PostgreSQL prints it, microseconds included: the keyset position. */
  observed_at_text: string;
  note: string | null;
  photo_count: number;
  created_at: Date;
}

const selectObservations = `
  SELECT o.id, o.officer_id, u.name AS officer_name, c.code AS category_code,
         ST_X(o.location) AS x, ST_Y(o.location) AS y, o.district_code, o.neighbourhood_code,
         o.observed_at, o.observed_at::text AS observed_at_text, o.note, o.created_at,
         (SELECT count(*)::int FROM photos p WHERE p.observation_id = o.id) AS photo_count
    FROM observations o
    JOIN users u ON u.id = o.officer_id
    JOIN categories c ON c.id = o.category_id`;

function toObservation(row: ObservationRow): Observation {
  const [lon, lat] = toCrs84(Number(row.x), Number(row.y));
  return {
    id: row.id,
    officerId: row.officer_id,
    officerName: row.officer_name,
    categoryCode: row.category_code,
    location: { type: 'Point', coordinates: [Number(lon.toFixed(7)), Number(lat.toFixed(7))] },
    districtCode: row.district_code,
    neighbourhoodCode: row.neighbourhood_code,
    observedAt: new Date(row.observed_at).toISOString(),
    note: row.note,
    photoCount: row.photo_count,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

export interface NewObservation {
  municipalityCode: string;
  officerId: string;
  categoryId: string;
  rd: [number, number];
  districtCode: string;
  neighbourhoodCode: string | null;
  observedAt: Date;
  note: string | null;
  createdAt: Date;
}

export async function insertObservation(db: Queryable, o: NewObservation): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO observations (municipality_code, officer_id, category_id, location, district_code, neighbourhood_code, observed_at, note, created_at)
     VALUES ($1, $2, $3, ST_SetSRID(ST_MakePoint($4, $5), 28992), $6, $7, $8, $9, $10) RETURNING id`,
    [
      o.municipalityCode,
      o.officerId,
      o.categoryId,
      o.rd[0],
      o.rd[1],
      o.districtCode,
      o.neighbourhoodCode,
      o.observedAt,
      o.note,
      o.createdAt,
    ],
  );
  return rows[0]!.id;
}

export async function findObservation(
  db: Queryable,
  municipalityCode: string,
  id: string,
): Promise<Observation | null> {
  const { rows } = await db.query<ObservationRow>(
    `${selectObservations} WHERE o.id = $1 AND o.municipality_code = $2`,
    [id, municipalityCode],
  );
  return rows[0] ? toObservation(rows[0]) : null;
}

export interface ObservationFilter {
  municipalityCode: string;
  districtCode?: string | undefined;
  officerId?: string | undefined;
  categoryCode?: string | undefined;
  from: Date | null;
  to: Date | null;
  after: KeysetPosition | null;
  limit: number;
}

/** Newest first, each with its keyset position; the caller asks for one row more than it shows. */
export async function listObservationRows(
  db: Queryable,
  f: ObservationFilter,
): Promise<Array<{ observation: Observation; position: KeysetPosition }>> {
  const { rows } = await db.query<ObservationRow>(
    `${selectObservations}
      WHERE o.municipality_code = $1
        AND ($2::text IS NULL OR o.district_code = $2)
        AND ($3::uuid IS NULL OR o.officer_id = $3)
        AND ($4::text IS NULL OR c.code = $4)
        AND ($5::timestamptz IS NULL OR o.observed_at >= $5)
        AND ($6::timestamptz IS NULL OR o.observed_at < $6)
        AND ($7::timestamptz IS NULL OR (o.observed_at, o.id) < ($7::timestamptz, $8::uuid))
      ORDER BY o.observed_at DESC, o.id DESC
      LIMIT $9`,
    [
      f.municipalityCode,
      f.districtCode ?? null,
      f.officerId ?? null,
      f.categoryCode ?? null,
      f.from,
      f.to,
      f.after?.at ?? null,
      f.after?.id ?? null,
      f.limit,
    ],
  );
  return rows.map((row) => ({ observation: toObservation(row), position: { at: row.observed_at_text, id: row.id } }));
}
