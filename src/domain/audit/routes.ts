import type { FastifyReply } from 'fastify';
import { type App, type AppDeps, currentStaff, problemSchema, requireRoles } from '../../http/route-kit.ts';
import { exportAuditLogCsv, listAuditLog } from './list-audit-log.ts';
import { auditPageSchema, auditQuerySchema } from './schemas.ts';

export function registerAuditRoutes(app: App, deps: AppDeps) {
  app.get(
    '/api/v1/audit-log',
    {
      onRequest: requireRoles('administrator'),
      schema: {
        tags: ['audit'],
        summary: 'The audit log of your municipality, newest first (administrator)',
        description:
          'Who changed what and who saw a reporter’s contact: the record is named, its content never. ' +
          'Keyset pages (`nextCursor`). With `format=csv` or `Accept: text/csv`, every entry the filters select as CSV.',
        querystring: auditQuerySchema,
        response: { 200: auditPageSchema, 400: problemSchema, 401: problemSchema, 403: problemSchema },
      },
    },
    async (request, reply) => {
      const staff = currentStaff(request);
      const wantsCsv =
        request.query.format === 'csv' ||
        (request.query.format === undefined && /\btext\/csv\b/.test(request.headers.accept ?? ''));
      if (!wantsCsv) return listAuditLog(deps, staff, request.query);
      return sendCsv(reply, await exportAuditLogCsv(deps, staff, request.query));
    },
  );
}

function sendCsv(reply: FastifyReply, csv: string) {
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', 'attachment; filename="audit-log.csv"')
    .send(csv);
}
