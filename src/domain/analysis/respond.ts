/**
 * Content negotiation of the analysis views: JSON by default, CSV with `format=csv` or `Accept: text/csv`,
 * GeoJSON with `format=geojson` (or `Accept: application/geo+json`) for the map views.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { crsHeaderValue, type Crs } from '../geography/index.ts';
import type { Format } from './schemas.ts';

export function requestedFormat(request: FastifyRequest, format: Format | undefined): Format {
  if (format) return format;
  const accept = request.headers.accept ?? '';
  if (/\btext\/csv\b/.test(accept)) return 'csv';
  if (/\bapplication\/geo\+json\b/.test(accept)) return 'geojson';
  return 'json';
}

export function sendCsv(reply: FastifyReply, name: string, csv: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}.csv"`)
    .send(csv);
}

export function sendGeoJson(reply: FastifyReply, crs: Crs, body: unknown) {
  return reply.type('application/geo+json').header('content-crs', crsHeaderValue(crs)).send(JSON.stringify(body));
}
