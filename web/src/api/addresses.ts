/** Address search (PDOK Locatieserver behind /api/v1/addresses): suggestions while typing, then the chosen point. */
import { ApiError, apiGet } from './client.ts';
import type { Address, AddressSuggestionList } from './contract.ts';
import { toAddressSuggestions, type AddressSuggestion, type LonLat } from './types.ts';

/** Throws when the address service is unavailable. */
export async function suggestAddresses(
  text: string,
  municipalityCode: string,
  signal?: AbortSignal,
): Promise<AddressSuggestion[]> {
  const params = new URLSearchParams({ q: text.trim(), municipalityCode });
  return toAddressSuggestions(
    await apiGet<AddressSuggestionList>(`/api/v1/addresses/suggest?${params.toString()}`, signal),
  );
}

export type ResolvedAddress =
  { status: 'found'; point: LonLat; label: string } | { status: 'outside' } | { status: 'unavailable' };

/** The point of a chosen suggestion; 'outside' when the address lies outside the municipality's districts. */
export async function resolveAddress(suggestion: AddressSuggestion): Promise<ResolvedAddress> {
  try {
    const detail = await apiGet<Address>(`/api/v1/addresses/${encodeURIComponent(suggestion.id)}`);
    return { status: 'found', point: detail.location.coordinates, label: detail.label };
  } catch (failure) {
    return { status: failure instanceof ApiError && failure.status === 422 ? 'outside' : 'unavailable' };
  }
}
