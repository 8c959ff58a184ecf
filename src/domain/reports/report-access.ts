import type { Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { hasAnyRole, type Role, type StaffUser } from '../../shared/staff.ts';
import { lockReport, type LockedReport } from './repository.ts';

export const staffReaderRoles: readonly Role[] = [
  'officer',
  'coordinator',
  'team_manager',
  'analyst',
  'contact_centre',
  'administrator',
  'partner',
];
export const statusChangerRoles: readonly Role[] = [
  'officer',
  'coordinator',
  'team_manager',
  'administrator',
  'partner',
];
export const assignerRoles: readonly Role[] = [
  'officer',
  'coordinator',
  'team_manager',
  'contact_centre',
  'administrator',
];
export const noteWriterRoles: readonly Role[] = [
  'officer',
  'coordinator',
  'team_manager',
  'contact_centre',
  'administrator',
  'partner',
];

/**
 * The tracking code opens the public status page and admits photo uploads, so it goes only to those who talk to the
 * reporter or handle the report, not to partners or analysts.
 */
export const trackingCodeReaderRoles: readonly Role[] = [
  'officer',
  'coordinator',
  'team_manager',
  'contact_centre',
  'administrator',
];

export function mayReadTrackingCode(viewer: StaffUser): boolean {
  return viewer.roles.some((role) => trackingCodeReaderRoles.includes(role));
}

/**
 * Reporter contact (e-mail, phone, name) is personal data; it goes only to those who talk to the reporter about the
 * report: coordinators, contact-centre agents (the reporter's line back) and administrators always; an officer when
 * they hold the report (it is assigned to them or their team) or filed it themselves (street report); a partner who
 * holds it only when the reporter consented to sharing ("Mag delen met ketenpartners"): that is what the consent is
 * for. Analysts and team managers never: they count and steer, they do not call.
 */
export const reporterContactReaderRoles: readonly Role[] = ['coordinator', 'contact_centre', 'administrator'];

export function mayReadReporterContact(
  viewer: StaffUser,
  report: { assigneeKind: string; assigneeId: string; createdBy: string | null; consentToShare: boolean },
): boolean {
  if (hasAnyRole(viewer, reporterContactReaderRoles)) return true;
  const holds =
    (report.assigneeKind === 'officer' && report.assigneeId === viewer.id) ||
    (report.assigneeKind === 'team' && viewer.teamId !== null && report.assigneeId === viewer.teamId);
  if (hasAnyRole(viewer, ['officer']) && (holds || report.createdBy === viewer.id)) return true;
  return (
    hasAnyRole(viewer, ['partner']) &&
    report.consentToShare &&
    report.assigneeKind === 'partner' &&
    viewer.teamId !== null &&
    report.assigneeId === viewer.teamId
  );
}

/** A partner is only a partner for what their own organisation was given; other staff see their whole municipality. */
export function isPartnerOnly(viewer: StaffUser): boolean {
  return viewer.roles.every((role) => role === 'partner');
}

export function canSee(
  viewer: StaffUser,
  report: { municipalityCode: string; assigneeKind: string; assigneeId: string },
): boolean {
  if (report.municipalityCode !== viewer.municipalityCode) return false;
  if (!isPartnerOnly(viewer)) return true;
  return report.assigneeKind === 'partner' && viewer.teamId !== null && report.assigneeId === viewer.teamId;
}

/**
 * Locks the report for a change by `actor`. Reports outside the actor's sight are "not found", so ids
 * of other municipalities or partners leak nothing. A stale expectedVersion is a conflict.
 */
export async function lockReportForChange(
  db: Queryable,
  actor: StaffUser,
  reportId: string,
  expectedVersion?: number,
): Promise<LockedReport> {
  const report = await lockReport(db, reportId);
  if (!report || !canSee(actor, report)) throw new DomainError('not_found', 'Report not found');
  if (expectedVersion !== undefined && expectedVersion !== report.version) {
    throw new DomainError(
      'conflict',
      `The report changed since you read it (version ${expectedVersion}, now ${report.version}); reload and try again.`,
    );
  }
  return report;
}

export function actorOf(staff: StaffUser): { id: string; label: string } {
  return { id: staff.id, label: staff.name };
}

/**
 * Locks a report for a partner's action: only one its own organisation holds, whatever other roles the user has
 * (an administrator who is also a partner acts here for their organisation only). Anything else is not found.
 */
export async function lockPartnerReport(
  db: Queryable,
  actor: StaffUser,
  reportId: string,
  expectedVersion?: number,
): Promise<LockedReport> {
  const report = await lockReportForChange(db, actor, reportId, expectedVersion);
  if (report.assigneeKind !== 'partner' || actor.teamId === null || report.assigneeId !== actor.teamId) {
    throw new DomainError('not_found', 'Report not found');
  }
  return report;
}
