import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { actorOf, lockPartnerReport } from './report-access.ts';
import { appendHistory, updateReportStatus } from './repository.ts';
import { closedAtAfter, statusAfterPartnerAction } from './workflow.ts';

/**
 * The partner resolves a report it holds. The text is the one every resolution carries for the reporter (the
 * status change's text, as from an officer), so the reporter hears the same whoever resolved it.
 */
export async function resolvePartnerReport(
  deps: { db: Db; clock: Clock },
  command: { reportId: string; actor: StaffUser; textForReporter: string; expectedVersion?: number | undefined },
): Promise<{ version: number }> {
  return deps.db.transaction(async (tx) => {
    const report = await lockPartnerReport(tx, command.actor, command.reportId, command.expectedVersion);
    const status = statusAfterPartnerAction(report.status, 'resolve', command.textForReporter);
    const now = deps.clock.now();
    await updateReportStatus(tx, report.id, { status, closedAt: closedAtAfter(status, report.closedAt, now), at: now });
    await appendHistory(tx, {
      reportId: report.id,
      at: now,
      actor: actorOf(command.actor),
      action: 'status_changed',
      fromStatus: report.status,
      toStatus: status,
      text: command.textForReporter.trim(),
    });
    return { version: report.version + 1 };
  });
}
