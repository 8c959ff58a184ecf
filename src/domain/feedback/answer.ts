import { DomainError } from '../../shared/errors.ts';
import { findReportForReporter, recordReporterResponse, statusAfterReporterAnswer } from '../reports/index.ts';
import type { LinkDeps } from './feedback.ts';
import { verifyReporterLinkToken } from '../../shared/reporter-links.ts';
import type { AnswerBody, AnswerForm, AnswerReceipt } from './schemas.ts';

const invalidLink = () => new DomainError('not_found', 'This link is not valid. Use the link from the latest e-mail.');

/** What the answer page shows: the report by tracking code and category, and the question asked. */
export async function getAnswerForm(deps: LinkDeps, token: string): Promise<AnswerForm> {
  const link = verifyReporterLinkToken(token, { purpose: 'answer', now: deps.clock.now() }, deps.linkSecret);
  const report = await findReportForReporter(deps.db, link.reportId);
  if (!report) throw invalidLink();
  const waiting = report.status === 'waiting_for_reporter';
  return {
    trackingCode: report.trackingCode,
    category: { name: report.categoryName },
    status: report.status,
    question:
      waiting && report.reporterText
        ? { text: report.reporterText.text, at: report.reporterText.at.toISOString() }
        : null,
    acceptsAnswer: waiting,
  };
}

/**
 * The reporter's answer to "wacht op melder": their words in the history by "melder", and the report back to its
 * holder in the workflow's status for that (in behandeling). A report that no longer waits takes no answer (409),
 * so an old link cannot move a report that went on.
 */
export async function submitAnswer(deps: LinkDeps, token: string, body: AnswerBody): Promise<AnswerReceipt> {
  const now = deps.clock.now();
  const link = verifyReporterLinkToken(token, { purpose: 'answer', now }, deps.linkSecret);
  return deps.db.transaction(async (tx) => {
    const report = await findReportForReporter(tx, link.reportId, { lock: true });
    if (!report) throw invalidLink();
    if (report.status !== 'waiting_for_reporter') {
      throw new DomainError('conflict', 'This report is not waiting for an answer (any more).');
    }
    await recordReporterResponse(tx, {
      reportId: report.id,
      at: now,
      from: 'waiting_for_reporter',
      to: statusAfterReporterAnswer,
      kind: 'answer',
      text: body.text,
      data: {},
    });
    return { status: statusAfterReporterAnswer };
  });
}
