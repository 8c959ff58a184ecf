/**
 * The OpenAPI document of /api/v1 (served at /api/v1/openapi.json), generated from the routes' zod schemas and
 * their guards, so that it tells the truth without anything written per route. Every route under /api/v1 gets:
 *
 * - its path relative to the server URL `/api/v1`, which carries the major version (ADR /core/uri-version);
 * - `security` (bearer token or session cookie) when a guard from route-kit needs staff, with 401, and 403 when
 *   only some roles pass (named in its description and in `x-roles`); `optionalStaff()` adds `{}` (anyone);
 * - 400 when it takes input (path, query, headers or body) and on every POST, PUT and PATCH (a malformed JSON
 *   body is a 400 there too); 429 when it has a rate limit; 413 on every POST, PUT and PATCH (the body limit);
 *   503 on every operation (the database cannot be reached, src/db/unavailable.ts);
 * - every 4xx and 5xx answer as application/problem+json with the `Problem` schema (what `sendProblem` writes);
 * - the `API-Version` header on every response (the onSend hook in app.ts sends it on every /api/ answer).
 *
 * Routes outside /api/v1 (the web UI, other protocols) are left out of this document.
 */
import swagger from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { roles } from '../shared/staff.ts';
import { routeAccess, SESSION_COOKIE } from './auth.ts';
import type { App } from './deps.ts';
import { problemSchema, problemTitle } from './problem.ts';

export const API_VERSION = '1.0.0';
export const API_PREFIX = '/api/v1';

/** Bearer token or session cookie: the same session secret either way (src/http/auth.ts). */
const staffSecurity: Array<Record<string, string[]>> = [{ bearerAuth: [] }, { cookieAuth: [] }];

/** As a JSON schema with a description: @fastify/swagger turns it into the OpenAPI header object. */
const apiVersionHeader = {
  'API-Version': {
    type: 'string',
    example: API_VERSION,
    description: 'The full version of the API that answered (ADR /core/version-header)',
  },
};

interface RouteSchema {
  hide?: boolean;
  description?: string;
  security?: Array<Record<string, string[]>>;
  /** The roles that pass the route's guard, when not every role does (a vendor extension of the document). */
  'x-roles'?: string[];
  params?: unknown;
  querystring?: unknown;
  headers?: unknown;
  body?: unknown;
  response?: Record<string, unknown>;
}

function isApiRoute(url: string): boolean {
  return url === API_PREFIX || url.startsWith(`${API_PREFIX}/`);
}

function isErrorStatus(status: string): boolean {
  return /^[45]\d\d$/.test(status);
}

const tooLarge = problemSchema.describe('The body is larger than this operation accepts (64 kB unless it says more)');
const databaseUnavailable = problemSchema.describe(
  "The database cannot be reached just now: try again after the Retry-After header's seconds",
);

/** problemSchema itself, or a copy of it with its own description (`problemSchema.describe(…)`). */
function isProblemSchema(answer: unknown): boolean {
  return answer instanceof z.ZodType && answer._zod.def === problemSchema._zod.def;
}

/** Adds what the route's guard, input and rate limit imply to its schema (a copy: HEAD routes share the original). */
function completeRouteSchema(route: RouteOptions): void {
  const original = route.schema as RouteSchema | undefined;
  if (original?.hide || !isApiRoute(route.url)) return;
  const schema: RouteSchema = { ...original, response: { ...original?.response } };
  const response = schema.response!;
  const where = `${String(route.method)} ${route.url}`;
  for (const [status, answer] of Object.entries(response)) {
    if (isErrorStatus(status) && !isProblemSchema(answer)) {
      throw new Error(`${where} documents ${status} with another schema than problemSchema (src/http/route-kit.ts)`);
    }
  }

  const methods = [route.method].flat().map((method) => method.toUpperCase());
  const takesInput = schema.params || schema.querystring || schema.headers || schema.body;
  if (takesInput || methods.some((method) => ['POST', 'PUT', 'PATCH'].includes(method))) {
    response[400] ??= problemSchema;
  }
  if ((route.config as { rateLimit?: unknown } | undefined)?.rateLimit) response[429] ??= problemSchema;
  if (methods.some((method) => ['POST', 'PUT', 'PATCH'].includes(method))) response[413] ??= tooLarge;
  response[503] ??= databaseUnavailable;

  const access = routeAccess(route);
  delete schema.security;
  delete schema['x-roles'];
  if (access?.kind === 'optional') schema.security = [{}, ...staffSecurity];
  if (access?.kind === 'staff') {
    schema.security = staffSecurity;
    response[401] ??= problemSchema;
    const allowed = access.roles ?? roles;
    if (roles.some((role) => !allowed.includes(role))) {
      response[403] ??= problemSchema;
      schema['x-roles'] = [...allowed];
      const who = `Signed-in staff with one of the roles: ${allowed.join(', ')}.`;
      schema.description = schema.description ? `${schema.description}\n\n${who}` : who;
    }
  }
  if (Object.keys(response).length === 0) delete schema.response;
  route.schema = schema;
}

/** zod → JSON schema, then every answer gets the API-Version header and every error the problem+json type. */
function transformRoute(input: Parameters<typeof jsonSchemaTransform>[0]): ReturnType<typeof jsonSchemaTransform> {
  if (!isApiRoute(input.url)) return { schema: { hide: true }, url: input.url };
  const transformed = jsonSchemaTransform(input);
  const schema = transformed.schema as RouteSchema;
  if (schema.hide || !schema.response) return transformed;
  const responses: Record<string, unknown> = {};
  for (const [status, answer] of Object.entries(schema.response)) {
    responses[status] = isErrorStatus(status)
      ? {
          description: (answer as { description?: string }).description ?? problemTitle(Number(status)),
          headers: apiVersionHeader,
          content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
        }
      : { ...(answer as object), headers: apiVersionHeader };
  }
  return { ...transformed, schema: { ...schema, response: responses } };
}

/** The public URL of the API when the installation knows its own (PUBLIC_BASE_URL); relative otherwise. */
function serverUrl(config: Config): string {
  return config.PUBLIC_BASE_URL ? `${config.PUBLIC_BASE_URL.replace(/\/+$/, '')}${API_PREFIX}` : API_PREFIX;
}

/** Registers the document generator and the route hook that completes every route's schema. Before the routes. */
export async function registerOpenApi(app: App, config: Config): Promise<void> {
  app.addHook('onRoute', completeRouteSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Wijkpost API',
        description: 'Reports of nuisance, routed to the district officer — or a colleague when that officer is away.',
        version: API_VERSION,
        contact: { name: 'Wijkpost', url: 'https://github.com/wijkpost/wijkpost', email: 'wijkpost@example.org' },
      },
      servers: [{ url: serverUrl(config), description: 'This installation, API version 1' }],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', description: 'The token of POST /sessions (tokenType bearer)' },
          cookieAuth: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie' },
        },
        schemas: {
          Problem: z.toJSONSchema(problemSchema, { target: 'openapi-3.0', io: 'output' }) as Record<string, unknown>,
        },
      },
    },
    transform: transformRoute,
  });
}
