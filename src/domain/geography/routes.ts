import { type App, type AppDeps, problemSchema } from '../../http/route-kit.ts';
import { DomainError, notFound } from '../../shared/errors.ts';
import { coordinatesToRd, crsHeaderValue, parseCrs, type Crs } from './crs.ts';
import { getDistrictLocator } from './district-locator.ts';
import * as repo from './repository.ts';
import {
  boroughListSchema,
  districtCollectionSchema,
  districtFeatureSchema,
  districtParamsSchema,
  geometryQuerySchema,
  locatedPointSchema,
  locateQuerySchema,
  municipalityListSchema,
  municipalityParamsSchema,
  municipalitySchema,
  neighbourhoodCollectionSchema,
} from './schemas.ts';

const tags = ['geography'];
const prefix = '/api/v1';

/** `crs` query parameter first, then the Accept-Crs header, else CRS84. */
function requestedCrs(query: { crs?: string | undefined }, acceptCrs: string | string[] | undefined): Crs {
  if (query.crs !== undefined) return parseCrs(query.crs, 'query.crs');
  return parseCrs(Array.isArray(acceptCrs) ? acceptCrs[0] : acceptCrs, 'header.accept-crs');
}

function districtFeature(row: repo.DistrictFeatureRow) {
  const { geometry, ...properties } = row;
  return { type: 'Feature' as const, id: row.code, geometry: JSON.parse(geometry), properties };
}

async function requireMunicipality(deps: AppDeps, code: string) {
  const municipality = await repo.findMunicipality(deps.db, code);
  if (!municipality) throw notFound(`Municipality ${code}`);
  return municipality;
}

/** Geography is public information: no login needed. */
export async function registerGeographyRoutes(app: App, deps: AppDeps): Promise<void> {
  app.get(
    `${prefix}/municipalities`,
    {
      schema: {
        tags,
        summary: 'Municipalities served by this installation',
        response: { 200: municipalityListSchema },
      },
    },
    async () => ({ municipalities: await repo.listMunicipalities(deps.db) }),
  );

  app.get(
    `${prefix}/municipalities/:municipalityCode`,
    {
      schema: {
        tags,
        summary: 'One municipality',
        params: municipalityParamsSchema,
        response: { 200: municipalitySchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => requireMunicipality(deps, request.params.municipalityCode),
  );

  app.get(
    `${prefix}/municipalities/:municipalityCode/boroughs`,
    {
      schema: {
        tags,
        summary: 'Boroughs (stadsdelen) with their districts',
        params: municipalityParamsSchema,
        response: { 200: boroughListSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request) => {
      await requireMunicipality(deps, request.params.municipalityCode);
      return { boroughs: await repo.listBoroughs(deps.db, request.params.municipalityCode) };
    },
  );

  app.get(
    `${prefix}/municipalities/:municipalityCode/districts`,
    {
      schema: {
        tags,
        summary: 'Districts (wijken) as a GeoJSON FeatureCollection',
        params: municipalityParamsSchema,
        querystring: geometryQuerySchema,
        response: { 200: districtCollectionSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const crs = requestedCrs(request.query, request.headers['accept-crs']);
      await requireMunicipality(deps, request.params.municipalityCode);
      const rows = await repo.listDistrictFeatures(
        deps.db,
        { municipalityCode: request.params.municipalityCode },
        crs,
        request.query.simplify,
      );
      reply.header('Content-Crs', crsHeaderValue(crs));
      return { type: 'FeatureCollection' as const, features: rows.map(districtFeature) };
    },
  );

  app.get(
    `${prefix}/districts/:districtCode`,
    {
      schema: {
        tags,
        summary: 'One district as a GeoJSON Feature',
        params: districtParamsSchema,
        querystring: geometryQuerySchema,
        response: { 200: districtFeatureSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const crs = requestedCrs(request.query, request.headers['accept-crs']);
      const [row] = await repo.listDistrictFeatures(
        deps.db,
        { districtCode: request.params.districtCode },
        crs,
        request.query.simplify,
      );
      if (!row) throw notFound(`District ${request.params.districtCode}`);
      reply.header('Content-Crs', crsHeaderValue(crs));
      return districtFeature(row);
    },
  );

  app.get(
    `${prefix}/municipalities/:municipalityCode/neighbourhoods`,
    {
      schema: {
        tags,
        summary: 'Neighbourhoods (buurten, generalised) as a GeoJSON FeatureCollection',
        params: municipalityParamsSchema,
        querystring: geometryQuerySchema,
        response: { 200: neighbourhoodCollectionSchema, 400: problemSchema, 404: problemSchema },
      },
    },
    async (request, reply) => {
      const crs = requestedCrs(request.query, request.headers['accept-crs']);
      await requireMunicipality(deps, request.params.municipalityCode);
      const rows = await repo.listNeighbourhoodFeatures(
        deps.db,
        request.params.municipalityCode,
        crs,
        request.query.simplify,
      );
      reply.header('Content-Crs', crsHeaderValue(crs));
      return {
        type: 'FeatureCollection' as const,
        features: rows.map(({ geometry, ...properties }) => ({
          type: 'Feature' as const,
          id: properties.code,
          geometry: JSON.parse(geometry),
          properties,
        })),
      };
    },
  );

  app.get(
    `${prefix}/locate`,
    {
      schema: {
        tags,
        summary: 'The district (and borough, neighbourhood) of a point: lon & lat (CRS84), or x & y with crs',
        querystring: locateQuerySchema,
        response: { 200: locatedPointSchema, 400: problemSchema, 422: problemSchema },
      },
    },
    async (request) => {
      const [x, y] = pointFromQuery(request.query);
      const locator = await getDistrictLocator(deps.db);
      const located = locator.locate(x, y, request.query.municipalityCode);
      if (!located) {
        throw new DomainError(
          'outside_municipality',
          `No district ${request.query.municipalityCode ? `of ${request.query.municipalityCode} ` : ''}contains this point.`,
          [{ name: 'query', reason: 'not within a known district', code: 'outside_municipality' }],
        );
      }
      return located;
    },
  );
}

function pointFromQuery(query: {
  lon?: number | undefined;
  lat?: number | undefined;
  x?: number | undefined;
  y?: number | undefined;
  crs?: string | undefined;
}): [number, number] {
  const hasLonLat = query.lon !== undefined || query.lat !== undefined;
  const hasXy = query.x !== undefined || query.y !== undefined;
  if (hasLonLat === hasXy) {
    throw new DomainError('validation', 'Give either lon and lat (CRS84), or x and y with crs.', [
      { name: 'query.lon', reason: 'give lon and lat, or x and y' },
      { name: 'query.x', reason: 'give x and y, or lon and lat' },
    ]);
  }
  const [first, second, names] = hasLonLat
    ? [query.lon, query.lat, ['query.lon', 'query.lat']]
    : [query.x, query.y, ['query.x', 'query.y']];
  const missing = [first === undefined ? names[0]! : null, second === undefined ? names[1]! : null].filter(
    (n): n is string => n !== null,
  );
  if (missing.length)
    throw new DomainError(
      'validation',
      `Missing ${missing.join(' and ')}.`,
      missing.map((name) => ({ name, reason: 'required' })),
    );
  const crs = hasLonLat ? 'CRS84' : parseCrs(query.crs, 'query.crs');
  if (crs === 'EPSG:4258') return coordinatesToRd(second!, first!, crs, 'query');
  return coordinatesToRd(first!, second!, crs, 'query');
}
