import type { Queryable } from '../../db/db.ts';

/** Whether the district exists in the municipality; field work never crosses municipalities. */
export async function districtInMunicipality(
  db: Queryable,
  districtCode: string,
  municipalityCode: string,
): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM districts WHERE code = $1 AND municipality_code = $2', [
    districtCode,
    municipalityCode,
  ]);
  return rows.length > 0;
}

/** The neighbourhood of the district that covers the point (RD New), if one does. */
export async function coveringNeighbourhood(
  db: Queryable,
  districtCode: string,
  rd: readonly [number, number],
): Promise<string | null> {
  const { rows } = await db.query<{ code: string }>(
    `SELECT n.code FROM neighbourhoods n
      WHERE n.district_code = $1 AND ST_Covers(n.geom, ST_SetSRID(ST_MakePoint($2, $3), 28992)) LIMIT 1`,
    [districtCode, rd[0], rd[1]],
  );
  return rows[0]?.code ?? null;
}
