import formbody from '@fastify/formbody';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App, AppDeps } from '../../http/route-kit.ts';
import type { AddressSearch } from '../addresses/index.ts';
import { createServiceRequest } from './create-service-request.ts';
import { discoveryDocument } from './discovery.ts';
import { open311Errors } from './errors.ts';
import { getServiceRequest, listServiceRequests } from './list-service-requests.ts';
import { getServiceDefinition, listServices } from './list-services.ts';
import { open311Formats, type Open311Format } from './schemas.ts';
import { toXmlDocument } from './xml.ts';

/**
 * Open311 GeoReport v2 under /open311: its own specification, so its own shapes, its own error list and
 * no place in /api/v1/openapi.json (every route is hidden from the swagger document). Form bodies
 * (application/x-www-form-urlencoded, as the specification posts) are parsed only inside this plugin.
 */
const contentTypes: Record<Open311Format, string> = {
  json: 'application/json; charset=utf-8',
  xml: 'text/xml; charset=utf-8',
};
const hidden = { hide: true } as const;

function send(reply: FastifyReply, format: Open311Format, root: string, value: unknown, status = 200) {
  const body = format === 'xml' ? toXmlDocument(root, value) : JSON.stringify(value);
  return reply.status(status).header('content-type', contentTypes[format]).send(body);
}

/** `grofvuil.json` → the id and the format; an unknown extension is no route of ours (404). */
function splitFile(file: string): { id: string; format: Open311Format } | null {
  const match = /^(.+)\.(json|xml)$/.exec(file);
  return match ? { id: decodeURIComponent(match[1]!), format: match[2] as Open311Format } : null;
}

const formatOfUrl = (url: string): Open311Format => (/\.xml$/i.test(url.split('?')[0]!) ? 'xml' : 'json');

export async function registerOpen311Routes(app: App, deps: AppDeps, addressSearch: AddressSearch): Promise<void> {
  const publicReads = { rateLimit: { max: deps.config.PUBLIC_REPORTS_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } };
  const intake = { rateLimit: { max: deps.config.REPORT_RATE_LIMIT_PER_MINUTE, timeWindow: 60_000 } };

  await app.register(
    async (open311) => {
      await open311.register(formbody);

      const notFound = (request: FastifyRequest, reply: FastifyReply) =>
        send(reply, formatOfUrl(request.url), 'errors', [{ code: 404, description: 'No such resource.' }], 404);
      open311.setNotFoundHandler(notFound);
      open311.setErrorHandler((error, request, reply) => {
        const mapped = open311Errors(error);
        if (mapped) return send(reply, formatOfUrl(request.url), 'errors', mapped.errors, mapped.status);
        // The class and message only: a request body may hold reporter contact.
        const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
        request.log.error({ err: { type: name, message, stack } }, 'unhandled error');
        const description = 'Something went wrong on our side; nothing was changed.';
        return send(reply, formatOfUrl(request.url), 'errors', [{ code: 500, description }], 500);
      });

      for (const format of open311Formats) {
        open311.get(`/discovery.${format}`, { schema: hidden }, async (request, reply) => {
          const baseUrl = deps.config.PUBLIC_BASE_URL ?? `${request.protocol}://${request.host}`;
          return send(reply, format, 'discovery', discoveryDocument(baseUrl));
        });
        open311.get(`/v2/services.${format}`, { schema: hidden, config: publicReads }, async (request, reply) =>
          send(reply, format, 'services', await listServices(deps, request.query)),
        );
        open311.get(`/v2/requests.${format}`, { schema: hidden, config: publicReads }, async (request, reply) =>
          send(reply, format, 'service_requests', await listServiceRequests(deps, request.query)),
        );
        open311.post(`/v2/requests.${format}`, { schema: hidden, config: intake }, async (request, reply) => {
          const created = await createServiceRequest(
            { ...deps, addressSearch },
            { fields: request.body, ip: request.ip },
          );
          return send(reply, format, 'service_requests', created, 201);
        });
      }

      open311.get<{ Params: { file: string } }>(
        '/v2/services/:file',
        { schema: hidden, config: publicReads },
        async (request, reply) => {
          const file = splitFile(request.params.file);
          if (!file) return notFound(request, reply);
          return send(
            reply,
            file.format,
            'service_definition',
            await getServiceDefinition(deps, file.id, request.query),
          );
        },
      );
      open311.get<{ Params: { file: string } }>(
        '/v2/requests/:file',
        { schema: hidden, config: publicReads },
        async (request, reply) => {
          const file = splitFile(request.params.file);
          if (!file) return notFound(request, reply);
          return send(reply, file.format, 'service_requests', await getServiceRequest(deps, file.id, request.query));
        },
      );
    },
    { prefix: '/open311' },
  );
}
