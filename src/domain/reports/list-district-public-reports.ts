import type { Queryable } from '../../db/db.ts';
import { notFound } from '../../shared/errors.ts';
import { publicCategory, publicPoint } from './list-nearby-public-reports.ts';
import { selectDistrictName, selectDistrictPublicReports } from './public-reports-repository.ts';
import {
  DISTRICT_MAP_MAX_FEATURES,
  PUBLIC_GRID_METRES,
  type DistrictReportCollection,
} from './public-reports-schemas.ts';

/** The open reports of a district for the public "Mijn wijk" map, as GeoJSON points (same privacy rules as nearby). */
export async function listDistrictPublicReports(
  deps: { db: Queryable },
  districtCode: string,
): Promise<DistrictReportCollection> {
  const districtName = await selectDistrictName(deps.db, districtCode);
  if (districtName === null) throw notFound(`District ${districtCode}`);
  const { matched, rows } = await selectDistrictPublicReports(deps.db, {
    districtCode,
    limit: DISTRICT_MAP_MAX_FEATURES,
    grid: PUBLIC_GRID_METRES,
  });
  return {
    type: 'FeatureCollection',
    districtCode,
    districtName,
    numberMatched: matched,
    numberReturned: rows.length,
    features: rows.map((row) => ({
      type: 'Feature',
      id: row.public_id,
      geometry: publicPoint(row),
      properties: { category: publicCategory(row), status: row.status, reportedDate: row.reported_date },
    })),
  };
}
