import type { Queryable } from '../../db/db.ts';

export interface FeedbackFigureRow {
  key: string;
  resolved: number;
  reopened: number;
  reopened_by_reporter: number;
  responses: number;
  solved: number;
  mean_satisfaction: number | null;
}

const groupColumn = { category: 'category_code', district: 'district_code' } as const;

/**
 * Per main category or district: reports resolved in [from, to) and how many of them were reopened afterwards
 * (by anyone, and by the reporter's feedback), and the feedback given in [from, to): responses, solved, mean
 * satisfaction. A report resolved twice in the period counts once, from its first resolution.
 */
export async function feedbackFigures(
  db: Queryable,
  municipalityCode: string,
  from: Date,
  to: Date,
  groupBy: keyof typeof groupColumn,
): Promise<FeedbackFigureRow[]> {
  const key = groupColumn[groupBy];
  const { rows } = await db.query<FeedbackFigureRow>(
    `WITH scoped AS (
       SELECT r.id, COALESCE(p.code, c.code) AS category_code, r.district_code
         FROM reports r JOIN categories c ON c.id = r.category_id LEFT JOIN categories p ON p.id = c.parent_id
        WHERE r.municipality_code = $1
     ), resolutions AS (
       SELECT h.report_id, min(h.at) AS at
         FROM report_history h JOIN scoped s ON s.id = h.report_id
        WHERE h.action = 'status_changed' AND h.to_status = 'resolved' AND h.at >= $2 AND h.at < $3
        GROUP BY h.report_id
     ), resolved AS (
       SELECT s.${key} AS key, count(*)::int AS resolved,
              (count(*) FILTER (WHERE reopen.any_reopen))::int AS reopened,
              (count(*) FILTER (WHERE reopen.by_reporter))::int AS reopened_by_reporter
         FROM resolutions x
         JOIN scoped s ON s.id = x.report_id
         CROSS JOIN LATERAL (
           SELECT count(*) > 0 AS any_reopen,
                  COALESCE(bool_or(COALESCE((h.data->>'byReporter')::boolean, false)), false) AS by_reporter
             FROM report_history h
            WHERE h.report_id = x.report_id AND h.action = 'status_changed' AND h.to_status = 'reopened' AND h.at > x.at
         ) reopen
        GROUP BY 1
     ), responses AS (
       SELECT s.${key} AS key, count(*)::int AS responses, (count(*) FILTER (WHERE f.solved))::int AS solved,
              avg(f.satisfaction)::float8 AS mean_satisfaction
         FROM report_feedback f JOIN scoped s ON s.id = f.report_id
        WHERE f.created_at >= $2 AND f.created_at < $3
        GROUP BY 1
     )
     SELECT COALESCE(a.key, b.key) AS key, COALESCE(a.resolved, 0) AS resolved, COALESCE(a.reopened, 0) AS reopened,
            COALESCE(a.reopened_by_reporter, 0) AS reopened_by_reporter, COALESCE(b.responses, 0) AS responses,
            COALESCE(b.solved, 0) AS solved, b.mean_satisfaction
       FROM resolved a FULL JOIN responses b ON a.key = b.key
      ORDER BY 1`,
    [municipalityCode, from, to],
  );
  return rows;
}

export async function districtNames(db: Queryable, municipalityCode: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ code: string; name: string }>(
    'SELECT code, name FROM districts WHERE municipality_code = $1',
    [municipalityCode],
  );
  return new Map(rows.map((row) => [row.code, row.name]));
}
