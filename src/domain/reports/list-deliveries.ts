import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { listReportDeliveries, type DeliveryList } from '../outbox/index.ts';
import { selectReport } from './queries.ts';
import { canSee, mayReadReporterContact } from './report-access.ts';

/**
 * The messages about a report and how their delivery went, for whoever may read the report. Addresses and webhook
 * URLs only for those who may read the reporter's contact (mayReadReporterContact).
 */
export async function listDeliveriesOfReport(
  deps: { db: Queryable; clock: Clock },
  input: { viewer: StaffUser; reportId: string },
): Promise<DeliveryList> {
  const row = await selectReport(deps.db, deps.clock.now(), input.reportId);
  const report = row && {
    municipalityCode: row.municipality_code,
    assigneeKind: row.assignee_kind,
    assigneeId: row.assignee_id,
    createdBy: row.created_by,
    consentToShare: row.reporter_consent_share,
  };
  if (!report || !canSee(input.viewer, report)) throw new DomainError('not_found', 'Report not found');
  return listReportDeliveries(deps, {
    reportId: input.reportId,
    withRecipient: mayReadReporterContact(input.viewer, report),
  });
}
