import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { enqueueReportChange } from '../outbox/index.ts';
import { actorOf, lockReportForChange } from './report-access.ts';
import { appendHistory, findAssigneeTarget, updateReportAssignee, updateReportStatus } from './repository.ts';
import type { AssigneeKind } from './schemas.ts';
import { assertTransition, isClosed, statusBackFromPartner, type ReportStatus } from './workflow.ts';

export interface AssignReportCommand {
  reportId: string;
  actor: StaffUser;
  kind: AssigneeKind;
  id: string;
  text?: string | undefined;
  expectedVersion?: number | undefined;
}

/** The routing rule a report carries once a person, not a rule, decided its holder. */
export const MANUAL_RULE = 'manual';

/** To a partner: forwarded. Back from a partner to our own people: in progress again, not "with a partner". */
function statusAfterAssignment(current: ReportStatus, kind: AssigneeKind): ReportStatus {
  if (kind === 'partner') return 'forwarded';
  return current === 'forwarded' ? statusBackFromPartner : current;
}

/**
 * The report's routing reason says why it is where it is: after a manual reassignment that is the person's
 * decision and the reason they gave, no longer the rule that first placed it.
 */
function manualRouting(actorName: string, holderName: string, text: string | undefined) {
  const reason = text ? `: ${text}` : '';
  return {
    rule: MANUAL_RULE,
    reasonNl: `Handmatig toegewezen aan ${holderName} door ${actorName}${reason}`,
    reasonEn: `Assigned to ${holderName} by ${actorName}${reason}`,
  };
}

/**
 * Reassigns a report to an officer, team or queue, or forwards it to a partner organisation
 * (which makes it `forwarded`; taking it back makes it in progress). Closed reports must be reopened first.
 */
export async function assignReport(
  deps: { db: Db; clock: Clock },
  command: AssignReportCommand,
): Promise<{ version: number }> {
  return deps.db.transaction(async (tx) => {
    const report = await lockReportForChange(tx, command.actor, command.reportId, command.expectedVersion);
    if (isClosed(report.status)) {
      throw new DomainError('invalid_transition', `A ${report.status} report cannot be reassigned; reopen it first.`);
    }
    const target = await findAssigneeTarget(tx, report.municipalityCode, command.kind, command.id);
    if (!target) {
      throw new DomainError('validation', `No ${command.kind} with this id in the municipality.`, [
        { name: 'body.id', reason: `no ${command.kind} with this id in the municipality`, code: 'unknown_assignee' },
      ]);
    }
    const now = deps.clock.now();
    const status = statusAfterAssignment(report.status, command.kind);
    if (status !== report.status) {
      assertTransition(report.status, status, command.text);
      await updateReportStatus(tx, report.id, { status, closedAt: null, at: now });
    }
    await updateReportAssignee(tx, report.id, {
      kind: command.kind,
      id: target.id,
      at: now,
      routing: manualRouting(command.actor.name, target.name, command.text),
    });
    await appendHistory(tx, {
      reportId: report.id,
      at: now,
      actor: actorOf(command.actor),
      action: command.kind === 'partner' ? 'forwarded' : 'assigned',
      fromStatus: report.status,
      toStatus: status,
      text: command.text ?? null,
      data: {
        from: { kind: report.assigneeKind, id: report.assigneeId },
        to: { kind: command.kind, id: target.id, name: target.name },
      },
    });
    const version = report.version + (status !== report.status ? 2 : 1);
    // A forward tells the reporter and followers (the partner by name) and the partner on its delivery channel.
    if (command.kind === 'partner')
      await enqueueReportChange(tx, {
        reportId: report.id,
        version,
        status: 'forwarded',
        text: command.text?.trim() || null,
        at: now,
        partnerId: target.id,
      });
    return { version };
  });
}
