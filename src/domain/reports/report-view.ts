import { toCrs84, type Crs } from '../geography/index.ts';
import type { HistoryRow, ReportRow } from './queries.ts';
import {
  assigneeKinds,
  type AssigneeKind,
  type HistoryEntry,
  type ReportDetail,
  type ReportSummary,
} from './schemas.ts';

/** RD New storage → the requested CRS, in that CRS's axis order. */
export function pointIn(crs: Crs, x: number, y: number): { type: 'Point'; coordinates: [number, number] } {
  if (crs === 'EPSG:28992') return { type: 'Point', coordinates: [x, y] };
  const [lon, lat] = toCrs84(x, y);
  return { type: 'Point', coordinates: crs === 'EPSG:4258' ? [lat, lon] : [lon, lat] };
}

export function toSummary(row: ReportRow, crs: Crs, showTrackingCode: boolean): ReportSummary {
  return {
    id: row.id,
    ...(showTrackingCode ? { trackingCode: row.tracking_code } : {}),
    status: row.status,
    source: row.source,
    urgent: row.urgent,
    overdue: row.overdue,
    description: row.description,
    category: { code: row.category_code, name: row.category_name },
    district: { code: row.district_code, name: row.district_name },
    boroughCode: row.borough_code,
    neighbourhoodCode: row.neighbourhood_code,
    assignee: { kind: row.assignee_kind, id: row.assignee_id, name: row.assignee_name },
    location: pointIn(crs, row.rd_x, row.rd_y),
    address: row.address_text,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    deadline: row.deadline.toISOString(),
    closedAt: row.closed_at?.toISOString() ?? null,
    version: row.version,
  };
}

export function toDetail(
  row: ReportRow,
  history: HistoryRow[],
  crs: Crs,
  show: { reporter: boolean; trackingCode: boolean },
): ReportDetail {
  const hasContact = row.reporter_email !== null || row.reporter_phone !== null || row.reporter_name !== null;
  return {
    ...toSummary(row, crs, show.trackingCode),
    occurredAt: row.occurred_at?.toISOString() ?? null,
    routing: { rule: row.routing_rule, reason: { nl: row.routing_reason_nl, en: row.routing_reason_en } },
    reporter:
      show.reporter && hasContact
        ? {
            email: row.reporter_email,
            phone: row.reporter_phone,
            ...(row.reporter_name !== null ? { name: row.reporter_name } : {}),
            consentToShareWithPartners: row.reporter_consent_share,
          }
        : null,
    ...(row.media_url !== null ? { mediaUrl: row.media_url } : {}),
    ...(row.answers !== null ? { answers: row.answers } : {}),
    createdBy: row.created_by,
    duplicateOf: row.duplicate_of,
    partnerContact:
      row.assignee_kind === 'partner' && row.partner_contact_name !== null
        ? { name: row.partner_contact_name, phone: row.partner_contact_phone, email: row.partner_contact_email }
        : null,
    history: history.map(toHistoryEntry),
  };
}

/** The intake writes `public` for a resident without a sign-in; staff read them as the reporter: "melder". */
const REPORTER_LABEL = 'public';

function holderOf(entry: HistoryRow): HistoryEntry['holder'] {
  const to = entry.data?.['to'] as { kind?: unknown; id?: unknown } | undefined;
  if (!to || typeof to.id !== 'string' || !assigneeKinds.includes(to.kind as AssigneeKind)) return null;
  return { kind: to.kind as AssigneeKind, id: to.id, name: entry.holder_name ?? '' };
}

/**
 * The history as people read it: a note or an assignment that left the status alone shows no status change
 * (notes were stored with the status of the moment in both columns), the new holder is named.
 */
export function toHistoryEntry(entry: HistoryRow): HistoryEntry {
  const reporter = entry.actor_id === null && entry.actor_label === REPORTER_LABEL;
  const changedStatus = entry.from_status !== entry.to_status;
  return {
    at: entry.at.toISOString(),
    actor: {
      id: entry.actor_id,
      label: reporter ? 'melder' : entry.actor_label,
      kind: entry.actor_id !== null ? 'staff' : reporter ? 'reporter' : 'system',
    },
    action: entry.action,
    fromStatus: changedStatus ? entry.from_status : null,
    toStatus: changedStatus ? entry.to_status : null,
    text: entry.text,
    holder: holderOf(entry),
    data: entry.data ?? {},
  };
}
