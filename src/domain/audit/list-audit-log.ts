import { stringify } from 'csv-stringify/sync';
import type { Queryable } from '../../db/db.ts';
import { decodeCursor, keysetPage } from '../../shared/cursor.ts';
import { DomainError } from '../../shared/errors.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { listAuditRows, type AuditFilter, type AuditRow } from './repository.ts';
import type { AuditEntry, AuditPage, AuditQuery } from './schemas.ts';

/** A CSV export holds at most this many rows; narrow the period for more. */
export const MAX_CSV_ROWS = 100_000;
const CSV_PAGE = 2_000;

function toEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actor: { id: row.actor_id, name: row.actor_name },
    action: row.action,
    record: { kind: row.record_kind, id: row.record_id },
    outcome: row.outcome,
  };
}

function filterOf(viewer: StaffUser, query: AuditQuery): AuditFilter {
  if (query.from && query.to && new Date(query.from) >= new Date(query.to)) {
    throw new DomainError('validation', 'The period is empty.', [
      { name: 'querystring.to', reason: 'must be after from', code: 'empty_period' },
    ]);
  }
  return {
    municipalityCode: viewer.municipalityCode,
    userId: query.userId,
    action: query.action,
    recordKind: query.recordKind,
    recordId: query.recordId,
    from: query.from,
    to: query.to,
  };
}

/** The administrator's view of the audit log of their municipality: newest first, keyset pages. */
export async function listAuditLog(deps: { db: Queryable }, viewer: StaffUser, query: AuditQuery): Promise<AuditPage> {
  const filter = filterOf(viewer, query);
  const after = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
  const rows = await listAuditRows(deps.db, { ...filter, after }, query.limit + 1);
  const page = keysetPage(rows, query.limit, (row) => ({ at: row.at_text, id: row.id }));
  return { entries: page.items.map(toEntry), nextCursor: page.nextCursor };
}

/** Every entry the filters select (up to MAX_CSV_ROWS), as CSV; cells that look like formulas are escaped. */
export async function exportAuditLogCsv(
  deps: { db: Queryable },
  viewer: StaffUser,
  query: AuditQuery,
): Promise<string> {
  const filter = filterOf(viewer, query);
  const records: string[][] = [];
  let after: AuditFilter['after'];
  while (records.length < MAX_CSV_ROWS) {
    const rows = await listAuditRows(deps.db, { ...filter, after }, Math.min(CSV_PAGE, MAX_CSV_ROWS - records.length));
    for (const row of rows) {
      const entry = toEntry(row);
      records.push([
        entry.at,
        entry.actor.id ?? '',
        entry.actor.name,
        entry.action,
        entry.record.kind ?? '',
        entry.record.id ?? '',
        entry.outcome,
      ]);
    }
    if (rows.length < CSV_PAGE) break;
    const last = rows[rows.length - 1]!;
    after = { at: last.at_text, id: last.id };
  }
  return stringify(records, {
    header: true,
    columns: ['at', 'userId', 'userName', 'action', 'recordKind', 'recordId', 'outcome'],
    record_delimiter: 'windows',
    escape_formulas: true,
  });
}
