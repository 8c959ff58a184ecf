import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { countAssignment, decideRouting } from '../routing/index.ts';
import { appendHistory, lockOpenReportsDueBetween, updateReportAssignee } from './repository.ts';

export interface AbsenceForRerouting {
  id: string;
  officerId: string;
  startsAt: Date;
  endsAt: Date;
  actor: { id: string; name: string };
}

/**
 * Hands the absent officer's open reports that fall due during the absence, and those already overdue (nobody
 * works them while the officer is away either), to whoever routing picks now. Runs inside the caller's transaction
 * (pass its Queryable): routing then sees the new absence, and the absence and the re-routing land together or not
 * at all. `overdue` counts the overdue ones among `rerouted`.
 */
export async function rerouteOpenReportsForAbsence(
  deps: { db: Queryable; clock: Clock },
  absence: AbsenceForRerouting,
): Promise<{ rerouted: number; overdue: number }> {
  const now = deps.clock.now();
  const reports = await lockOpenReportsDueBetween(deps.db, absence.officerId, absence.startsAt, absence.endsAt, now);
  let rerouted = 0;
  let overdue = 0;
  for (const report of reports) {
    const decision = await decideRouting(
      { db: deps.db },
      {
        municipalityCode: report.municipalityCode,
        receivedAt: now,
        timeZone: report.timeZone,
        categoryCode: report.categoryCode,
        parentCategoryCode: report.parentCategoryCode,
        urgent: report.urgent,
        deadline: report.deadline,
        source: report.source,
        districtCode: report.districtCode,
        boroughCode: report.boroughCode,
      },
    );
    // Routing may keep the officer, e.g. when a district day before the absence still meets the deadline.
    if (decision.assignee.kind === 'officer' && decision.assignee.id === absence.officerId) continue;
    await updateReportAssignee(deps.db, report.id, {
      kind: decision.assignee.kind,
      id: decision.assignee.id,
      at: now,
      routing: { rule: decision.rule, reasonNl: decision.reasonNl, reasonEn: decision.reasonEn },
    });
    if (decision.assignee.kind === 'officer') countAssignment(deps.db, report.municipalityCode, decision.assignee.id);
    await appendHistory(deps.db, {
      reportId: report.id,
      at: now,
      actor: { id: absence.actor.id, label: absence.actor.name },
      action: 'rerouted',
      fromStatus: report.status,
      toStatus: report.status,
      text: decision.reasonNl,
      data: {
        absenceId: absence.id,
        from: { kind: 'officer', id: absence.officerId },
        to: decision.assignee,
        routing: { rule: decision.rule, reason: { nl: decision.reasonNl, en: decision.reasonEn } },
      },
    });
    rerouted += 1;
    if (report.deadline < now) overdue += 1;
  }
  return { rerouted, overdue };
}
