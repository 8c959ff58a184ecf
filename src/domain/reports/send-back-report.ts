import type { Db, Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { findLastForward } from './partner-queries.ts';
import { actorOf, lockPartnerReport } from './report-access.ts';
import { appendHistory, findAssigneeTarget, updateReportAssignee, updateReportStatus } from './repository.ts';
import type { AssigneeKind } from './schemas.ts';
import { statusAfterPartnerAction } from './workflow.ts';

type Holder = { kind: AssigneeKind; id: string; name: string };

/**
 * Who gets a report back: the officer who forwarded it; when a coordinator or a contact-centre agent forwarded it
 * (they cannot hold reports), or that officer has left, whoever held it before that forward.
 */
async function holderBeforeForward(db: Queryable, municipalityCode: string, reportId: string): Promise<Holder> {
  const forward = await findLastForward(db, reportId);
  if (forward?.actorId) {
    const officer = await findAssigneeTarget(db, municipalityCode, 'officer', forward.actorId);
    if (officer) return { kind: 'officer', ...officer };
  }
  if (forward?.from && forward.from.kind !== 'partner') {
    const previous = await findAssigneeTarget(db, municipalityCode, forward.from.kind, forward.from.id);
    if (previous) return { kind: forward.from.kind, ...previous };
  }
  throw new DomainError('conflict', 'Nobody in the municipality to send this report back to; ask the coordinator.');
}

/** The partner returns a report to the municipality with its reason; it is in progress with the one who sent it. */
export async function sendBackReport(
  deps: { db: Db; clock: Clock },
  command: { reportId: string; actor: StaffUser; reason: string; expectedVersion?: number | undefined },
): Promise<{ version: number; holder: Holder }> {
  return deps.db.transaction(async (tx) => {
    const report = await lockPartnerReport(tx, command.actor, command.reportId, command.expectedVersion);
    const status = statusAfterPartnerAction(report.status, 'send_back', command.reason);
    const holder = await holderBeforeForward(tx, report.municipalityCode, report.id);
    const partner = await findAssigneeTarget(tx, report.municipalityCode, 'partner', report.assigneeId);
    const now = deps.clock.now();
    const statusChanges = status !== report.status;
    if (statusChanges) await updateReportStatus(tx, report.id, { status, closedAt: null, at: now });
    await updateReportAssignee(tx, report.id, { kind: holder.kind, id: holder.id, at: now });
    await appendHistory(tx, {
      reportId: report.id,
      at: now,
      actor: actorOf(command.actor),
      action: 'sent_back',
      fromStatus: report.status,
      toStatus: status,
      text: command.reason.trim(),
      data: {
        from: { kind: 'partner', id: report.assigneeId, name: partner?.name ?? '' },
        to: holder,
      },
    });
    return { version: report.version + (statusChanges ? 2 : 1), holder };
  });
}
