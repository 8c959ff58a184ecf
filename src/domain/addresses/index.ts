/** The address-search area: a port and its use cases (routes.ts is registered by src/http). Adapters live in src/integrations. */
export { AddressSearchUnavailable, type AddressRecord, type AddressSearch, type AddressSuggestion } from './port.ts';
export { suggestAddresses, cleanSearchText } from './suggest-addresses.ts';
export { lookupAddress } from './lookup-address.ts';
export { ADDRESS_SEARCH_UNAVAILABLE } from './unavailable.ts';
export type { Address } from './schemas.ts';
