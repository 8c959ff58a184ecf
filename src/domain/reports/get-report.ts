import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { recordAuditEntry, REPORTER_CONTACT_VIEW } from '../audit/index.ts';
import { parseCrs, type Crs } from '../geography/index.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { selectHistory, selectPublicStatus, selectReport } from './queries.ts';
import { canSee, isPartnerOnly, mayReadReporterContact, mayReadTrackingCode } from './report-access.ts';
import { toDetail } from './report-view.ts';
import type { PublicReportStatus, ReportDetail } from './schemas.ts';
import { normaliseTrackingCode } from './tracking-code.ts';

/**
 * One report with its history, for staff of its municipality (partners: only when it is theirs).
 * Reporter contact only to those who talk to the reporter (see mayReadReporterContact); partners only with consent.
 * Every answer that shows it is an audit entry (`withContact: false` for a caller that only checks access).
 */
export async function getReport(
  deps: { db: Queryable; clock: Clock },
  input: { viewer: StaffUser; reportId: string; crs?: string | undefined; withContact?: boolean },
): Promise<{ report: ReportDetail; crs: Crs }> {
  const crs = parseCrs(input.crs, 'query.crs');
  const row = await selectReport(deps.db, deps.clock.now(), input.reportId);
  if (
    !row ||
    !canSee(input.viewer, {
      municipalityCode: row.municipality_code,
      assigneeKind: row.assignee_kind,
      assigneeId: row.assignee_id,
    })
  ) {
    throw new DomainError('not_found', 'Report not found');
  }
  const history = await selectHistory(
    deps.db,
    row.id,
    isPartnerOnly(input.viewer) ? { partnerTeamId: input.viewer.teamId } : {},
  );
  const showReporter =
    input.withContact !== false &&
    mayReadReporterContact(input.viewer, {
      assigneeKind: row.assignee_kind,
      assigneeId: row.assignee_id,
      createdBy: row.created_by,
      consentToShare: row.reporter_consent_share,
    });
  const report = toDetail(row, history, crs, {
    reporter: showReporter,
    trackingCode: mayReadTrackingCode(input.viewer),
  });
  if (report.reporter !== null) {
    await recordAuditEntry(deps, input.viewer, {
      action: REPORTER_CONTACT_VIEW,
      record: { kind: 'reports', id: row.id },
      outcome: 'shown',
    });
  }
  return { report, crs };
}

/** What a reporter may see with their tracking code: state, dates and the latest text written for them. */
export async function getPublicReportStatus(
  deps: { db: Queryable },
  trackingCode: string,
): Promise<PublicReportStatus> {
  const normalised = normaliseTrackingCode(trackingCode);
  const row = normalised ? await selectPublicStatus(deps.db, normalised) : null;
  if (!normalised || !row) throw new DomainError('not_found', 'No report with this tracking code');
  return {
    trackingCode: normalised,
    status: row.status,
    category: { name: row.category_name },
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deadline: row.deadline.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    reporterText:
      row.reporter_text && row.reporter_text_at
        ? { text: row.reporter_text, at: row.reporter_text_at.toISOString() }
        : null,
  };
}
