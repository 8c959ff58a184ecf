import {
  type App,
  type AppDeps,
  auditedInUseCase,
  currentStaff,
  requireRoles,
  problemSchema,
} from '../../http/route-kit.ts';
import { listRoutingRules, replaceRoutingRules } from './manage-routing-rules.ts';
import type { AddressSearch } from '../addresses/index.ts';
import { previewRouting } from './preview-routing.ts';
import {
  replaceRulesBodySchema,
  routingPreviewBodySchema,
  routingPreviewSchema,
  rulesResponseSchema,
} from './schemas.ts';

export function registerRoutingRoutes(app: App, deps: AppDeps, addressSearch: AddressSearch) {
  app.get(
    '/api/v1/routing-rules',
    {
      preHandler: requireRoles('administrator', 'coordinator', 'team_manager'),
      schema: {
        tags: ['routing'],
        summary: 'The ordered routing rules of your municipality (first match wins)',
        response: { 200: rulesResponseSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => ({ rules: await listRoutingRules(deps, currentStaff(request).municipalityCode) }),
  );

  app.put(
    '/api/v1/routing-rules',
    {
      preHandler: requireRoles('administrator', 'coordinator'),
      // Up to 500 rules with their code lists: more than the default 64 kB body (src/http/json-body.ts).
      bodyLimit: 1024 * 1024,
      schema: {
        tags: ['routing'],
        summary: 'Replace the ordered routing rules of your municipality at once',
        body: replaceRulesBodySchema,
        response: { 200: rulesResponseSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request) => ({
      rules: await replaceRoutingRules(deps, currentStaff(request).municipalityCode, request.body.rules),
    }),
  );

  app.post(
    '/api/v1/routing/preview',
    {
      preHandler: requireRoles('administrator', 'coordinator', 'team_manager'),
      // A preview changes nothing, so it is no audit entry.
      config: auditedInUseCase,
      bodyLimit: 1024 * 1024,
      schema: {
        tags: ['routing'],
        summary: 'Try routing: who would get a hypothetical report, and why (stores nothing)',
        description:
          'Routes a report that is not filed (place, subcategory, moment, source) with the saved rules, or with the ' +
          'unsaved `rules` given, on the current officers, absences and districts. Answers the decision and every ' +
          'step it walked.',
        body: routingPreviewBodySchema,
        response: {
          200: routingPreviewSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema,
          503: problemSchema.describe('The address search is unavailable (with addressId)'),
        },
      },
    },
    async (request) => previewRouting({ ...deps, addressSearch }, currentStaff(request), request.body),
  );
}
