import type { Db, Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { actorOf, canSee } from './report-access.ts';
import { appendHistory, lockReport, type LockedReport } from './repository.ts';
import { closeAsDuplicate, copyFollowersToMain, findDuplicateOf } from './repository-duplicates.ts';
import { isClosed } from './workflow.ts';

export interface MarkDuplicateCommand {
  reportId: string;
  mainReportId: string;
  actor: StaffUser;
  expectedVersion?: number | undefined;
}

const mainProblem = (reason: string, code: string) =>
  new DomainError('validation', `mainReportId: ${reason}`, [{ name: 'body.mainReportId', reason, code }]);

/** Both rows locked in one order (by id), so two staff linking the same pair the other way round cannot deadlock. */
async function lockPair(db: Queryable, actor: StaffUser, ids: [string, string]) {
  const locked = new Map<string, LockedReport | null>();
  for (const id of [...ids].sort()) {
    const report = await lockReport(db, id);
    locked.set(id, report && canSee(actor, report) ? report : null);
  }
  return { duplicate: locked.get(ids[0])!, main: locked.get(ids[1])! };
}

/**
 * Links a report as a duplicate of another: it is closed (cancelled) pointing at the main report, both histories say
 * so, and its reporter and followers follow the main report from then on (one row each in report_followers, which the
 * outbox mails updates to). The main report must be open and not itself a duplicate, so links never form chains.
 */
export async function markReportDuplicate(
  deps: { db: Db; clock: Clock },
  command: MarkDuplicateCommand,
): Promise<{ followersAdded: number }> {
  if (command.reportId === command.mainReportId) throw mainProblem('a report cannot duplicate itself', 'same_report');
  return deps.db.transaction(async (tx) => {
    const { duplicate, main } = await lockPair(tx, command.actor, [command.reportId, command.mainReportId]);
    if (!duplicate) throw new DomainError('not_found', 'Report not found');
    if (command.expectedVersion !== undefined && command.expectedVersion !== duplicate.version) {
      throw new DomainError(
        'conflict',
        `The report changed since you read it (version ${command.expectedVersion}, now ${duplicate.version}); reload and try again.`,
      );
    }
    if (isClosed(duplicate.status)) {
      throw new DomainError('invalid_transition', `A ${duplicate.status} report cannot be closed as a duplicate.`);
    }
    if (!main) throw mainProblem('no report with this id', 'unknown_report');
    if (isClosed(main.status) || (await findDuplicateOf(tx, main.id)) !== null) {
      throw mainProblem('the main report is closed or itself a duplicate; link to an open one', 'main_closed');
    }
    const now = deps.clock.now();
    const actor = actorOf(command.actor);
    await closeAsDuplicate(tx, { reportId: duplicate.id, mainReportId: main.id, at: now });
    await appendHistory(tx, {
      reportId: duplicate.id,
      at: now,
      actor,
      action: 'duplicate_of',
      fromStatus: duplicate.status,
      toStatus: 'cancelled',
      data: { main: { id: main.id } },
    });
    await appendHistory(tx, {
      reportId: main.id,
      at: now,
      actor,
      action: 'duplicate_linked',
      data: { duplicate: { id: duplicate.id } },
    });
    const followersAdded = await copyFollowersToMain(tx, { duplicateId: duplicate.id, mainReportId: main.id, at: now });
    return { followersAdded };
  });
}
