import { type App, type AppDeps, currentStaff, requireRoles, problemSchema } from '../../http/route-kit.ts';
import { exportSignalen } from './export-signalen.ts';
import { signalenExportQuerySchema, signalenPageSchema } from './schemas.ts';

const tags = ['exports'];
const security: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { cookieAuth: [] }];
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema };
const path = '/api/v1/exports/signalen';

/** The Signalen export (administrators only); the role is checked before the query string is read. */
export function registerSignalenRoutes(app: App, deps: AppDeps) {
  const base = deps.config.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? '';
  app.get(
    path,
    {
      onRequest: requireRoles('administrator'),
      schema: {
        tags,
        security,
        summary:
          "The municipality's reports in the shape of Signalen's private signals list (HAL page: _links, count, " +
          'results), oldest first, each with its status history; follow `_links.next.href` until it is null. No ' +
          "reporter contact: '*****' when known. `wijkpost import signalen` reads the pages back.",
        querystring: signalenExportQuerySchema,
        response: { 200: signalenPageSchema, ...problems },
      },
    },
    async (request) => {
      const staff = currentStaff(request, ['administrator']);
      const query = request.query;
      const page = await exportSignalen(deps, staff, query, (id) => `${base}/api/v1/reports/${id}`);
      const pageHref = (cursor: string | undefined) =>
        `${base}${path}?pageSize=${query.pageSize}${cursor === undefined ? '' : `&cursor=${encodeURIComponent(cursor)}`}`;
      return {
        _links: {
          self: { href: pageHref(query.cursor) },
          next: { href: page.nextCursor === null ? null : pageHref(page.nextCursor) },
          previous: { href: null },
        },
        count: page.count,
        results: page.results,
      };
    },
  );
}
