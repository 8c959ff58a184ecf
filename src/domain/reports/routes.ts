import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type App,
  type AppDeps,
  currentStaff,
  optionalStaff,
  requireRoles,
  problemSchema,
} from '../../http/route-kit.ts';
import { crsHeaderValue } from '../geography/index.ts';
import { addReportNote } from './add-report-note.ts';
import { assignReport } from './assign-report.ts';
import { changeReportStatus } from './change-report-status.ts';
import { createReport } from './create-report.ts';
import { getPublicReportStatus } from './get-report.ts';
import { listReports } from './list-reports.ts';
import { markReportDuplicate } from './mark-duplicate.ts';
import { expectedVersionOf, sendDetail } from './routes-common.ts';
import { assignerRoles, noteWriterRoles, staffReaderRoles, statusChangerRoles } from './report-access.ts';
import {
  assignBodySchema,
  changeStatusBodySchema,
  createdReportSchema,
  createReportBodySchema,
  duplicateBodySchema,
  ifMatchHeadersSchema,
  listReportsQuerySchema,
  noteBodySchema,
  publicReportStatusSchema,
  reportDetailSchema,
  reportIdParamsSchema,
  reportListSchema,
  trackingCodeParamsSchema,
} from './schemas.ts';

const tags = ['reports'];
const problems = { 400: problemSchema, 401: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const crsQuerySchema = z.object({ crs: z.string().optional().describe('CRS of returned locations; CRS84 by default') });

/**
 * Intake is limited per address for the public, per user for signed-in staff (a contact centre's agents share one
 * address; each files phone reports all day). The session is resolved before the limiter runs (a global onRequest
 * hook), so `request.staff` is known here; a bad token counts as the public.
 */
function intakeRateLimit(deps: AppDeps) {
  return {
    timeWindow: 60_000,
    keyGenerator: (request: FastifyRequest) => (request.staff ? `staff:${request.staff.id}` : `ip:${request.ip}`),
    max: (_request: FastifyRequest, key: string) =>
      key.startsWith('staff:')
        ? deps.config.STAFF_REPORT_RATE_LIMIT_PER_MINUTE
        : deps.config.REPORT_RATE_LIMIT_PER_MINUTE,
  };
}

/** Staff routes check roles on onRequest, before validation: an anonymous caller learns nothing about the request shape. */
export async function registerReportRoutes(app: App, deps: AppDeps): Promise<void> {
  app.post(
    '/api/v1/reports',
    {
      config: { rateLimit: intakeRateLimit(deps) },
      onRequest: optionalStaff(),
      // The use case validates (once), so field problems and domain problems (unknown category, …) come
      // back in one list; the schema below still documents the body in OpenAPI.
      validatorCompiler: () => (value: unknown) => ({ value }),
      schema: {
        tags,
        summary: 'File a report (public; staff file phone and street reports on behalf of someone)',
        headers: z.object({
          'content-crs': z.string().optional().describe('EPSG:28992 for RD New coordinates; CRS84 by default'),
          'idempotency-key': z
            .string()
            .optional()
            .describe('Retrying with the same key returns the first result instead of a second report'),
        }),
        body: createReportBodySchema,
        response: {
          201: createdReportSchema,
          400: problemSchema,
          403: problemSchema,
          422: problemSchema,
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      const outcome = await createReport(deps, {
        body: request.body,
        contentCrs: request.headers['content-crs'] as string | undefined,
        caller: { staff: request.staff, ip: request.ip },
        idempotencyKey: request.headers['idempotency-key'] as string | undefined,
      });
      reply.header('Location', `/api/v1/reports/${outcome.report.id}`);
      if (outcome.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(outcome.statusCode as 201).send(outcome.report);
    },
  );

  app.get(
    '/api/v1/reports',
    {
      onRequest: requireRoles(...staffReaderRoles),
      schema: {
        tags,
        summary: 'List reports of your municipality (partners: those assigned to them)',
        querystring: listReportsQuerySchema,
        response: { 200: reportListSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { page, crs } = await listReports(deps, { viewer: currentStaff(request), query: request.query });
      reply.header('Content-Crs', crsHeaderValue(crs));
      return page;
    },
  );

  app.get(
    '/api/v1/reports/:reportId',
    {
      onRequest: requireRoles(...staffReaderRoles),
      schema: {
        tags,
        summary: 'A report with its history',
        params: reportIdParamsSchema,
        querystring: crsQuerySchema,
        response: { 200: reportDetailSchema, ...problems },
      },
    },
    async (request, reply) =>
      sendDetail(deps, reply, currentStaff(request), request.params.reportId, request.query.crs),
  );

  app.post(
    '/api/v1/reports/:reportId/status',
    {
      onRequest: requireRoles(...statusChangerRoles),
      schema: {
        tags,
        summary: 'Change the status (resolving and reopening need a text)',
        params: reportIdParamsSchema,
        headers: ifMatchHeadersSchema,
        body: changeStatusBodySchema,
        response: { 200: reportDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      const actor = currentStaff(request);
      await changeReportStatus(deps, {
        reportId: request.params.reportId,
        actor,
        status: request.body.status,
        text: request.body.text,
        expectedVersion: expectedVersionOf(request.headers['if-match']),
      });
      return sendDetail(deps, reply, actor, request.params.reportId);
    },
  );

  app.post(
    '/api/v1/reports/:reportId/assignment',
    {
      onRequest: requireRoles(...assignerRoles),
      schema: {
        tags,
        summary: 'Reassign, or forward to a partner organisation',
        params: reportIdParamsSchema,
        headers: ifMatchHeadersSchema,
        body: assignBodySchema,
        response: { 200: reportDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      const actor = currentStaff(request);
      await assignReport(deps, {
        reportId: request.params.reportId,
        actor,
        ...request.body,
        expectedVersion: expectedVersionOf(request.headers['if-match']),
      });
      return sendDetail(deps, reply, actor, request.params.reportId);
    },
  );

  app.post(
    '/api/v1/reports/:reportId/notes',
    {
      onRequest: requireRoles(...noteWriterRoles),
      schema: {
        tags,
        summary: 'Add a note to the history',
        params: reportIdParamsSchema,
        body: noteBodySchema,
        response: { 201: reportDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      const actor = currentStaff(request);
      await addReportNote(deps, { reportId: request.params.reportId, actor, text: request.body.text });
      reply.status(201);
      return sendDetail(deps, reply, actor, request.params.reportId);
    },
  );

  app.post(
    '/api/v1/reports/:reportId/duplicate-of',
    {
      onRequest: requireRoles(...assignerRoles),
      schema: {
        tags,
        summary: "Close as a duplicate of another report; its reporter and followers follow that report's updates",
        params: reportIdParamsSchema,
        headers: ifMatchHeadersSchema,
        body: duplicateBodySchema,
        response: { 200: reportDetailSchema, ...problems },
      },
    },
    async (request, reply) => {
      const actor = currentStaff(request);
      await markReportDuplicate(deps, {
        reportId: request.params.reportId,
        mainReportId: request.body.mainReportId,
        actor,
        expectedVersion: expectedVersionOf(request.headers['if-match']),
      });
      return sendDetail(deps, reply, actor, request.params.reportId);
    },
  );

  app.get(
    '/api/v1/public/reports/:trackingCode',
    {
      schema: {
        tags,
        summary: 'Public status by tracking code: state and dates only',
        params: trackingCodeParamsSchema,
        response: { 200: publicReportStatusSchema, 404: problemSchema },
      },
    },
    async (request) => getPublicReportStatus(deps, request.params.trackingCode),
  );
}
