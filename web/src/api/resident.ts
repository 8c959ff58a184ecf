/** Calls of the resident pages that belong to no larger area: the UI settings, locating a point, the district map. */
import { apiGet } from './client.ts';
import type { CategoryTree, DistrictCollection, LocatedPoint, UiConfig } from './contract.ts';
import type { LonLat } from './types.ts';

export const getUiConfig = () => apiGet<UiConfig>('/api/v1/ui-config');

const municipality = (code: string) => `/api/v1/municipalities/${encodeURIComponent(code)}`;

/** Which district (and borough) a point lies in; 422 when it lies outside every district. */
export function locatePoint([lon, lat]: LonLat, signal?: AbortSignal): Promise<LocatedPoint> {
  return apiGet<LocatedPoint>(`/api/v1/locate?lon=${lon.toFixed(7)}&lat=${lat.toFixed(7)}`, signal);
}

/** District polygons simplified to `simplifyMetres`: maps rarely need full resolution. */
export function districtOutlines(
  municipalityCode: string,
  simplifyMetres: number,
  signal?: AbortSignal,
): Promise<DistrictCollection> {
  return apiGet<DistrictCollection>(`${municipality(municipalityCode)}/districts?simplify=${simplifyMetres}`, signal);
}

export function categoryTree(municipalityCode: string, signal?: AbortSignal): Promise<CategoryTree> {
  return apiGet<CategoryTree>(`${municipality(municipalityCode)}/categories`, signal);
}
