import type { Queryable } from '../../db/db.ts';

/**
 * SQL of the retention jobs. Each statement decides per municipality (its retention columns) and counts what it
 * changed; none returns the data it removed. A report is past a limit when it is closed (resolved or cancelled)
 * and closed_at plus the municipality's days lies at or before now; a reopened report has no closed_at.
 */
const closedBefore = (daysColumn: string) => `
  r.status IN ('resolved', 'cancelled') AND r.closed_at IS NOT NULL
  AND r.closed_at + make_interval(days => m.${daysColumn}) <= $1`;

export async function clearReporterContact(db: Queryable, now: Date): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE reports r
        SET reporter_email = NULL, reporter_phone = NULL, reporter_name = NULL, reporter_consent_share = false
       FROM municipalities m
      WHERE m.code = r.municipality_code AND ${closedBefore('reporter_retention_days')}
        AND (r.reporter_email IS NOT NULL OR r.reporter_phone IS NOT NULL OR r.reporter_name IS NOT NULL
             OR r.reporter_consent_share)
      RETURNING r.id`,
    [now],
  );
  return rows.map((row) => row.id);
}

/** Returns the report of every follower row removed (a report once per row). */
export async function deleteFollowersOfClosedReports(db: Queryable, now: Date): Promise<string[]> {
  const { rows } = await db.query<{ report_id: string }>(
    `DELETE FROM report_followers f
      USING reports r JOIN municipalities m ON m.code = r.municipality_code
      WHERE f.report_id = r.id AND ${closedBefore('reporter_retention_days')}
      RETURNING f.report_id`,
    [now],
  );
  return rows.map((row) => row.report_id);
}

/**
 * One history entry per report, by the system: a retention job changed what the report holds, and the
 * history says so (without what was removed).
 */
export async function recordRetentionHistory(
  db: Queryable,
  reportIds: Iterable<string>,
  action: 'contact_expired' | 'photos_expired',
  now: Date,
): Promise<void> {
  const ids = [...new Set(reportIds)];
  if (ids.length === 0) return;
  await db.query(
    `INSERT INTO report_history (report_id, at, actor_label, action)
     SELECT id, $2, 'system', $3 FROM unnest($1::uuid[]) AS id`,
    [ids, now, action],
  );
}

export async function deletePhotosOfClosedReports(
  db: Queryable,
  now: Date,
): Promise<{ photos: number; bytes: number; reportIds: string[] }> {
  const { rows } = await db.query<{ report_id: string; byte_size: number }>(
    `DELETE FROM photos p
      USING reports r JOIN municipalities m ON m.code = r.municipality_code
      WHERE p.report_id = r.id AND ${closedBefore('photo_retention_days')}
      RETURNING p.report_id, p.byte_size`,
    [now],
  );
  return {
    photos: rows.length,
    bytes: rows.reduce((sum, row) => sum + Number(row.byte_size), 0),
    reportIds: rows.map((row) => row.report_id),
  };
}

/** The link to a photo an Open311 client hosts: a photo of the report too, so it goes when the photos go. */
export async function clearMediaLinksOfClosedReports(db: Queryable, now: Date): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>(
    `UPDATE reports r SET media_url = NULL
       FROM municipalities m
      WHERE m.code = r.municipality_code AND r.media_url IS NOT NULL AND ${closedBefore('photo_retention_days')}
      RETURNING r.id`,
    [now],
  );
  return rows.map((row) => row.id);
}

/** Sessions that can no longer sign anyone in: expired, or revoked (logout, password reset, deactivation). */
export async function deleteDeadSessions(db: Queryable, now: Date): Promise<{ expired: number; revoked: number }> {
  const { rows } = await db.query<{ expired: number; revoked: number }>(
    `WITH removed AS (
       DELETE FROM sessions WHERE expires_at <= $1 OR revoked_at IS NOT NULL RETURNING revoked_at)
     SELECT (count(*) FILTER (WHERE revoked_at IS NULL))::int AS expired,
            (count(*) FILTER (WHERE revoked_at IS NOT NULL))::int AS revoked
       FROM removed`,
    [now],
  );
  return rows[0] ?? { expired: 0, revoked: 0 };
}

export async function deleteIdempotencyRecordsBefore(db: Queryable, cutoff: Date): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM idempotency_keys WHERE created_at <= $1', [cutoff]);
  return rowCount;
}

export interface RetentionPeriods {
  municipalityCode: string;
  reporterDays: number;
  photoDays: number;
}

const periodColumns =
  'code AS "municipalityCode", reporter_retention_days AS "reporterDays", photo_retention_days AS "photoDays"';

export async function updateRetentionPeriods(
  db: Queryable,
  code: string,
  periods: { reporterDays?: number | undefined; photoDays?: number | undefined },
): Promise<RetentionPeriods | null> {
  const { rows } = await db.query<RetentionPeriods>(
    `UPDATE municipalities
        SET reporter_retention_days = coalesce($2, reporter_retention_days),
            photo_retention_days = coalesce($3, photo_retention_days)
      WHERE code = $1 RETURNING ${periodColumns}`,
    [code, periods.reporterDays ?? null, periods.photoDays ?? null],
  );
  return rows[0] ?? null;
}

export async function readRetentionPeriods(db: Queryable): Promise<RetentionPeriods[]> {
  const { rows } = await db.query<RetentionPeriods>(`SELECT ${periodColumns} FROM municipalities ORDER BY code`);
  return rows;
}

/** Upload counts of days before `day` (YYYY-MM-DD, UTC): they only serve today's cap. */
export async function deleteUploadUsageBefore(db: Queryable, day: string): Promise<number> {
  const { rowCount } = await db.query('DELETE FROM photo_upload_usage WHERE day < $1', [day]);
  return rowCount;
}
