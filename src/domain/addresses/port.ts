/**
 * The address-search port. The domain asks for suggestions and one address; an adapter
 * (src/integrations/pdok-locatieserver.ts) answers from an online service. The product
 * must keep working without it, so every failure of the service is one error type.
 */
export interface AddressSuggestion {
  id: string;
  label: string;
}

export interface AddressRecord {
  id: string;
  label: string;
  /** CRS84 longitude, latitude. */
  lon: number;
  lat: number;
  /** CBS codes as the source gives them, when it does. */
  municipalityCode: string | null;
  districtCode: string | null;
}

export interface AddressSearch {
  suggest(query: { text: string; municipalityCode: string; limit: number }): Promise<AddressSuggestion[]>;
  /** null when the source does not know the id. */
  lookup(id: string): Promise<AddressRecord | null>;
}

/** The service could not be reached, timed out, or answered something unusable. */
export class AddressSearchUnavailable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'AddressSearchUnavailable';
  }
}
