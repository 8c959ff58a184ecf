import { z } from 'zod';
import { type App, type AppDeps, currentStaff, problemSchema, requireRoles } from '../../http/route-kit.ts';
import { listFailedDeliveries, summariseOutbox } from './read-deliveries.ts';
import { getPartnerChannel, setPartnerChannel } from './partner-channel.ts';
import {
  failedDeliveryPageSchema,
  outboxStatusSchema,
  partnerChannelBodySchema,
  partnerChannelSchema,
  partnerIdParamsSchema,
} from './schemas.ts';

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
  registerPartnerChannelRoutes(app, deps);
}

function registerPartnerChannelRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/v1/partners/:partnerId/delivery-channel',
    {
      onRequest: requireRoles('administrator'),
      schema: {
        tags: ['outbox'],
        summary: 'How a partner organisation hears of forwards (workspace, e-mail or webhook)',
        params: partnerIdParamsSchema,
        response: { 200: partnerChannelSchema, 404: problemSchema },
      },
    },
    async (request) =>
      getPartnerChannel(deps, {
        municipalityCode: currentStaff(request).municipalityCode,
        partnerId: request.params.partnerId,
      }),
  );
  app.put(
    '/api/v1/partners/:partnerId/delivery-channel',
    {
      onRequest: requireRoles('administrator'),
      schema: {
        tags: ['outbox'],
        summary: "Set a partner organisation's delivery channel; the webhook secret is write-only",
        params: partnerIdParamsSchema,
        body: partnerChannelBodySchema,
        response: { 200: partnerChannelSchema, 404: problemSchema },
      },
    },
    async (request) =>
      setPartnerChannel(deps, {
        municipalityCode: currentStaff(request).municipalityCode,
        partnerId: request.params.partnerId,
        body: request.body,
      }),
  );
}
