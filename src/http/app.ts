import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { registerAuditTrail } from './audit.ts';
import { registerAuthentication } from './auth.ts';
import type { App, AppDeps } from './deps.ts';
import { DEFAULT_BODY_LIMIT, registerJsonBodyParser } from './json-body.ts';
import { API_PREFIX, API_VERSION, registerOpenApi } from './openapi.ts';
import { clientErrorHandler, frameworkErrorHandler } from './framework-errors.ts';
import { errorHandler, sendProblem } from './problem.ts';
import { registerBackupRoute } from './backup.ts';
import { registerMetrics } from './metrics.ts';
import { registerOidcRoutes } from './oidc.ts';
import { registerRoutes } from './routes.ts';
import { registerTextCheck } from './text-check.ts';

export { API_PREFIX, API_VERSION } from './openapi.ts';

export { redactUrl } from './redact.ts';
import { redactUrl } from './redact.ts';

export function trustProxySetting(value: string): boolean | string[] {
  if (value === '' || value === 'false') return false;
  if (value === 'true') return true;
  return value
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

export interface BuildAppOptions {
  logger?: boolean;
  /** Where log lines go (tests capture them); stdout by default. */
  logStream?: { write(line: string): void };
  /** Extra plugins (the web UI) registered after the API. */
  extend?: (app: App) => Promise<void> | void;
}

export async function buildApp(deps: AppDeps, options: BuildAppOptions = {}): Promise<App> {
  const app = Fastify({
    logger: options.logger
      ? {
          level: deps.config.LOG_LEVEL,
          ...(options.logStream ? { stream: options.logStream } : {}),
          // Secrets and reporter contact never reach the log.
          redact: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
          serializers: {
            req: (request: { method: string; url: string }) => ({
              method: request.method,
              url: redactUrl(request.url),
            }),
          },
        }
      : false,
    trustProxy: trustProxySetting(deps.config.TRUST_PROXY),
    bodyLimit: DEFAULT_BODY_LIMIT,
    // Bad percent-encoding, an over-long path parameter and what node refuses itself answer problem+json too.
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    ajv: undefined,
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  registerJsonBodyParser(app);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, {
      status: 404,
      title: 'Not found',
      detail: `No route for ${request.method} ${request.url.split('?')[0]}`,
    }),
  );

  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await registerOpenApi(app, deps.config);

  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
    if (request.url.startsWith(API_PREFIX)) {
      reply.header('Cache-Control', 'no-store');
      reply.header('Content-Security-Policy', "frame-ancestors 'none'");
      // Every answer, errors included (ADR /core/version-header).
      reply.header('API-Version', API_VERSION);
    }
    return payload;
  });

  registerAuthentication(app, deps);
  registerAuditTrail(app, deps);
  registerTextCheck(app);
  registerMetrics(app, deps);
  registerBackupRoute(app, deps);
  registerOidcRoutes(app, deps);

  app.get(`${API_PREFIX}/openapi.json`, { schema: { hide: true } }, async (_request, reply) => {
    reply.header('Access-Control-Allow-Origin', '*');
    return app.swagger();
  });

  app.get(
    `${API_PREFIX}/health`,
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database check',
        response: { 200: z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']) }) },
      },
    },
    async () => {
      await deps.db.query('SELECT 1');
      return { status: 'ok' as const, database: deps.db.kind };
    },
  );

  await registerRoutes(app, deps);
  if (options.extend) await options.extend(app);
  await app.ready();
  return app;
}
