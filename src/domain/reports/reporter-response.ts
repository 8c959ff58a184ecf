import type { Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { latestReporterTextJoin } from './queries.ts';
import { appendHistory, lockReport, touchReport, updateReportStatus } from './repository.ts';
import { assertTransition, closedAtAfter, reporterTextStatuses, type ReportStatus } from './workflow.ts';

/** How the history names the resident when they act through a reporter link. */
export const REPORTER_ACTOR_LABEL = 'melder';

/** What a reporter link's page may show: no description, place, contact or holder. */
export interface ReportForReporter {
  id: string;
  municipalityCode: string;
  trackingCode: string;
  categoryName: string;
  status: ReportStatus;
  closedAt: Date | null;
  reporterText: { text: string; at: Date } | null;
}

/** Read function for the reporter-link pages (feedback, answers); `lock` takes the row for a change. */
export async function findReportForReporter(
  db: Queryable,
  reportId: string,
  options: { lock?: boolean } = {},
): Promise<ReportForReporter | null> {
  if (options.lock) await lockReport(db, reportId);
  const { rows } = await db.query<{
    id: string;
    municipality_code: string;
    tracking_code: string;
    category_name: string;
    status: ReportStatus;
    closed_at: Date | null;
    reporter_text: string | null;
    reporter_text_at: Date | null;
  }>(
    `SELECT r.id, r.municipality_code, r.tracking_code, c.name_nl AS category_name, r.status, r.closed_at,
            reporter_text.text AS reporter_text, reporter_text.at AS reporter_text_at
       FROM reports r JOIN categories c ON c.id = r.category_id
       ${latestReporterTextJoin}
      WHERE r.id = $2`,
    [[...reporterTextStatuses], reportId],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    id: row.id,
    municipalityCode: row.municipality_code,
    trackingCode: row.tracking_code,
    categoryName: row.category_name,
    status: row.status,
    closedAt: row.closed_at,
    reporterText:
      row.reporter_text && row.reporter_text_at ? { text: row.reporter_text, at: row.reporter_text_at } : null,
  };
}

export interface ReporterResponse {
  reportId: string;
  at: Date;
  /** The status the caller found (under the lock); the change is refused if the report is elsewhere now. */
  from: ReportStatus;
  /** A status change the response causes (reopen, back to the holder), or none. */
  to: ReportStatus | null;
  kind: 'feedback' | 'answer';
  text: string | null;
  data: Record<string, unknown>;
}

/**
 * Records what the resident said, in the caller's transaction (after findReportForReporter with lock): a status
 * change when there is one, else an entry of its own kind, both by "melder". The holder stays: the report comes
 * back to whoever had it.
 */
export async function recordReporterResponse(tx: Queryable, response: ReporterResponse): Promise<void> {
  const report = await lockReport(tx, response.reportId);
  if (!report || report.status !== response.from) {
    throw new DomainError('conflict', 'The report changed meanwhile; reload the page.');
  }
  const data = { ...response.data, byReporter: true, kind: response.kind };
  const actor = { id: null, label: REPORTER_ACTOR_LABEL };
  if (response.to) {
    assertTransition(report.status, response.to, response.text ?? undefined);
    const closedAt = closedAtAfter(response.to, report.closedAt, response.at);
    await updateReportStatus(tx, report.id, { status: response.to, closedAt, at: response.at });
    await appendHistory(tx, {
      reportId: report.id,
      at: response.at,
      actor,
      action: 'status_changed',
      fromStatus: report.status,
      toStatus: response.to,
      text: response.text,
      data,
    });
    return;
  }
  await touchReport(tx, report.id, response.at);
  await appendHistory(tx, {
    reportId: report.id,
    at: response.at,
    actor,
    action: response.kind,
    text: response.text,
    data,
  });
}
