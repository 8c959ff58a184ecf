import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { enqueueReportChange, reporterStatusEvents, type ReporterStatusEvent } from '../outbox/index.ts';
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

/** Moves a report along the workflow (workflow.ts), records who, when, what and why, and enqueues the messages. */
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
    const version = report.version + 1;
    // The reporter, followers: told in this transaction's outbox, so the message lands exactly when the change does.
    if ((reporterStatusEvents as readonly string[]).includes(command.status)) {
      await enqueueReportChange(tx, {
        reportId: report.id,
        version,
        status: command.status as ReporterStatusEvent,
        text: command.text?.trim() || null,
        at: now,
      });
    }
    return { status: command.status, version };
  });
}
