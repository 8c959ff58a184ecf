import type { Queryable } from '../../db/db.ts';
import { RD_SRID, sridOf, type Crs } from './crs.ts';

/** A Polygon/MultiPolygon as GeoJSON text plus the SRID its coordinates are in. */
export interface GeometryInput {
  geojson: string;
  srid: number;
}

/**
 * Stored as a valid MultiPolygon in RD New. ST_MakeValid only runs on invalid input, so a
 * valid source geometry is stored exactly as delivered.
 */
const storedGeometry = (param: string, sridParam: string) => `(
  SELECT ST_Multi(CASE WHEN ST_IsValid(g) THEN g ELSE ST_CollectionExtract(ST_MakeValid(g), 3) END)
  FROM (SELECT ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(${param}), ${sridParam}::int), ${RD_SRID}) AS g) AS source
)`;

export async function upsertMunicipality(
  db: Queryable,
  m: { code: string; name: string; slug: string; jurisdictionId: string | null },
) {
  await db.query(
    `INSERT INTO municipalities (code, name, slug, jurisdiction_id) VALUES ($1, $2, $3, $4)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, slug = EXCLUDED.slug,
       jurisdiction_id = COALESCE(EXCLUDED.jurisdiction_id, municipalities.jurisdiction_id)`,
    [m.code, m.name, m.slug, m.jurisdictionId],
  );
}

