import type { Queryable } from '../../db/db.ts';
import type { StaffUser } from '../people/index.ts';
import { decodeCursor, page } from './cursor.ts';
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
    after: decodeCursor(query.cursor),
    limit: query.limit + 1,
  });
  return page(rows, query.limit, (o) => ({ at: new Date(o.observedAt), id: o.id }));
}
