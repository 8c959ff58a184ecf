import { currentStaff, requireRoles } from '../../http/route-kit.ts';
import type { App, AppDeps } from '../../http/route-kit.ts';
import { forecastCsv, forecastGeoJson, forecastView } from './forecast-view.ts';
import { requestedFormat, sendCsv, sendGeoJson } from './routes-respond.ts';
import { analysisReaders, problems, tags } from './routes-common.ts';
import { forecastQuerySchema, forecastSchema } from './schemas.ts';

export function registerForecastRoute(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/analysis/forecast',
    {
      onRequest: requireRoles(...analysisReaders),
      schema: {
        tags,
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
