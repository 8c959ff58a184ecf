import { type App, type AppDeps, problemSchema } from '../../http/route-kit.ts';
import { crsHeaderValue } from '../geography/index.ts';
import { followReport } from './follow-report.ts';
import { listDistrictPublicReports } from './list-district-public-reports.ts';
import { listNearbyPublicReports } from './list-nearby-public-reports.ts';
import {
  districtReportCollectionSchema,
  followReceiptSchema,
  followReportBodySchema,
  nearbyPublicReportsSchema,
  nearbyQuerySchema,
  publicDistrictParamsSchema,
} from './public-reports-schemas.ts';

const tags = ['public'];

/** Public, no login, rate-limited per IP: what residents may see of open reports, and following one. */
export function registerPublicReportRoutes(app: App, deps: AppDeps): void {
  const readLimit = { rateLimit: { max: deps.config.PUBLIC_REPORTS_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };

  app.get(
    '/api/v1/public/reports/nearby',
    {
      config: readLimit,
      schema: {
        tags,
        summary:
          'Open reports of a public category near a point ("Is dit dezelfde melding?"): category, status, day and a place rounded to 10 m; no description, reporter or assignee',
        querystring: nearbyQuerySchema,
        response: { 200: nearbyPublicReportsSchema, 400: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      reply.header('Content-Crs', crsHeaderValue('CRS84'));
      return listNearbyPublicReports(deps, request.query);
    },
  );

  app.get(
    '/api/v1/public/districts/:districtCode/reports',
    {
      config: readLimit,
      schema: {
        tags,
        summary:
          'Open reports of public categories in a district, as GeoJSON points rounded to 10 m (the Mijn wijk map)',
        params: publicDistrictParamsSchema,
        response: { 200: districtReportCollectionSchema, 400: problemSchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => {
      reply.header('Content-Crs', crsHeaderValue('CRS84'));
      return listDistrictPublicReports(deps, request.params.districtCode);
    },
  );

  app.post(
    '/api/v1/public/report-followers',
    {
      config: { rateLimit: { max: deps.config.FOLLOW_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary:
          'Follow an open report instead of filing a duplicate: the e-mail address is stored with the report for updates and never shown',
        body: followReportBodySchema,
        response: { 201: followReceiptSchema, 400: problemSchema, 404: problemSchema, 429: problemSchema },
      },
    },
    async (request, reply) => reply.status(201).send(await followReport(deps, request.body)),
  );
}
