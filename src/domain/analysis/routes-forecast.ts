import { currentStaff, requireRoles } from '../../http/auth.ts';
import type { App, AppDeps } from '../../http/deps.ts';
import { forecastCsv, forecastGeoJson, forecastView } from './forecast-view.ts';
import { requestedFormat, sendCsv, sendGeoJson } from './respond.ts';
import { analysisReaders, problems, security, tags } from './route-common.ts';
import { forecastQuerySchema, forecastSchema } from './schemas.ts';

export function registerForecastRoute(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/analysis/forecast',
    {
      onRequest: requireRoles(...analysisReaders),
      schema: {
        tags,
        security,
        summary:
          "Next week's forecast cells beside the rolling backtest (hit rate, PAI, PEI at 1/3/5 %) of every method and of the chosen one; resident reports only by default. Also as CSV or GeoJSON (`format`).",
        querystring: forecastQuerySchema,
        response: { 200: forecastSchema, ...problems },
      },
    },
    async (request, reply) => {
      const view = await forecastView(deps, currentStaff(request), request.query);
      const format = requestedFormat(request, request.query.format);
      if (format === 'csv') return sendCsv(reply, 'forecast', forecastCsv(view));
      if (format === 'geojson') return sendGeoJson(reply, view.crs, forecastGeoJson(view));
      return view;
    },
  );
}
