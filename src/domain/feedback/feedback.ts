import type { Db, Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { findReportForReporter, recordReporterResponse, type ReportForReporter } from '../reports/index.ts';
import { reporterLinkTokenHash, verifyReporterLinkToken } from '../../shared/reporter-links.ts';
import { findFeedbackReopenDays, hasFeedbackForLink, insertFeedback } from './repository.ts';
import type { FeedbackBody, FeedbackForm, FeedbackReceipt } from './schemas.ts';

const DAY_MS = 86_400_000;

export interface LinkDeps {
  db: Db;
  clock: Clock;
  /** LINK_SIGNING_SECRET from the configuration. */
  linkSecret: string;
}

async function reportOfLink(db: Queryable, reportId: string, lock = false): Promise<ReportForReporter> {
  const report = await findReportForReporter(db, reportId, { lock });
  // A valid signature over a report that is gone (never in practice: reports are not deleted) reads as a bad link.
  if (!report) throw new DomainError('not_found', 'This link is not valid. Use the link from the latest e-mail.');
  return report;
}

/** The last moment "not solved" still reopens a report resolved at `resolvedAt`. */
export function reopenDeadline(resolvedAt: Date, reopenDays: number): Date {
  return new Date(resolvedAt.getTime() + reopenDays * DAY_MS);
}

/** What the feedback page shows: the report by tracking code and category, the text for the reporter, no personal data. */
export async function getFeedbackForm(deps: LinkDeps, token: string): Promise<FeedbackForm> {
  const link = verifyReporterLinkToken(token, { purpose: 'feedback', now: deps.clock.now() }, deps.linkSecret);
  const report = await reportOfLink(deps.db, link.reportId);
  const resolvedAt = report.status === 'resolved' ? report.closedAt : null;
  const reopenDays = await findFeedbackReopenDays(deps.db, report.municipalityCode);
  const feedbackGiven = await hasFeedbackForLink(deps.db, report.id, reporterLinkTokenHash(token));
  const reopenUntil = resolvedAt ? reopenDeadline(resolvedAt, reopenDays) : null;
  return {
    trackingCode: report.trackingCode,
    category: { name: report.categoryName },
    status: report.status,
    reporterText: report.reporterText
      ? { text: report.reporterText.text, at: report.reporterText.at.toISOString() }
      : null,
    resolvedAt: resolvedAt?.toISOString() ?? null,
    reopenUntil: reopenUntil?.toISOString() ?? null,
    reopenPossible: reopenUntil !== null && deps.clock.now() <= reopenUntil,
    feedbackGiven,
    acceptsFeedback: resolvedAt !== null && !feedbackGiven,
  };
}

const NOT_SOLVED_WITHOUT_WORDS = 'De melder geeft aan dat het probleem niet is opgelost.';

/**
 * Stores the resident's feedback, one per link (a second one is a 409: the first words stand, and one link cannot
 * reopen a report twice). "Not solved" within the municipality's period reopens the report to its holder, with the
 * resident's words in the history by "melder"; later it is stored and the report stays resolved.
 */
export async function submitFeedback(deps: LinkDeps, token: string, body: FeedbackBody): Promise<FeedbackReceipt> {
  const now = deps.clock.now();
  const link = verifyReporterLinkToken(token, { purpose: 'feedback', now }, deps.linkSecret);
  const tokenHash = reporterLinkTokenHash(token);
  return deps.db.transaction(async (tx) => {
    const report = await reportOfLink(tx, link.reportId, true);
    if (report.status !== 'resolved' || !report.closedAt) {
      throw new DomainError('conflict', 'This report is not resolved (any more), so it takes no feedback now.');
    }
    const reopenDays = await findFeedbackReopenDays(tx, report.municipalityCode);
    const inTime = now <= reopenDeadline(report.closedAt, reopenDays);
    const reopen = !body.solved && inTime;
    const text = body.text?.trim() || null;
    const stored = await insertFeedback(tx, {
      reportId: report.id,
      tokenHash,
      solved: body.solved,
      satisfaction: body.satisfaction,
      text,
      reopened: reopen,
      resolvedAt: report.closedAt,
      createdAt: now,
    });
    if (!stored) throw new DomainError('conflict', 'Feedback was already given through this link. Thank you.');
    await recordReporterResponse(tx, {
      reportId: report.id,
      at: now,
      from: 'resolved',
      to: reopen ? 'reopened' : null,
      kind: 'feedback',
      text: text ?? (reopen ? NOT_SOLVED_WITHOUT_WORDS : null),
      data: { solved: body.solved, satisfaction: body.satisfaction, tooLateToReopen: !body.solved && !inTime },
    });
    return { status: reopen ? 'reopened' : 'resolved', reopened: reopen, tooLateToReopen: !body.solved && !inTime };
  });
}
