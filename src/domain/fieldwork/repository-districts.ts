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
