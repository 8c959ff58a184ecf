import type { GeoJsonObject } from 'geojson';
import { useEffect, useState } from 'react';
import { districtOutlines } from '../api/resident.ts';

export type DistrictsState = { status: 'loading' } | { status: 'loaded'; data: GeoJsonObject } | { status: 'failed' };

/** District polygons, simplified: the map's background of last resort. */
export function useDistricts(municipalityCode: string): DistrictsState {
  const [state, setState] = useState<DistrictsState>({ status: 'loading' });
  useEffect(() => {
    const abort = new AbortController();
    districtOutlines(municipalityCode, 5, abort.signal)
      .then((data) => setState({ status: 'loaded', data }))
      .catch(() => {
        if (!abort.signal.aborted) setState({ status: 'failed' });
      });
    return () => abort.abort();
  }, [municipalityCode]);
  return state;
}
