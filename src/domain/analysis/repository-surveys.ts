/** SQL of the yearly survey results per district. */
import type { Queryable } from '../../db/db.ts';

export interface SurveyRow {
  districtCode: string;
  year: number;
  question: string;
  share: number;
  respondents: number | null;
}

/**
 * Replaces every stored row of the given years of the municipality by the given rows, in the caller's
 * transaction; returns how many rows were replaced.
 */
export async function replaceSurveyYears(
  tx: Queryable,
  municipalityCode: string,
  rows: readonly SurveyRow[],
  importedAt: Date,
  importedBy: string | null,
): Promise<number> {
  const years = [...new Set(rows.map((row) => row.year))];
  const removed = await tx.query('DELETE FROM survey_results WHERE municipality_code = $1 AND year = ANY ($2::int[])', [
    municipalityCode,
    years,
  ]);
  await tx.query(
    `INSERT INTO survey_results (municipality_code, district_code, year, question, share, respondents, imported_at, imported_by)
     SELECT $1, r.district_code, r.year, r.question, r.share, r.respondents, $3, $4
       FROM jsonb_to_recordset($2::jsonb) AS r(district_code text, year int, question text, share numeric, respondents int)`,
    [
      municipalityCode,
      JSON.stringify(
        rows.map((row) => ({
          district_code: row.districtCode,
          year: row.year,
          question: row.question,
          share: row.share,
          respondents: row.respondents,
        })),
      ),
      importedAt,
      importedBy,
    ],
  );
  return removed.rowCount;
}

export async function surveyResults(
  db: Queryable,
  municipalityCode: string,
  fromYear: number,
  toYear: number,
): Promise<SurveyRow[]> {
  const { rows } = await db.query<SurveyRow>(
    `SELECT district_code AS "districtCode", year, question, share::float8 AS share, respondents
       FROM survey_results WHERE municipality_code = $1 AND year BETWEEN $2 AND $3
      ORDER BY district_code, year, question`,
    [municipalityCode, fromYear, toYear],
  );
  return rows;
}

export async function districtNames(db: Queryable, municipalityCode: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ code: string; name: string }>(
    'SELECT code, name FROM districts WHERE municipality_code = $1 ORDER BY code',
    [municipalityCode],
  );
  return new Map(rows.map((row) => [row.code, row.name]));
}

/** Start of 1 January of each year on the municipality's wall clock. */
export async function yearStarts(
  db: Queryable,
  timeZone: string,
  fromYear: number,
  toYearInclusive: number,
): Promise<Date[]> {
  const { rows } = await db.query<{ start: Date }>(
    `SELECT (make_date(y, 1, 1)::timestamp AT TIME ZONE $3) AS start FROM generate_series($1::int, $2::int) y ORDER BY y`,
    [fromYear, toYearInclusive + 1, timeZone],
  );
  return rows.map((row) => new Date(row.start));
}
