import type { AddressSearch, AddressSuggestion } from './port.ts';
import type { SuggestQuery } from './schemas.ts';
import { orUnavailable } from './unavailable.ts';

/** Characters that mean something to the search engine behind the service are dropped, not passed on. */
export function cleanSearchText(text: string): string {
  return text
    .replace(/[^\p{L}\p{N}\s'./,-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export async function suggestAddresses(
  deps: { addressSearch: AddressSearch },
  query: SuggestQuery,
): Promise<{ items: AddressSuggestion[] }> {
  const text = cleanSearchText(query.q);
  if (text.length < 2) return { items: [] };
  const items = await orUnavailable(() =>
    deps.addressSearch.suggest({ text, municipalityCode: query.municipalityCode, limit: query.limit }),
  );
  return { items };
}
