import type { Queryable } from '../../db/db.ts';
import type { MunicipalitySettings } from './schemas.ts';

const settingsColumns = `code AS "municipalityCode", name, timezone AS "timeZone",
  reporter_retention_days AS "reporterRetentionDays", photo_retention_days AS "photoRetentionDays"`;

export async function selectSettings(db: Queryable, municipalityCode: string): Promise<MunicipalitySettings | null> {
  const { rows } = await db.query<MunicipalitySettings>(
    `SELECT ${settingsColumns} FROM municipalities WHERE code = $1`,
    [municipalityCode],
  );
  return rows[0] ?? null;
}

/** Only when it differs: an unchanged zone does not bump the routing data version (a statement trigger would). */
export async function updateTimeZone(db: Queryable, municipalityCode: string, timeZone: string): Promise<void> {
  await db.query(`UPDATE municipalities SET timezone = $2 WHERE code = $1 AND timezone IS DISTINCT FROM $2`, [
    municipalityCode,
    timeZone,
  ]);
}
