import { z } from 'zod';
import { DomainError } from '../../shared/errors.ts';
import { parseCrs, sridOf } from './crs.ts';
import type { GeometryInput } from './repository.ts';

/**
 * Reads CBS wijk/buurt GeoJSON as delivered by the CBS files and by the PDOK WFS/OGC API.
 * Property names differ between those deliveries (statcode vs buurtcode, aantalInwoners vs
 * aantal_inwoners), so each record accepts the known spellings.
 */
const featureCollectionSchema = z.object({
  type: z.literal('FeatureCollection'),
  crs: z.object({ properties: z.object({ name: z.string() }) }).optional(),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.record(z.string(), z.unknown()).nullable(),
      geometry: z.object({ type: z.string(), coordinates: z.unknown() }).nullable(),
    }),
  ),
});

export type CbsFeatureCollection = z.infer<typeof featureCollectionSchema>;

export interface DistrictRecord {
  code: string;
  name: string;
  municipalityCode: string;
  municipalityName: string | null;
  population: number | null;
  waterOnly: boolean;
  geometry: GeometryInput;
}

export interface NeighbourhoodRecord {
  code: string;
  name: string;
  districtCode: string;
  municipalityCode: string;
  waterOnly: boolean;
  geometry: GeometryInput;
}

export interface BoroughRecord {
  code: string;
  name: string;
  districtCodes: string[];
}

export function parseFeatureCollection(json: unknown, source: string): CbsFeatureCollection {
  const parsed = featureCollectionSchema.safeParse(json);
  if (!parsed.success) {
    throw new DomainError(
      'validation',
      `${source} is not a GeoJSON FeatureCollection.`,
      parsed.error.issues.map((i) => ({ name: `${source}:${i.path.join('.')}`, reason: i.message })),
    );
  }
  return parsed.data;
}

/** The GeoJSON `crs` member decides; without it RFC 7946 says CRS84, which is checked against the coordinates. */
function sridOfCollection(collection: CbsFeatureCollection, source: string): number {
  const srid = sridOf(parseCrs(collection.crs?.properties.name, `${source}:crs`));
  const first = firstPosition(collection.features.find((f) => f.geometry)?.geometry?.coordinates);
  if (first && srid !== 28992 && (Math.abs(first[0]) > 180 || Math.abs(first[1]) > 90)) {
    throw new DomainError(
      'validation',
      `${source} has projected coordinates (${first.join(', ')}) but no crs member saying so; add "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::28992"}}.`,
    );
  }
  return srid;
}

function firstPosition(coordinates: unknown): [number, number] | undefined {
  let current = coordinates;
  while (Array.isArray(current) && Array.isArray(current[0])) current = current[0];
  return Array.isArray(current) && typeof current[0] === 'number' && typeof current[1] === 'number'
    ? [current[0], current[1]]
    : undefined;
}

function text(props: Record<string, unknown>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = props[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

/** CBS marks unknown statistics with large negative sentinels (e.g. -99999999). */
function count(props: Record<string, unknown>, ...names: string[]): number | null {
  for (const name of names) {
    const value = props[name];
    const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
    if (typeof number === 'number' && Number.isFinite(number)) return number >= 0 ? Math.round(number) : null;
  }
  return null;
}

function geometryOf(
  feature: CbsFeatureCollection['features'][number],
  srid: number,
  code: string,
  source: string,
): GeometryInput {
  const geometry = feature.geometry;
  if (!geometry || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) {
    throw new DomainError('validation', `${source}: ${code} has no Polygon or MultiPolygon geometry.`);
  }
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates) as unknown[];
  const wellFormed =
    Array.isArray(polygons) &&
    polygons.length > 0 &&
    polygons.every((rings) => Array.isArray(rings) && rings.length > 0 && rings.every(isRing));
  if (!wellFormed)
    throw new DomainError(
      'validation',
      `${source}: ${code} has a malformed polygon (every ring needs at least 4 positions and must be closed).`,
    );
  return { geojson: JSON.stringify(geometry), srid };
}

function isRing(ring: unknown): boolean {
  if (!Array.isArray(ring) || ring.length < 4) return false;
  const positions = ring.every(
    (p) => Array.isArray(p) && p.length >= 2 && p.every((n) => typeof n === 'number' && Number.isFinite(n)),
  );
  const first = ring[0] as number[];
  const last = ring[ring.length - 1] as number[];
  return positions && first[0] === last[0] && first[1] === last[1];
}

function requireCode(value: string | undefined, pattern: RegExp, what: string, source: string, index: number): string {
  if (!value || !pattern.test(value)) {
    throw new DomainError(
      'validation',
      `${source}: feature ${index} has no valid ${what} (got ${JSON.stringify(value ?? null)}).`,
    );
  }
  return value;
}

export function readDistricts(collection: CbsFeatureCollection, source: string): DistrictRecord[] {
  const srid = sridOfCollection(collection, source);
  return collection.features.map((feature, index) => {
    const props = feature.properties ?? {};
    const code = requireCode(text(props, 'wijkcode', 'statcode'), /^WK\d{6}$/, 'wijkcode', source, index);
    return {
      code,
      name: text(props, 'wijknaam', 'statnaam') ?? code,
      municipalityCode: requireCode(
        text(props, 'gemeentecode') ?? `GM${code.slice(2, 6)}`,
        /^GM\d{4}$/,
        'gemeentecode',
        source,
        index,
      ),
      municipalityName: text(props, 'gemeentenaam') ?? null,
      population: count(props, 'aantalInwoners', 'aantal_inwoners', 'aant_inw'),
      waterOnly: text(props, 'water')?.toUpperCase() === 'JA',
      geometry: geometryOf(feature, srid, code, source),
    };
  });
}

export function readNeighbourhoods(collection: CbsFeatureCollection, source: string): NeighbourhoodRecord[] {
  const srid = sridOfCollection(collection, source);
  return collection.features.map((feature, index) => {
    const props = feature.properties ?? {};
    const code = requireCode(text(props, 'buurtcode', 'statcode'), /^BU\d{8}$/, 'buurtcode', source, index);
    return {
      code,
      name: text(props, 'buurtnaam', 'statnaam') ?? code,
      districtCode: requireCode(
        text(props, 'wijkcode') ?? `WK${code.slice(2, 8)}`,
        /^WK\d{6}$/,
        'wijkcode',
        source,
        index,
      ),
      municipalityCode: requireCode(
        text(props, 'gemeentecode') ?? `GM${code.slice(2, 6)}`,
        /^GM\d{4}$/,
        'gemeentecode',
        source,
        index,
      ),
      waterOnly: text(props, 'water')?.toUpperCase() === 'JA',
      geometry: geometryOf(feature, srid, code, source),
    };
  });
}

export function slugify(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** Boroughs file: one feature per borough with `stadsdeel` (name), optional `code`, and `wijken` (comma list of wijkcodes). */
export function readBoroughs(collection: CbsFeatureCollection, source: string): BoroughRecord[] {
  return collection.features.map((feature, index) => {
    const props = feature.properties ?? {};
    const name = text(props, 'stadsdeel', 'naam', 'name');
    if (!name) throw new DomainError('validation', `${source}: feature ${index} has no stadsdeel name.`);
    const list = text(props, 'wijken') ?? '';
    const districtCodes = list
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    const bad = districtCodes.filter((c) => !/^WK\d{6}$/.test(c));
    if (bad.length)
      throw new DomainError('validation', `${source}: borough ${name} lists invalid wijkcodes: ${bad.join(', ')}.`);
    return { code: text(props, 'code') ?? slugify(name), name, districtCodes };
  });
}
