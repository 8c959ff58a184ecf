/**
 * GET /api/v1/exports/signalen: the administrator's municipality's reports in the shape of Signalen's private signals
 * list, one keyset page at a time from the oldest, each with its history. No reporter contact ever leaves: Signalen's
 * own masking ('*****' when known) is used. `wijkpost import signalen` reads these pages back.
 */
import type { Db } from '../../db/db.ts';
import { decodeCursor, keysetPage } from '../../shared/cursor.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { toCrs84 } from '../geography/index.ts';
import type { ReportStatus } from '../reports/index.ts';
import {
  countReports,
  listExportHistory,
  listExportReports,
  type ExportHistoryRow,
  type ExportReportRow,
} from './repository-export.ts';
import type { SignalenExportQuery, SignalenSignal } from './schemas.ts';
import { displayOfSignalenState, signalenStateOf, statusChangeAction } from './states.ts';

export interface SignalenExportPage {
  count: number;
  results: SignalenSignal[];
  nextCursor: string | null;
}

export async function exportSignalen(
  deps: { db: Db },
  staff: StaffUser,
  query: SignalenExportQuery,
  selfHref: (reportId: string) => string,
): Promise<SignalenExportPage> {
  const after = query.cursor === undefined ? null : decodeCursor(query.cursor);
  const rows = await listExportReports(deps.db, staff.municipalityCode, after, query.pageSize + 1);
  const page = keysetPage(rows, query.pageSize, (row) => ({ at: row.createdAtText, id: row.id }));
  const [count, history] = await Promise.all([
    countReports(deps.db, staff.municipalityCode),
    listExportHistory(
      deps.db,
      page.items.map((row) => row.id),
    ),
  ]);
  const historyOf = new Map<string, ExportHistoryRow[]>();
  for (const entry of history) historyOf.set(entry.reportId, [...(historyOf.get(entry.reportId) ?? []), entry]);
  return {
    count,
    results: page.items.map((row) => signalOf(row, historyOf.get(row.id) ?? [], selfHref(row.id))),
    nextCursor: page.nextCursor,
  };
}

function signalOf(row: ExportReportRow, history: ExportHistoryRow[], self: string): SignalenSignal {
  const state = signalenStateOf[row.status];
  const [lon, lat] = toCrs84(row.x, row.y);
  const lastChange = history.findLast((entry) => entry.toStatus === row.status);
  const statusText = lastChange && lastChange.action !== 'created' ? lastChange.text : null;
  const displayId = row.externalId !== null ? `SIG-${row.externalId}` : row.id;
  return {
    _links: { self: { href: self } },
    _display: `${displayId} - ${row.mainName} - ${row.subName}`,
    id: row.id,
    id_display: displayId,
    signal_id: row.id,
    source: row.source,
    text: row.description,
    text_extra: '',
    status: {
      text: statusText,
      user: null,
      state,
      state_display: displayOfSignalenState(state),
      created_at: (lastChange?.at ?? row.createdAt).toISOString(),
    },
    location: {
      geometrie: { type: 'Point', coordinates: [lon, lat] },
      address: null,
      address_text: row.addressText,
      stadsdeel: row.boroughCode,
      buurt_code: row.neighbourhoodCode,
      area_type_code: 'cbs-wijk',
      area_code: row.districtCode,
    },
    category: {
      main: row.mainName,
      main_slug: row.mainSlug,
      sub: row.subName,
      sub_slug: row.subSlug,
      departments: '',
      text: null,
      deadline: row.deadline.toISOString(),
    },
    reporter: {
      email: row.hasEmail ? '*****' : '',
      phone: row.hasPhone ? '*****' : '',
      sharing_allowed: row.consentToShare,
      allows_contact: row.hasEmail || row.hasPhone,
    },
    priority: { priority: row.urgent ? 'high' : 'normal' },
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
    incident_date_start: row.occurredAt?.toISOString() ?? null,
    incident_date_end: null,
    history: history.flatMap((entry) => historyEntryOf(entry, row.id)),
  };
}

/**
 * Status changes and notes; the creation as Signalen logs it (status Gemeld). Assignments are Wijkpost's own
 * (officers, teams, partners, queues) and have no Signalen counterpart, so they are left out.
 */
function historyEntryOf(entry: ExportHistoryRow, reportId: string): SignalenSignal['history'] {
  const base = { when: entry.at.toISOString(), who: entry.actorLabel, _signal: reportId };
  if (entry.action === 'created')
    return [
      {
        ...base,
        identifier: `UPDATE_STATUS_${entry.id}`,
        what: 'UPDATE_STATUS',
        action: statusChangeAction('m'),
        description: null,
      },
    ];
  if (entry.action === 'status_changed' && entry.toStatus)
    return [
      {
        ...base,
        identifier: `UPDATE_STATUS_${entry.id}`,
        what: 'UPDATE_STATUS',
        action: statusChangeAction(signalenStateOf[entry.toStatus as ReportStatus]),
        description: entry.text,
      },
    ];
  if (entry.action === 'note')
    return [
      {
        ...base,
        identifier: `CREATE_NOTE_${entry.id}`,
        what: 'CREATE_NOTE',
        action: 'Notitie toegevoegd:',
        description: entry.text,
      },
    ];
  return [];
}
