import { toCrs84, type Crs } from '../geography/index.ts';
import type { HistoryRow, ReportRow } from './queries.ts';
import type { ReportDetail, ReportSummary } from './schemas.ts';

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
    partnerContact:
      row.assignee_kind === 'partner' && row.partner_contact_name !== null
        ? { name: row.partner_contact_name, phone: row.partner_contact_phone, email: row.partner_contact_email }
        : null,
    history: history.map((entry) => ({
      at: entry.at.toISOString(),
      actor: { id: entry.actor_id, label: entry.actor_label },
      action: entry.action,
      fromStatus: entry.from_status,
      toStatus: entry.to_status,
      text: entry.text,
      data: entry.data ?? {},
    })),
  };
}
