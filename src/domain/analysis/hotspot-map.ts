/**
 * GET /analysis/hotspots: the grid cells of the viewer's municipality with their counts, Gi* z-scores
 * and classes, as a GeoJSON FeatureCollection (CRS84 by default), or as CSV.
 */
import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { parseCrs, type Crs } from '../geography/index.ts';
import type { StaffUser } from '../people/index.ts';
import { toCsv } from './csv.ts';
import { cellRing, hotspotCells } from './hotspot-cells.ts';
import { resolveScope } from './resolve-scope.ts';
import type { HotspotMap, HotspotQuery } from './schemas.ts';

export function parseOutputCrs(value: string | undefined): Crs {
  try {
    return parseCrs(value, 'query.crs');
  } catch (error) {
    if (error instanceof DomainError) throw new DomainError('validation', error.detail, error.fieldProblems);
    throw error;
  }
}

export async function hotspotMap(
  deps: { db: Queryable; clock: Clock },
  viewer: StaffUser,
  query: HotspotQuery,
): Promise<HotspotMap> {
  const crs = parseOutputCrs(query.crs);
  const { scope, applied } = await resolveScope(deps, viewer.municipalityCode, query);
  const result = await hotspotCells(deps.db, scope, query.cellSize);
  return {
    type: 'FeatureCollection',
    features: result.cells.map((cell) => ({
      type: 'Feature',
      id: cell.cellId,
      geometry: { type: 'Polygon', coordinates: [cellRing(cell.col, cell.row, query.cellSize, crs)] },
      properties: cell,
    })),
    crs,
    cellSize: query.cellSize,
    studyCells: result.studyCells,
    total: result.total,
    filters: applied,
    cached: result.cached,
  };
}

export function hotspotMapCsv(map: HotspotMap): string {
  const centre = (ring: [number, number][]) => [(ring[0]![0] + ring[2]![0]) / 2, (ring[0]![1] + ring[2]![1]) / 2];
  return toCsv(
    ['cellId', 'col', 'row', 'centreX', 'centreY', 'count', 'z', 'zRowStandardised', 'class'],
    map.features.map(({ properties: p, geometry }) => {
      const [x, y] = centre(geometry.coordinates[0]!);
      return [p.cellId, p.col, p.row, x, y, p.count, p.z, p.zRowStandardised, p.class];
    }),
  );
}
