import { join } from 'node:path';
import type { Db } from '../db.ts';
import {
  importGeographyFromFiles,
  type GeographyImportResult,
  type ImportProgress,
} from '../../domain/geography/index.ts';

export const HAARLEM = { code: 'GM0392', name: 'Haarlem', slug: 'haarlem', jurisdictionId: 'haarlem.nl' } as const;

/**
 * Haarlem from the shared reference data: 5 boroughs, 21 districts (full resolution, RD New)
 * and 111 generalised neighbourhoods. Safe to run again.
 */
export async function seedHaarlemGeography(
  deps: { db: Db },
  sharedDataDir: string,
  onProgress?: ImportProgress,
): Promise<GeographyImportResult> {
  const dir = join(sharedDataDir, 'haarlem');
  return importGeographyFromFiles(
    deps,
    {
      districts: join(dir, 'wijken-2024.rd.geojson'),
      neighbourhoods: join(dir, 'buurten-2024-generalised.rd.geojson'),
      boroughs: join(dir, 'stadsdelen-derived.wgs84.geojson'),
    },
    HAARLEM,
    onProgress,
  );
}
