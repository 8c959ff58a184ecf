import type { Queryable } from '../../db/db.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import { locatePoint } from '../geography/index.ts';
import type { AddressSearch } from './port.ts';
import type { Address } from './schemas.ts';
import { orUnavailable } from './unavailable.ts';

/**
 * One address with its point and district. The district comes from our own district polygons,
 * the same ones that route reports, not from the service's wijkcode, so the address and a map
 * tap at the same place always agree.
 */
export async function lookupAddress(
  deps: { db: Queryable; addressSearch: AddressSearch },
  addressId: string,
): Promise<Address> {
  const record = await orUnavailable(() => deps.addressSearch.lookup(addressId));
  if (!record) throw notFound(`Address ${addressId}`);
  const location = { type: 'Point' as const, coordinates: [record.lon, record.lat] as [number, number] };
  try {
    const located = await locatePoint(deps, location, 'CRS84');
    return { id: record.id, label: record.label, location, districtCode: located.districtCode };
  } catch (error) {
    if (error instanceof DomainError && (error.code === 'outside_municipality' || error.code === 'validation')) {
      throw new DomainError(
        'outside_municipality',
        'Dit adres ligt buiten de gemeente; meld het bij de gemeente waar het ligt. / This address is outside the municipality; report it to the municipality it is in.',
      );
    }
    throw error;
  }
}
