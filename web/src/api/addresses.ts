import { ApiError, apiGet } from './client.ts';
import { toAddressSuggestions, type AddressDetail, type AddressSuggestion, type LonLat } from './types.ts';

/** Address suggestions while typing (PDOK Locatieserver behind /api/v1/addresses); throws when unavailable. */
export async function suggestAddresses(
  text: string,
  municipalityCode: string,
  signal?: AbortSignal,
): Promise<AddressSuggestion[]> {
  const params = new URLSearchParams({ q: text.trim(), municipalityCode });
  return toAddressSuggestions(await apiGet<unknown>(`/api/v1/addresses/suggest?${params.toString()}`, signal));
}

export type ResolvedAddress =
  { status: 'found'; point: LonLat; label: string } | { status: 'outside' } | { status: 'unavailable' };

/** The point of a chosen suggestion: suggestions carry an id, the point comes from GET /api/v1/addresses/{id}. */
export async function resolveAddress(suggestion: AddressSuggestion): Promise<ResolvedAddress> {
  if (suggestion.point) return { status: 'found', point: suggestion.point, label: suggestion.label };
  try {
    const detail = await apiGet<AddressDetail>(`/api/v1/addresses/${encodeURIComponent(suggestion.id ?? '')}`);
    return { status: 'found', point: detail.location.coordinates, label: detail.label };
  } catch (failure) {
    return { status: failure instanceof ApiError && failure.status === 422 ? 'outside' : 'unavailable' };
  }
}
