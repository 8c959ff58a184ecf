import type { Queryable } from '../../db/db.ts';

/** All SQL of the feedback area: the report_feedback table and the municipality's reopen period. */

export async function findFeedbackReopenDays(db: Queryable, municipalityCode: string): Promise<number> {
  const { rows } = await db.query<{ feedback_reopen_days: number }>(
    'SELECT feedback_reopen_days FROM municipalities WHERE code = $1',
    [municipalityCode],
  );
  return rows[0]?.feedback_reopen_days ?? 14;
}

export async function hasFeedbackForLink(db: Queryable, reportId: string, tokenHash: string): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM report_feedback WHERE report_id = $1 AND token_hash = $2', [
    reportId,
    tokenHash,
  ]);
  return rows.length > 0;
}

export interface NewFeedbackRow {
  reportId: string;
  tokenHash: string;
  solved: boolean;
  satisfaction: number;
  text: string | null;
  reopened: boolean;
  resolvedAt: Date;
  createdAt: Date;
}

/** False when this link already has its feedback (the unique key decides, so two submissions at once store one). */
export async function insertFeedback(db: Queryable, row: NewFeedbackRow): Promise<boolean> {
  const { rows } = await db.query(
    `INSERT INTO report_feedback (report_id, token_hash, solved, satisfaction, text, reopened, resolved_at, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
     ON CONFLICT (report_id, token_hash) DO NOTHING
     RETURNING id`,
    [row.reportId, row.tokenHash, row.solved, row.satisfaction, row.text, row.reopened, row.resolvedAt, row.createdAt],
  );
  return rows.length > 0;
}

export async function updateFeedbackReopenDays(db: Queryable, municipalityCode: string, days: number): Promise<number> {
  const { rows } = await db.query(
    'UPDATE municipalities SET feedback_reopen_days = $2 WHERE code = $1 RETURNING code',
    [municipalityCode, days],
  );
  return rows.length;
}

export async function listFeedbackReopenDays(db: Queryable): Promise<{ municipalityCode: string; days: number }[]> {
  const { rows } = await db.query<{ code: string; feedback_reopen_days: number }>(
    'SELECT code, feedback_reopen_days FROM municipalities ORDER BY code',
  );
  return rows.map((row) => ({ municipalityCode: row.code, days: row.feedback_reopen_days }));
}
