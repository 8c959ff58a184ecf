/** The address-search area: a port, its use cases and routes. Adapters live in src/integrations. */
export { AddressSearchUnavailable, type AddressRecord, type AddressSearch, type AddressSuggestion } from './port.ts';
export { registerAddressRoutes } from './routes.ts';
export { suggestAddresses, cleanSearchText } from './suggest-addresses.ts';
export { lookupAddress } from './lookup-address.ts';
export { ADDRESS_SEARCH_UNAVAILABLE } from './unavailable.ts';
export type { Address } from './schemas.ts';
