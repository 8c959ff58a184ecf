import type { Queryable } from '../../db/db.ts';
import { toCrs84, toRd } from '../geography/index.ts';
import { selectNearbyPublicReports, type PublicReportRow } from './public-reports-repository.ts';
import {
  NEARBY_MAX_ITEMS,
  PUBLIC_GRID_METRES,
  type NearbyPublicReport,
  type NearbyPublicReports,
  type NearbyQuery,
} from './public-reports-schemas.ts';

/** A rounded place in CRS84; six decimals are well below the 10 m grid. */
export function publicPoint(row: Pick<PublicReportRow, 'grid_x' | 'grid_y'>): {
  type: 'Point';
  coordinates: [number, number];
} {
  const [lon, lat] = toCrs84(row.grid_x, row.grid_y);
  return { type: 'Point', coordinates: [Number(lon.toFixed(6)), Number(lat.toFixed(6))] };
}

export function publicCategory(row: PublicReportRow) {
  return { code: row.category_code, nameNl: row.category_name_nl, nameEn: row.category_name_en };
}

/**
 * "Is dit dezelfde melding?": open reports of the same (public) category near the place a resident is
 * about to report, nearest first, so they can follow one instead of filing a duplicate.
 */
export async function listNearbyPublicReports(
  deps: { db: Queryable },
  query: NearbyQuery,
): Promise<NearbyPublicReports> {
  const [x, y] = toRd(query.lon, query.lat);
  const rows = await selectNearbyPublicReports(deps.db, {
    x,
    y,
    radius: query.radius,
    categoryCode: query.categoryCode ?? null,
    limit: NEARBY_MAX_ITEMS,
    grid: PUBLIC_GRID_METRES,
  });
  const items: NearbyPublicReport[] = rows.map((row) => ({
    publicId: row.public_id,
    category: publicCategory(row),
    status: row.status,
    reportedDate: row.reported_date,
    distanceMetres: Math.round(row.distance / 5) * 5,
    location: publicPoint(row),
  }));
  return { radiusMetres: query.radius, items };
}
