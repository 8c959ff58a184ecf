import type { Queryable } from '../../db/db.ts';
import type { StaffUser } from '../people/index.ts';
import { decodeCursor, keysetPage } from '../../shared/cursor.ts';
import { listObservationRows } from './repository-observations.ts';
import type { ListObservationsQuery, ObservationList } from './schemas.ts';
import { parseWindow } from './time-window.ts';

/** Observations of the caller's municipality, newest first, filtered and paged. */
export async function listObservations(
  deps: { db: Queryable },
  viewer: StaffUser,
  query: ListObservationsQuery,
): Promise<ObservationList> {
  const window = parseWindow(query);
  const rows = await listObservationRows(deps.db, {
    municipalityCode: viewer.municipalityCode,
    districtCode: query.districtCode,
    officerId: query.officerId,
    categoryCode: query.categoryCode,
    from: window.from,
    to: window.to,
    after: query.cursor === undefined ? null : decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  const page = keysetPage(rows, query.limit, (row) => row.position);
  return { items: page.items.map((row) => row.observation), nextCursor: page.nextCursor };
}
