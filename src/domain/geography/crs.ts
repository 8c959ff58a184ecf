import proj4 from 'proj4';
import { z } from 'zod';
import { DomainError } from '../../shared/errors.ts';

/**
 * The coordinate reference systems the API speaks (NL API Design Rules, geospatial module):
 * - CRS84: WGS84 longitude, latitude (GeoJSON default).
 * - EPSG:28992: RD New, x, y in metres (storage CRS).
 * - EPSG:4258: ETRS89 in its authority axis order latitude, longitude; treated as WGS84
 *   (the two differ by well under a metre in the Netherlands, far below district scale).
 * EPSG:4326 is refused: clients disagree on its axis order, and a silent swap would
 * put a report in the wrong district.
 */
export type Crs = 'CRS84' | 'EPSG:28992' | 'EPSG:4258';

export const RD_SRID = 28992;

const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 ' +
  '+ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
proj4.defs('EPSG:28992', RD_NEW);
const rdConverter = proj4('WGS84', 'EPSG:28992');

export function toRd(lon: number, lat: number): [number, number] {
  const [x, y] = rdConverter.forward([lon, lat]);
  return [x!, y!];
}

export function toCrs84(x: number, y: number): [number, number] {
  const [lon, lat] = rdConverter.inverse([x, y]);
  return [lon!, lat!];
}

const crsUris: Record<Crs, string> = {
  CRS84: 'http://www.opengis.net/def/crs/OGC/1.3/CRS84',
  'EPSG:28992': 'http://www.opengis.net/def/crs/EPSG/0/28992',
  'EPSG:4258': 'http://www.opengis.net/def/crs/EPSG/0/4258',
};

/** The value of a `Content-Crs` response header (OGC API Features part 2 form). */
export function crsHeaderValue(crs: Crs): string {
  return `<${crsUris[crs]}>`;
}

export function sridOf(crs: Crs): number {
  return crs === 'CRS84' ? 4326 : crs === 'EPSG:28992' ? RD_SRID : 4258;
}

function normalise(value: string): string {
  return value
    .trim()
    .replace(/^<(.*)>$/, '$1')
    .trim()
    .toLowerCase();
}

const accepted = new Map<string, Crs>();
for (const alias of [
  'http://www.opengis.net/def/crs/ogc/1.3/crs84',
  'ogc:crs84',
  'crs84',
  'urn:ogc:def:crs:ogc:1.3:crs84',
  'urn:ogc:def:crs:ogc::crs84',
]) {
  accepted.set(alias, 'CRS84');
}
for (const alias of ['epsg:28992', 'http://www.opengis.net/def/crs/epsg/0/28992', 'urn:ogc:def:crs:epsg::28992']) {
  accepted.set(alias, 'EPSG:28992');
}
for (const alias of ['epsg:4258', 'http://www.opengis.net/def/crs/epsg/0/4258', 'urn:ogc:def:crs:epsg::4258']) {
  accepted.set(alias, 'EPSG:4258');
}
const ambiguous = new Set(['epsg:4326', 'http://www.opengis.net/def/crs/epsg/0/4326', 'urn:ogc:def:crs:epsg::4326']);

/**
 * Parses a `crs` query parameter, a `Content-Crs`/`Accept-Crs` header or a GeoJSON `crs` name.
 * Absent means CRS84 (the GeoJSON default). `field` names the input in the error.
 */
export function parseCrs(value: string | undefined | null, field = 'crs'): Crs {
  if (value === undefined || value === null || value.trim() === '') return 'CRS84';
  const key = normalise(value);
  const crs = accepted.get(key);
  if (crs) return crs;
  if (ambiguous.has(key)) {
    throw new DomainError(
      'validation',
      `EPSG:4326 is ambiguous about axis order; send ${crsUris.CRS84} (longitude, latitude) or EPSG:28992 (RD New).`,
      [
        {
          name: field,
          reason: 'EPSG:4326 is not accepted because of its axis-order ambiguity; use CRS84 or EPSG:28992',
          code: 'ambiguous_crs',
        },
      ],
    );
  }
  throw new DomainError(
    'validation',
    `Unsupported coordinate reference system "${value}"; use CRS84, EPSG:28992 or EPSG:4258.`,
    [
      {
        name: field,
        reason: 'unsupported coordinate reference system; use CRS84, EPSG:28992 or EPSG:4258',
        code: 'unsupported_crs',
      },
    ],
  );
}

/** A GeoJSON Point as received from clients; its coordinates are interpreted in the request's CRS. */
export const pointGeometrySchema = z
  .object({
    type: z.literal('Point'),
    coordinates: z.tuple([z.number().finite(), z.number().finite()]),
  })
  .meta({ description: 'GeoJSON Point; CRS84 (longitude, latitude) unless Content-Crs says otherwise' });

export type PointGeometry = z.infer<typeof pointGeometrySchema>;

/** RD New covers the European Netherlands within these bounds (metres). */
const rdBounds = { minX: 0, maxX: 300_000, minY: 289_000, maxY: 629_000 };
/** The Netherlands with a margin, in degrees. */
const nlBounds = { minLon: 3.0, maxLon: 7.5, minLat: 50.5, maxLat: 53.8 };

function outOfRange(field: string, detail: string, reason: string): DomainError {
  return new DomainError('validation', detail, [{ name: field, reason, code: 'implausible_coordinates' }]);
}

function lonLatToRd(lon: number, lat: number, crs: Crs, field: string): [number, number] {
  const inNl = lon >= nlBounds.minLon && lon <= nlBounds.maxLon && lat >= nlBounds.minLat && lat <= nlBounds.maxLat;
  if (!inNl) {
    const swapped =
      lat >= nlBounds.minLon && lat <= nlBounds.maxLon && lon >= nlBounds.minLat && lon <= nlBounds.maxLat;
    const order = crs === 'EPSG:4258' ? 'latitude, longitude' : 'longitude, latitude';
    throw outOfRange(
      field,
      swapped
        ? `The coordinates look swapped: ${crs} expects ${order}.`
        : `The coordinates (${order}) are not in the Netherlands; expected longitude ${nlBounds.minLon}–${nlBounds.maxLon} and latitude ${nlBounds.minLat}–${nlBounds.maxLat}.`,
      swapped ? `axis order looks swapped; ${crs} expects ${order}` : 'not in the Netherlands',
    );
  }
  return toRd(lon, lat);
}

/** Converts a point in any accepted CRS to RD New, refusing coordinates that cannot be in the Netherlands. */
export function coordinatesToRd(first: number, second: number, crs: Crs, field = 'coordinates'): [number, number] {
  if (!Number.isFinite(first) || !Number.isFinite(second))
    throw outOfRange(field, 'Coordinates must be finite numbers.', 'not a finite number');
  if (crs === 'EPSG:28992') {
    const inRd = first >= rdBounds.minX && first <= rdBounds.maxX && second >= rdBounds.minY && second <= rdBounds.maxY;
    if (!inRd) {
      throw outOfRange(
        field,
        `RD New coordinates must lie within x ${rdBounds.minX}–${rdBounds.maxX} and y ${rdBounds.minY}–${rdBounds.maxY} metres.`,
        'outside the RD New area',
      );
    }
    return [first, second];
  }
  if (crs === 'EPSG:4258') return lonLatToRd(second, first, crs, field);
  return lonLatToRd(first, second, crs, field);
}

export function pointToRd(point: PointGeometry, crs: Crs = 'CRS84'): [number, number] {
  return coordinatesToRd(point.coordinates[0], point.coordinates[1], crs, 'coordinates');
}
