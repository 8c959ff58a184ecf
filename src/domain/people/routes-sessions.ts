import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  type App,
  type AppDeps,
  currentStaff,
  requireStaff,
  SESSION_COOKIE,
  problemSchema,
} from '../../http/route-kit.ts';
import { DomainError } from '../../shared/errors.ts';
import { login, logout, prepareLogin } from './login.ts';
import { presentUser } from './present.ts';
import { loginBodySchema, loginResponseSchema, staffUserSchema } from './schemas.ts';

const tags = ['sessions'];

function sessionToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return request.cookies?.[SESSION_COOKIE];
}

export function registerSessionRoutes(app: App, deps: AppDeps) {
  app.addHook('onReady', prepareLogin);
  app.post(
    '/api/v1/sessions',
    {
      config: { rateLimit: { max: deps.config.LOGIN_RATE_LIMIT_PER_MINUTE, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password (cookie session or bearer token)',
        body: loginBodySchema,
        response: {
          201: loginResponseSchema,
          400: problemSchema,
          401: problemSchema,
          403: problemSchema.describe('Password sign-in is switched off: sign in with single sign-on'),
          429: problemSchema,
        },
      },
    },
    async (request, reply) => {
      if (!deps.config.PASSWORD_SIGN_IN_ENABLED) {
        throw new DomainError(
          'forbidden',
          'Password sign-in is switched off here: sign in with single sign-on (GET /auth/oidc/login).',
        );
      }
      const { user, token, expiresAt } = await login(
        {
          ...deps,
          sessionTtlHours: deps.config.SESSION_TTL_HOURS,
          throttle: {
            failuresPerAccount: deps.config.SIGN_IN_FAILURES_PER_ACCOUNT,
            failuresPerAddress: deps.config.SIGN_IN_FAILURES_PER_ADDRESS,
            windowMinutes: deps.config.SIGN_IN_FAILURE_WINDOW_MINUTES,
          },
        },
        {
          ...request.body,
          address: request.ip,
          // A browser's old session ends here, so signing in never keeps (or adopts) a session id it had before.
          previousToken: request.body.tokenType === 'bearer' ? undefined : request.cookies?.[SESSION_COOKIE],
        },
      );
      if (request.body.tokenType === 'bearer') {
        return reply.status(201).send({ user: presentUser(user), token, expiresAt: expiresAt.toISOString() });
      }
      reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: deps.config.COOKIE_SECURE,
        expires: expiresAt,
      });
      return reply.status(201).send({ user: presentUser(user), expiresAt: expiresAt.toISOString() });
    },
  );

  app.delete(
    '/api/v1/sessions/current',
    {
      onRequest: requireStaff(),
      schema: {
        tags,
        summary: 'Sign out: revokes the session of this request',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      currentStaff(request);
      const token = sessionToken(request);
      if (token) await logout(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/me',
    {
      onRequest: requireStaff(),
      schema: { tags, summary: 'The signed-in staff user', response: { 200: staffUserSchema } },
    },
    async (request) => presentUser(currentStaff(request)),
  );
}
