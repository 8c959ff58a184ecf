import { type App, type AppDeps, currentStaff, requireRoles, problemSchema } from '../../http/route-kit.ts';
import { deliveryListSchema } from '../outbox/index.ts';
import { listDeliveriesOfReport } from './list-deliveries.ts';
import { staffReaderRoles } from './report-access.ts';
import { reportIdParamsSchema } from './schemas.ts';

export function registerReportDeliveryRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/reports/:reportId/deliveries',
    {
      onRequest: requireRoles(...staffReaderRoles),
      schema: {
        tags: ['reports'],
        summary: "A report's outgoing messages (e-mails, webhooks) and their delivery",
        description:
          'Same access as reading the report. `status` is sent only after the SMTP server accepted the message or ' +
          'the webhook answered 2xx. `recipient` only for staff who may read the reporter contact.',
        params: reportIdParamsSchema,
        response: { 200: deliveryListSchema, 404: problemSchema },
      },
    },
    async (request) =>
      listDeliveriesOfReport(deps, { viewer: currentStaff(request), reportId: request.params.reportId }),
  );
}
