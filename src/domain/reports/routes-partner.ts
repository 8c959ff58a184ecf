import { z } from 'zod';
import { type App, type AppDeps, currentStaff, requireRoles, problemSchema } from '../../http/route-kit.ts';
import { crsHeaderValue } from '../geography/index.ts';
import { acceptPartnerReport } from './accept-partner-report.ts';
import { listPartnerReports } from './list-partner-reports.ts';
import { resolvePartnerReport } from './resolve-partner-report.ts';
import { expectedVersionOf, sendDetail } from './routes-common.ts';
import {
  ifMatchHeadersSchema,
  listPartnerReportsQuerySchema,
  reportDetailSchema,
  reportIdParamsSchema,
  reportListSchema,
  resolveByPartnerBodySchema,
  sendBackBodySchema,
} from './schemas.ts';
import { sendBackReport } from './send-back-report.ts';

const tags = ['partner'];
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema };
const actionProblems = {
  ...problems,
  409: problemSchema.describe('The report changed since it was read, or this action does not fit its status'),
};
const partner = { onRequest: requireRoles('partner') };

/**
 * The partner organisation's workspace: the reports it holds and what it may do with them. Every route is for the
 * caller's own organisation (users.team_id); another organisation's report is a 404, as in the rest of the API.
 */
export function registerPartnerReportRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/partner/reports',
    {
      ...partner,
      schema: {
        tags,
        summary: 'The reports your organisation holds: overdue first, then by deadline, closed ones last',
        querystring: listPartnerReportsQuerySchema,
        response: { 200: reportListSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { page, crs } = await listPartnerReports(deps, { viewer: currentStaff(request), query: request.query });
      reply.header('Content-Crs', crsHeaderValue(crs));
      return page;
    },
  );

  app.post(
    '/api/v1/partner/reports/:reportId/accept',
    {
      ...partner,
      schema: {
        tags,
        summary: 'Accept a forwarded report: your organisation works on it (in progress)',
        params: reportIdParamsSchema,
        headers: ifMatchHeadersSchema,
        response: { 200: reportDetailSchema, ...actionProblems },
      },
    },
    async (request, reply) => {
      const actor = currentStaff(request);
      const { reportId } = request.params;
      await acceptPartnerReport(deps, {
        reportId,
        actor,
        expectedVersion: expectedVersionOf(request.headers['if-match']),
      });
      return sendDetail(deps, reply, actor, reportId);
    },
  );

  app.post(
    '/api/v1/partner/reports/:reportId/send-back',
    {
      ...partner,
      schema: {
        tags,
        summary: 'Send a report back to the officer who forwarded it, with the reason',
        params: reportIdParamsSchema,
        headers: ifMatchHeadersSchema,
        body: sendBackBodySchema,
        response: {
          200: z.object({ id: z.uuid(), status: z.literal('in_progress'), version: z.number().int() }),
          ...actionProblems,
        },
      },
    },
    // The report is no longer the partner's afterwards, so the answer is what the partner may still know of it.
    async (request) => {
      const { version } = await sendBackReport(deps, {
        reportId: request.params.reportId,
        actor: currentStaff(request),
        reason: request.body.reason,
        expectedVersion: expectedVersionOf(request.headers['if-match']),
      });
      return { id: request.params.reportId, status: 'in_progress' as const, version };
    },
  );

  app.post(
    '/api/v1/partner/reports/:reportId/resolve',
    {
      ...partner,
      schema: {
        tags,
        summary: 'Resolve a report your organisation holds, with the text for the reporter',
        params: reportIdParamsSchema,
        headers: ifMatchHeadersSchema,
        body: resolveByPartnerBodySchema,
        response: { 200: reportDetailSchema, ...actionProblems },
      },
    },
    async (request, reply) => {
      const actor = currentStaff(request);
      const { reportId } = request.params;
      await resolvePartnerReport(deps, {
        reportId,
        actor,
        textForReporter: request.body.textForReporter,
        expectedVersion: expectedVersionOf(request.headers['if-match']),
      });
      return sendDetail(deps, reply, actor, reportId);
    },
  );
}
