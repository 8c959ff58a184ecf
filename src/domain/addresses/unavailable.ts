import { DomainError } from '../../shared/errors.ts';
import { AddressSearchUnavailable } from './port.ts';

/** The UI shows this and offers the map instead; both languages, since the UI has both. */
export const ADDRESS_SEARCH_UNAVAILABLE =
  'Adres zoeken is nu niet beschikbaar; tik de plek aan op de kaart. / Address search is not available right now; tap the place on the map instead.';

export async function orUnavailable<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof AddressSearchUnavailable) throw new DomainError('unavailable', ADDRESS_SEARCH_UNAVAILABLE);
    throw error;
  }
}
