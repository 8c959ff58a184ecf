import { z } from 'zod';
import { type App, type AppDeps, currentStaff, requireRoles } from '../../http/route-kit.ts';
import { listFailedDeliveries, summariseOutbox } from './read-deliveries.ts';
import { failedDeliveryPageSchema, outboxStatusSchema } from './schemas.ts';

const failedQuerySchema = z.object({
  cursor: z.string().optional().describe('From nextCursor of the previous page'),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Administrators watch the outbox: whether mail is on, the backlog, and what failed for good. */
export function registerOutboxRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/outbox/status',
    {
      onRequest: requireRoles('administrator'),
      schema: {
        tags: ['outbox'],
        summary: 'Whether e-mail is on, and the outbox backlog of the municipality',
        response: { 200: outboxStatusSchema },
      },
    },
    async (request) =>
      summariseOutbox(deps, {
        municipalityCode: currentStaff(request).municipalityCode,
        mailEnabled: deps.config.SMTP_URL !== undefined,
      }),
  );
  app.get(
    '/api/v1/outbox/failed',
    {
      onRequest: requireRoles('administrator'),
      schema: {
        tags: ['outbox'],
        summary: 'Deliveries given up after three days, newest first',
        querystring: failedQuerySchema,
        response: { 200: failedDeliveryPageSchema },
      },
    },
    async (request) =>
      listFailedDeliveries(deps, {
        municipalityCode: currentStaff(request).municipalityCode,
        cursor: request.query.cursor,
        limit: request.query.limit,
      }),
  );
}
