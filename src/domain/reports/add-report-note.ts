import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { actorOf, lockReportForChange } from './report-access.ts';
import { appendHistory } from './repository.ts';

/** A note is history only: it changes nothing of the report itself, so it needs no version. */
export async function addReportNote(
  deps: { db: Db; clock: Clock },
  command: { reportId: string; actor: StaffUser; text: string },
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    const report = await lockReportForChange(tx, command.actor, command.reportId);
    await appendHistory(tx, {
      reportId: report.id,
      at: deps.clock.now(),
      actor: actorOf(command.actor),
      action: 'note',
      // A note changes no status: recording one here made it read as a status change.
      fromStatus: null,
      toStatus: null,
      text: command.text,
    });
  });
}
