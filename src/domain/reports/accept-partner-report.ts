import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { actorOf, lockPartnerReport } from './report-access.ts';
import { appendHistory, findAssigneeTarget, updateReportStatus } from './repository.ts';
import { statusAfterPartnerAction } from './workflow.ts';

/** The partner takes a forwarded report into work: it stays theirs, in progress, and the history says who took it. */
export async function acceptPartnerReport(
  deps: { db: Db; clock: Clock },
  command: { reportId: string; actor: StaffUser; expectedVersion?: number | undefined },
): Promise<{ version: number }> {
  return deps.db.transaction(async (tx) => {
    const report = await lockPartnerReport(tx, command.actor, command.reportId, command.expectedVersion);
    const status = statusAfterPartnerAction(report.status, 'accept', undefined);
    const organisation = await findAssigneeTarget(tx, report.municipalityCode, 'partner', report.assigneeId);
    const now = deps.clock.now();
    await updateReportStatus(tx, report.id, { status, closedAt: null, at: now });
    await appendHistory(tx, {
      reportId: report.id,
      at: now,
      actor: actorOf(command.actor),
      action: 'accepted',
      fromStatus: report.status,
      toStatus: status,
      data: { by: { kind: 'partner', id: report.assigneeId, name: organisation?.name ?? '' } },
    });
    return { version: report.version + 1 };
  });
}
