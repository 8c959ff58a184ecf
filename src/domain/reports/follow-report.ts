import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { insertFollower, selectFollowableReport } from './public-reports-repository.ts';
import type { FollowReceipt, FollowReportBody } from './public-reports-schemas.ts';

/**
 * "Volg deze melding": a resident leaves an e-mail address for updates on an open report instead of
 * filing a duplicate. The same answer whether the address followed already or not, so the endpoint
 * cannot be used to learn who follows what; the address is never returned.
 */
export async function followReport(deps: { db: Db; clock: Clock }, body: FollowReportBody): Promise<FollowReceipt> {
  const report = await selectFollowableReport(deps.db, body.reportId);
  if (!report) throw new DomainError('not_found', 'No open report with this id to follow.');
  await insertFollower(deps.db, {
    reportId: report.id,
    email: body.email.trim(),
    language: body.language,
    at: deps.clock.now(),
  });
  return { reportId: body.reportId, following: true, status: report.status };
}
