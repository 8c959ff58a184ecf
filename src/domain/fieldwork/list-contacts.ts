import type { Queryable } from '../../db/db.ts';
import type { StaffUser } from '../people/index.ts';
import { decodeCursor, keysetPage } from '../../shared/cursor.ts';
import { listContactRows } from './repository-contacts.ts';
import type { ContactList, ListContactsQuery } from './schemas.ts';
import { parseWindow } from './time-window.ts';

/** Contacts of the caller's municipality, newest first, filtered and paged. */
export async function listContacts(
  deps: { db: Queryable },
  viewer: StaffUser,
  query: ListContactsQuery,
): Promise<ContactList> {
  const window = parseWindow(query);
  const rows = await listContactRows(deps.db, {
    municipalityCode: viewer.municipalityCode,
    districtCode: query.districtCode,
    officerId: query.officerId,
    counterpart: query.counterpart,
    from: window.from,
    to: window.to,
    after: query.cursor === undefined ? null : decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = keysetPage(rows, query.limit, (row) => row.position);
  return { items: page.items.map((row) => row.contact), nextCursor: page.nextCursor };
}
