import { problemSchema } from '../../http/route-kit.ts';
import { currentStaff, requireRoles } from '../../http/route-kit.ts';
import type { App, AppDeps } from '../../http/route-kit.ts';
import { crsHeaderValue } from '../geography/index.ts';
import { analysisReaders, problems, tags } from './routes-common.ts';
import { registerForecastRoute } from './routes-forecast.ts';
import { registerPatrolPlanRoutes } from './routes-patrol-plans.ts';
import { hotspotMap, hotspotMapCsv } from './hotspot-map.ts';
import { requestedFormat, sendCsv, sendGeoJson } from './routes-respond.ts';
import {
  analysisFilterQuerySchema,
  hotspotMapSchema,
  hotspotQuerySchema,
  surveyImportResultSchema,
  timeProfileSchema,
  unreportedQuerySchema,
  unreportedSchema,
  visibilityQuerySchema,
  visibilitySchema,
} from './schemas.ts';
import { importSurvey } from './survey-import.ts';
import { timeProfile, timeProfileCsv } from './time-profile.ts';
import { unreported, unreportedCsv } from './unreported.ts';
import { visibilityByYear, visibilityCsv } from './visibility-trend.ts';

const csvNote = ' Also as CSV (`format=csv` or `Accept: text/csv`).';

/** The analyst's API; own plugin scope so its text/csv body parser stays here. */
export function registerAnalysisRoutes(app: App, deps: AppDeps) {
  app.register(async (scoped: App) => {
    scoped.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: 2 * 1024 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
    registerViews(scoped, deps);
    registerForecastRoute(scoped, deps);
    registerPatrolPlanRoutes(scoped, deps);
  });
}

function registerViews(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/analysis/hotspots',
    {
      onRequest: requireRoles(...analysisReaders),
      schema: {
        tags,
        summary:
          'Hotspots by place: events per grid cell with Getis-Ord Gi* z-scores and classes, as GeoJSON (CRS84 or crs=EPSG:28992).' +
          csvNote,
        querystring: hotspotQuerySchema,
        response: { 200: hotspotMapSchema, ...problems },
      },
    },
    async (request, reply) => {
      const map = await hotspotMap(deps, currentStaff(request), request.query);
      const format = requestedFormat(request, request.query.format);
      if (format === 'csv') return sendCsv(reply, 'hotspots', hotspotMapCsv(map));
      if (format === 'geojson') return sendGeoJson(reply, map.crs, map);
      reply.header('content-crs', crsHeaderValue(map.crs));
      return map;
    },
  );

  app.get(
    '/api/v1/analysis/time-profile',
    {
      onRequest: requireRoles(...analysisReaders),
      schema: {
        tags,
        summary:
          'Hotspots by time: the 168 hour-of-week counts (municipal time zone), busiest slots, week-over-week and same-week-last-year trends.' +
          csvNote,
        querystring: analysisFilterQuerySchema,
        response: { 200: timeProfileSchema, ...problems },
      },
    },
    async (request, reply) => {
      const profile = await timeProfile(deps, currentStaff(request), request.query);
      if (requestedFormat(request, request.query.format) === 'csv')
        return sendCsv(reply, 'time-profile', timeProfileCsv(profile));
      return profile;
    },
  );

  app.get(
    '/api/v1/analysis/unreported',
    {
      onRequest: requireRoles(...analysisReaders),
      schema: {
        tags,
        summary:
          "What goes unreported: per district × subcategory, observations, reports, matched pairs and Chapman's estimate with its 95 % interval." +
          csvNote,
        querystring: unreportedQuerySchema,
        response: { 200: unreportedSchema, ...problems },
      },
    },
    async (request, reply) => {
      const view = await unreported(deps, currentStaff(request), request.query);
      if (requestedFormat(request, request.query.format) === 'csv')
        return sendCsv(reply, 'unreported', unreportedCsv(view));
      return view;
    },
  );

  app.get(
    '/api/v1/analysis/visibility',
    {
      onRequest: requireRoles(...analysisReaders),
      schema: {
        tags,
        summary:
          'Visibility: presence hours, contacts and wijkraad meetings per district and year next to the survey results, with trends.' +
          csvNote,
        querystring: visibilityQuerySchema,
        response: { 200: visibilitySchema, ...problems },
      },
    },
    async (request, reply) => {
      const view = await visibilityByYear(deps, currentStaff(request), request.query);
      if (requestedFormat(request, request.query.format) === 'csv')
        return sendCsv(reply, 'visibility', visibilityCsv(view));
      return view;
    },
  );

  app.post(
    '/api/v1/analysis/surveys',
    {
      onRequest: requireRoles('administrator'),
      schema: {
        tags,
        summary:
          'Import the yearly resident survey per district (text/csv: year,districtCode,question,share,respondents); replaces the years it contains',
        consumes: ['text/csv'],
        response: { 200: surveyImportResultSchema, ...problems, 415: problemSchema },
      },
    },
    async (request) => {
      const staff = currentStaff(request, ['administrator']);
      return importSurvey(deps, staff.municipalityCode, String(request.body ?? ''), staff.id);
    },
  );
}
