import { GEOREPORT_V2, type Discovery } from './schemas.ts';

/** When this endpoint last changed in a way clients notice (the discovery document's changeset). */
export const OPEN311_CHANGESET = '2026-12-01T00:00:00Z';
export const OPEN311_PATH = '/open311/v2';

/** The service discovery document: one production GeoReport v2 endpoint, in XML and JSON. */
export function discoveryDocument(baseUrl: string): Discovery {
  return {
    changeset: OPEN311_CHANGESET,
    contact:
      'Vragen over deze koppeling: neem contact op met de gemeente. / Questions about this API: contact the municipality.',
    key_service:
      "Een API-sleutel vraagt u aan bij de beheerder van de gemeente. / Ask the municipality's administrator for an API key (wijkpost open311-clients create NAME).",
    endpoints: [
      {
        specification: GEOREPORT_V2,
        url: `${baseUrl.replace(/\/+$/, '')}${OPEN311_PATH}`,
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  };
}
