import { type App, type AppDeps, problemSchema } from '../../http/route-kit.ts';
import { crsHeaderValue } from '../geography/index.ts';
import { lookupAddress } from './lookup-address.ts';
import type { AddressSearch } from './port.ts';
import { addressParamsSchema, addressSchema, suggestionListSchema, suggestQuerySchema } from './schemas.ts';
import { suggestAddresses } from './suggest-addresses.ts';

const tags = ['addresses'];
/** An address id points at one address, often the reporter's own: no request-log line for these routes. */
const quietLogLevel = 'warn';

/** Public: residents search addresses while reporting. Rate-limited because every call costs a call to the service. */
export function registerAddressRoutes(app: App, deps: AppDeps, addressSearch: AddressSearch) {
  const rateLimit = { max: deps.config.ADDRESS_SEARCH_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' };
  const unavailable = problemSchema.describe('The address service cannot be reached: tap the map instead');

  app.get(
    '/api/v1/addresses/suggest',
    {
      config: { rateLimit },
      logLevel: quietLogLevel,
      schema: {
        tags,
        summary:
          'Address suggestions while typing (public). 503 when the address service is unavailable: use the map instead.',
        querystring: suggestQuerySchema,
        response: { 200: suggestionListSchema, 400: problemSchema, 429: problemSchema, 503: unavailable },
      },
    },
    async (request) => suggestAddresses({ addressSearch }, request.query),
  );

  app.get(
    '/api/v1/addresses/:addressId',
    {
      config: { rateLimit },
      logLevel: quietLogLevel,
      schema: {
        tags,
        summary:
          'One address: its label, point (CRS84) and district (public). 422 outside the municipalities served; 503 when the service is unavailable.',
        params: addressParamsSchema,
        response: {
          200: addressSchema,
          400: problemSchema,
          404: problemSchema,
          422: problemSchema,
          429: problemSchema,
          503: unavailable,
        },
      },
    },
    async (request, reply) => {
      const address = await lookupAddress({ db: deps.db, addressSearch }, request.params.addressId);
      return reply.header('Content-Crs', crsHeaderValue('CRS84')).send(address);
    },
  );
}
