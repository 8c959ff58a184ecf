/** Shapes of the staff API responses the staff screens read (see the route schemas in src/domain). */
import { apiGet } from '../api/client.ts';
import type { LonLat } from '../api/types.ts';

export type Role =
  'officer' | 'coordinator' | 'team_manager' | 'analyst' | 'contact_centre' | 'partner' | 'administrator';
export type ReportStatus =
  'new' | 'planned' | 'in_progress' | 'waiting_for_reporter' | 'forwarded' | 'resolved' | 'cancelled' | 'reopened';

export const openStatuses: ReportStatus[] = [
  'new',
  'planned',
  'in_progress',
  'waiting_for_reporter',
  'forwarded',
  'reopened',
];
/** The workflow table of src/domain/reports/workflow.ts, for offering only the changes the server accepts. */
export const nextStatuses: Record<ReportStatus, ReportStatus[]> = {
  new: ['planned', 'in_progress', 'waiting_for_reporter', 'resolved', 'cancelled'],
  reopened: ['planned', 'in_progress', 'waiting_for_reporter', 'resolved', 'cancelled'],
  planned: ['in_progress', 'waiting_for_reporter', 'resolved', 'cancelled'],
  in_progress: ['planned', 'waiting_for_reporter', 'resolved', 'cancelled'],
  waiting_for_reporter: ['in_progress', 'resolved', 'cancelled'],
  forwarded: ['in_progress', 'resolved', 'cancelled'],
  resolved: ['reopened'],
  cancelled: [],
};
export const textRequiredFor: ReportStatus[] = ['resolved', 'reopened'];

export interface StaffUser {
  id: string;
  name: string;
  email: string;
  roles: Role[];
  municipalityCode: string;
}

export interface Assignee {
  kind: 'officer' | 'team' | 'partner' | 'queue';
  id: string;
  name: string;
}

export interface ReportSummary {
  id: string;
  /** Absent for partners and analysts. */
  trackingCode?: string;
  status: ReportStatus;
  source: string;
  urgent: boolean;
  overdue: boolean;
  description: string;
  category: { code: string; name: string };
  district: { code: string; name: string };
  assignee: Assignee;
  location: { type: 'Point'; coordinates: LonLat };
  address: string | null;
  createdAt: string;
  deadline: string;
  closedAt: string | null;
  version: number;
}

export interface HistoryEntry {
  at: string;
  actor: { id: string | null; label: string };
  action: string;
  fromStatus: ReportStatus | null;
  toStatus: ReportStatus | null;
  text: string | null;
}

export interface ReportDetail extends ReportSummary {
  occurredAt: string | null;
  routing: { rule: string; reason: { nl: string; en: string } };
  reporter: { email: string | null; phone: string | null; consentToShareWithPartners: boolean } | null;
  history: HistoryEntry[];
}

export interface CreatedReport {
  id: string;
  trackingCode: string;
  district: { code: string; name: string };
  assignee: { kind: string; id: string; name: string };
  routing: { rule: string; reason: { nl: string; en: string } };
}

export interface Officer {
  id: string;
  name: string;
  districts: { code: string; name: string; duty: 'owner' | 'backup' }[];
}

export interface Team {
  id: string;
  code: string;
  name: string;
  kind: 'team' | 'partner';
}

export interface TeamBoard {
  generatedAt: string;
  todayDate: string;
  officers: {
    id: string;
    name: string;
    districts: { code: string; name: string; duty: 'owner' | 'backup' }[];
    boroughCodes: string[];
    workingToday: boolean;
    districtDayToday: boolean;
    absence: { kind: 'sick' | 'leave' | 'training' | 'other'; endsAt: string } | null;
    openReports: number;
    overdueReports: number;
  }[];
  districts: {
    code: string;
    name: string;
    borough: { code: string; name: string } | null;
    owner: { id: string; name: string } | null;
    backup: { id: string; name: string } | null;
    openReports: number;
    overdueReports: number;
  }[];
  otherAssignees: { kind: string; id: string; name: string; openReports: number; overdueReports: number }[];
}

export interface Overview {
  from: string;
  to: string;
  categories: { code: string; nameNl: string; nameEn: string }[];
  boroughs: { code: string; name: string }[];
  reportsPerWeek: { weekStartDate: string; categoryCode: string; boroughCode: string | null; reports: number }[];
  deadlinePerWeek: { weekStartDate: string; boroughCode: string | null; due: number; handledWithinDeadline: number }[];
}

export interface Visibility {
  from: string;
  to: string;
  districts: { districtCode: string; hoursPresent: number; contacts: number; meetings: number }[];
}

export interface Round {
  id: string;
  districtCode: string;
  startedAt: string;
}

export interface Photo {
  id: string;
  url: string;
}

/** Follows nextCursor until every page is read: the worklist and the bulk views need the whole set. */
export async function allReports(query: URLSearchParams, signal?: AbortSignal): Promise<ReportSummary[]> {
  const items: ReportSummary[] = [];
  let cursor: string | null = null;
  do {
    const params = new URLSearchParams(query);
    params.set('limit', '200');
    if (cursor) params.set('cursor', cursor);
    const page: { items: ReportSummary[]; nextCursor: string | null } = await apiGet(
      `/api/v1/reports?${params.toString()}`,
      signal,
    );
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** Overdue first, then the nearest deadline. */
export function byUrgency(a: ReportSummary, b: ReportSummary): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.urgent !== b.urgent) return a.urgent ? -1 : 1;
  return a.deadline.localeCompare(b.deadline);
}

export const hasRole = (user: StaffUser | null, ...roles: Role[]) =>
  !!user && user.roles.some((role) => roles.includes(role));
