import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { actorOf, lockReportForChange } from './report-access.ts';
import { appendHistory, updateReportStatus } from './repository.ts';
import { assertStatusChange, closedAtAfter, type ReportStatus } from './workflow.ts';

export interface ChangeReportStatusCommand {
  reportId: string;
  actor: StaffUser;
  status: ReportStatus;
  text?: string | undefined;
  expectedVersion?: number | undefined;
}

/** Moves a report along the workflow (workflow.ts) and records who, when, what and why. */
export async function changeReportStatus(
  deps: { db: Db; clock: Clock },
  command: ChangeReportStatusCommand,
): Promise<{ status: ReportStatus; version: number }> {
  return deps.db.transaction(async (tx) => {
    const report = await lockReportForChange(tx, command.actor, command.reportId, command.expectedVersion);
    assertStatusChange(report.status, command.status, command.text);
    const now = deps.clock.now();
    await updateReportStatus(tx, report.id, {
      status: command.status,
      closedAt: closedAtAfter(command.status, report.closedAt, now),
      at: now,
    });
    await appendHistory(tx, {
      reportId: report.id,
      at: now,
      actor: actorOf(command.actor),
      action: 'status_changed',
      fromStatus: report.status,
      toStatus: command.status,
      text: command.text ?? null,
    });
    return { status: command.status, version: report.version + 1 };
  });
}