export async function upsertBorough(
  db: Queryable,
  municipalityCode: string,
  b: { code: string; name: string },
): Promise<string> {
  const result = await db.query<{ id: string }>(
    `INSERT INTO boroughs (municipality_code, code, name) VALUES ($1, $2, $3)
     ON CONFLICT (municipality_code, code) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
    [municipalityCode, b.code, b.name],
  );
  return result.rows[0]!.id;
}

/** Borough outlines are the union of their districts, so they never disagree with them. */
export async function refreshBoroughGeometries(db: Queryable, municipalityCode: string) {
  await db.query(
    `UPDATE boroughs b SET geom = (SELECT ST_Multi(ST_Union(d.geom)) FROM districts d WHERE d.borough_id = b.id)
     WHERE b.municipality_code = $1`,
    [municipalityCode],
  );
}

/** Of these district and neighbourhood codes, those stored for another municipality, with that municipality. */
export async function codesOfOtherMunicipalities(
  db: Queryable,
  municipalityCode: string,
  codes: { districts: string[]; neighbourhoods: string[] },
): Promise<Array<{ code: string; municipality_code: string }>> {
  const { rows } = await db.query<{ code: string; municipality_code: string }>(
    `SELECT code, municipality_code FROM districts WHERE code = ANY($1::text[]) AND municipality_code <> $3
     UNION ALL
     SELECT code, municipality_code FROM neighbourhoods WHERE code = ANY($2::text[]) AND municipality_code <> $3
     ORDER BY code`,
    [codes.districts, codes.neighbourhoods, municipalityCode],
  );
  return rows;
}

export async function upsertDistrict(
  db: Queryable,
  d: {
    code: string;
    municipalityCode: string;
    name: string;
    population: number | null;
    boroughId: string | null;
    keepBorough: boolean;
    geometry: GeometryInput;
  },
) {
  await db.query(
    `INSERT INTO districts (code, municipality_code, borough_id, name, population, geom)
     VALUES ($1, $2, $3, $4, $5, ${storedGeometry('$6', '$7')})
     ON CONFLICT (code) DO UPDATE SET municipality_code = EXCLUDED.municipality_code, name = EXCLUDED.name,
       population = EXCLUDED.population, geom = EXCLUDED.geom,
       borough_id = CASE WHEN $8::boolean THEN districts.borough_id ELSE EXCLUDED.borough_id END`,
    [d.code, d.municipalityCode, d.boroughId, d.name, d.population, d.geometry.geojson, d.geometry.srid, d.keepBorough],
  );
}

export async function upsertNeighbourhood(
  db: Queryable,
  n: { code: string; municipalityCode: string; districtCode: string; name: string; geometry: GeometryInput },
) {
  await db.query(
    `INSERT INTO neighbourhoods (code, municipality_code, district_code, name, geom)
     VALUES ($1, $2, $3, $4, ${storedGeometry('$5', '$6')})
     ON CONFLICT (code) DO UPDATE SET municipality_code = EXCLUDED.municipality_code,
       district_code = EXCLUDED.district_code, name = EXCLUDED.name, geom = EXCLUDED.geom`,
    [n.code, n.municipalityCode, n.districtCode, n.name, n.geometry.geojson, n.geometry.srid],
  );
}

// ── Reading ─────────────────────────────────────────────────────────────────

export interface MunicipalityRow {
  code: string;
  name: string;
  slug: string;
  jurisdictionId: string | null;
  timezone: string;
  boroughCount: number;
  districtCount: number;
  neighbourhoodCount: number;
  population: number | null;
}

const municipalitySelect = `
  SELECT m.code, m.name, m.slug, m.jurisdiction_id AS "jurisdictionId", m.timezone,
    (SELECT count(*)::int FROM boroughs b WHERE b.municipality_code = m.code) AS "boroughCount",
    (SELECT count(*)::int FROM districts d WHERE d.municipality_code = m.code) AS "districtCount",
    (SELECT count(*)::int FROM neighbourhoods n WHERE n.municipality_code = m.code) AS "neighbourhoodCount",
    (SELECT sum(d.population)::int FROM districts d WHERE d.municipality_code = m.code) AS population
  FROM municipalities m`;

export async function listMunicipalities(db: Queryable): Promise<MunicipalityRow[]> {
  return (await db.query<MunicipalityRow>(`${municipalitySelect} ORDER BY m.code`)).rows;
}

export async function findMunicipality(db: Queryable, code: string): Promise<MunicipalityRow | undefined> {
  return (await db.query<MunicipalityRow>(`${municipalitySelect} WHERE m.code = $1`, [code])).rows[0];
}

/** The IANA zone on whose wall clock the municipality works; undefined when it is not imported. */
export async function findMunicipalityTimeZone(db: Queryable, code: string): Promise<string | undefined> {
  return (await db.query<{ timezone: string }>('SELECT timezone FROM municipalities WHERE code = $1', [code])).rows[0]
    ?.timezone;
}

export interface BoroughRow {
  code: string;
  name: string;
  districtCodes: string[];
  population: number | null;
}

export async function listBoroughs(db: Queryable, municipalityCode: string): Promise<BoroughRow[]> {
  const result = await db.query<BoroughRow>(
    `SELECT b.code, b.name,
       COALESCE(array_agg(d.code ORDER BY d.code) FILTER (WHERE d.code IS NOT NULL), '{}') AS "districtCodes",
       sum(d.population)::int AS population
     FROM boroughs b LEFT JOIN districts d ON d.borough_id = b.id
     WHERE b.municipality_code = $1 GROUP BY b.id, b.code, b.name ORDER BY b.code`,
    [municipalityCode],
  );
  return result.rows;
}

/** Geometry as GeoJSON text in the requested CRS, optionally simplified (tolerance in metres, applied in RD). */
function geometryOutput(column: string, crs: Crs, simplifyMetres: number | undefined): string {
  const simplified =
    simplifyMetres && simplifyMetres > 0 ? `ST_SimplifyPreserveTopology(${column}, ${Number(simplifyMetres)})` : column;
  if (crs === 'EPSG:28992') return `ST_AsGeoJSON(${simplified}, 2, 0)`;
  const transformed = `ST_Transform(${simplified}, ${sridOf(crs)})`;
  // EPSG:4258 is served in its authority axis order (latitude, longitude).
  return crs === 'EPSG:4258'
    ? `ST_AsGeoJSON(ST_FlipCoordinates(${transformed}), 7, 0)`
    : `ST_AsGeoJSON(${transformed}, 7, 0)`;
}

export interface DistrictFeatureRow {
  code: string;
  name: string;
  municipalityCode: string;
  boroughCode: string | null;
  boroughName: string | null;
  population: number | null;
  geometry: string;
}

export async function listDistrictFeatures(
  db: Queryable,
  filter: { municipalityCode?: string; districtCode?: string },
  crs: Crs,
  simplifyMetres?: number,
): Promise<DistrictFeatureRow[]> {
  const result = await db.query<DistrictFeatureRow>(
    `SELECT d.code, d.name, d.municipality_code AS "municipalityCode", b.code AS "boroughCode", b.name AS "boroughName",
       d.population, ${geometryOutput('d.geom', crs, simplifyMetres)} AS geometry
     FROM districts d LEFT JOIN boroughs b ON b.id = d.borough_id
     WHERE ($1::text IS NULL OR d.municipality_code = $1) AND ($2::text IS NULL OR d.code = $2)
     ORDER BY d.code`,
    [filter.municipalityCode ?? null, filter.districtCode ?? null],
  );
  return result.rows;
}

export interface NeighbourhoodFeatureRow {
  code: string;
  name: string;
  districtCode: string;
  geometry: string;
}

export async function listNeighbourhoodFeatures(
  db: Queryable,
  municipalityCode: string,
  crs: Crs,
  simplifyMetres?: number,
) {
  const result = await db.query<NeighbourhoodFeatureRow>(
    `SELECT n.code, n.name, n.district_code AS "districtCode", ${geometryOutput('n.geom', crs, simplifyMetres)} AS geometry
     FROM neighbourhoods n WHERE n.municipality_code = $1 ORDER BY n.code`,
    [municipalityCode],
  );
  return result.rows;
}

// ── For the in-process locator: full-precision RD coordinates ───────────────

export interface DistrictShapeRow {
  code: string;
  name: string;
  municipalityCode: string;
  boroughCode: string | null;
  boroughName: string | null;
  geometry: string;
}

export async function loadDistrictShapes(db: Queryable): Promise<DistrictShapeRow[]> {
  const result = await db.query<DistrictShapeRow>(
    `SELECT d.code, d.name, d.municipality_code AS "municipalityCode", b.code AS "boroughCode", b.name AS "boroughName",
       ST_AsGeoJSON(d.geom, 15, 0) AS geometry
     FROM districts d LEFT JOIN boroughs b ON b.id = d.borough_id ORDER BY d.code`,
  );
  return result.rows;
}

export interface NeighbourhoodShapeRow {
  code: string;
  name: string;
  districtCode: string;
  geometry: string;
}

export async function loadNeighbourhoodShapes(db: Queryable): Promise<NeighbourhoodShapeRow[]> {
  const result = await db.query<NeighbourhoodShapeRow>(
    `SELECT code, name, district_code AS "districtCode", ST_AsGeoJSON(geom, 15, 0) AS geometry FROM neighbourhoods ORDER BY code`,
  );
  return result.rows;
}

/** Bumped by statement triggers on every change to the tables the locator reads (migration 0110). */
export async function selectGeographyVersion(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ version: number }>(
    'SELECT geography_version::float8 AS version FROM routing_data_version',
  );
  if (!rows[0]) throw new Error('routing_data_version has no row (migration 0080)');
  return Number(rows[0].version);
}
