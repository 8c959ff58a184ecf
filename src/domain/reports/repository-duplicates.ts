import type { Queryable } from '../../db/db.ts';

/** SQL of duplicate links (migration 0210). */

export async function findDuplicateOf(db: Queryable, reportId: string): Promise<string | null> {
  const { rows } = await db.query<{ duplicate_of: string | null }>('SELECT duplicate_of FROM reports WHERE id = $1', [
    reportId,
  ]);
  return rows[0]?.duplicate_of ?? null;
}

export async function closeAsDuplicate(
  db: Queryable,
  change: { reportId: string; mainReportId: string; at: Date },
): Promise<void> {
  await db.query(
    `UPDATE reports SET status = 'cancelled', closed_at = $3, updated_at = $3, duplicate_of = $2, version = version + 1
      WHERE id = $1`,
    [change.reportId, change.mainReportId, change.at],
  );
}

/**
 * The duplicate's reporter (when they left an e-mail address) and its followers follow the main report, each address
 * once (the unique index of 0090 on report and lower(email)). Returns how many addresses were added.
 */
export async function copyFollowersToMain(
  db: Queryable,
  move: { duplicateId: string; mainReportId: string; at: Date },
): Promise<number> {
  const { rowCount } = await db.query(
    `INSERT INTO report_followers (report_id, email, language, created_at)
     SELECT DISTINCT ON (lower(email)) $2::uuid, email, language, $3::timestamptz
       FROM (SELECT f.email, f.language, 0 AS rank FROM report_followers f WHERE f.report_id = $1
             UNION ALL
             SELECT r.reporter_email, 'nl', 1 FROM reports r WHERE r.id = $1 AND r.reporter_email IS NOT NULL) addresses
      ORDER BY lower(email), rank
     ON CONFLICT (report_id, lower(email)) DO NOTHING`,
    [move.duplicateId, move.mainReportId, move.at],
  );
  return rowCount ?? 0;
}
