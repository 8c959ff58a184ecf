import { randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import * as oidc from 'openid-client';
import {
  beginOidcSignIn,
  OidcSignInRefused,
  signInWithOidc,
  takeOidcSignIn,
  type OidcRefusal,
} from '../domain/people/index.ts';
import { SESSION_COOKIE } from './auth.ts';
import type { App, AppDeps } from './deps.ts';
import { refusalPage, type RefusalReason } from './oidc-pages.ts';

/** Holds the random value that names this browser's sign-in attempt (state, nonce and verifier stay in the db). */
const ATTEMPT_COOKIE = 'wijkpost_oidc';
export const OIDC_LOGIN_PATH = '/auth/oidc/login';
export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';
/** Where a signed-in browser goes next: the staff sign-in page sends it on to its role's home. */
const STAFF_HOME = '/inloggen';

type OidcSettings = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  redirectUrl: string;
  rolesClaim: string;
  scopes: string;
  allowHttp: boolean;
};

function settingsOf(config: AppDeps['config']): OidcSettings | null {
  const { OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_REDIRECT_URL } = config;
  if (!OIDC_ISSUER || !OIDC_CLIENT_ID || !OIDC_CLIENT_SECRET || !OIDC_REDIRECT_URL) return null;
  return {
    issuer: OIDC_ISSUER,
    clientId: OIDC_CLIENT_ID,
    clientSecret: OIDC_CLIENT_SECRET,
    redirectUrl: OIDC_REDIRECT_URL,
    rolesClaim: config.OIDC_ROLES_CLAIM,
    scopes: config.OIDC_SCOPES,
    allowHttp: config.OIDC_ALLOW_INSECURE_HTTP,
  };
}

/** The provider's metadata and keys, fetched at the first sign-in and kept; a failed fetch is tried again. */
function discoverer(settings: OidcSettings) {
  let pending: Promise<oidc.Configuration> | undefined;
  return () =>
    (pending ??= oidc
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret,
        oidc.ClientSecretBasic(settings.clientSecret),
        settings.allowHttp ? { execute: [oidc.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        pending = undefined;
        throw error;
      }));
}

function claimValues(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : null);

/**
 * Single sign-on with OpenID Connect, the NL GOV Assurance profile's way: authorization code flow with PKCE
 * (S256), state and nonce, client_secret_basic; openid-client checks the ID token's signature, iss, aud, azp,
 * exp and nonce. Not under /api/v1: these are browser redirects, not API operations.
 */
export function registerOidcRoutes(app: App, deps: AppDeps): void {
  const settings = settingsOf(deps.config);
  if (!settings) return;
  const discover = discoverer(settings);
  const cookieOptions = { httpOnly: true, sameSite: 'lax' as const, secure: deps.config.COOKIE_SECURE };

  /** The provider's metadata, or null (logged, and a page for the browser) when the provider cannot be reached. */
  const reachProvider = async (request: FastifyRequest) => {
    try {
      return await discover();
    } catch (error) {
      request.log.warn({ failure: failureOf(error) }, 'OIDC provider unreachable');
      return null;
    }
  };

  app.get(OIDC_LOGIN_PATH, { schema: { hide: true } }, async (request, reply) => {
    const configuration = await reachProvider(request);
    if (!configuration) return refuse(request, reply, 'unavailable');
    const attempt = {
      state: oidc.randomState(),
      nonce: oidc.randomNonce(),
      codeVerifier: oidc.randomPKCECodeVerifier(),
    };
    const browserSecret = randomBytes(32).toString('base64url');
    await beginOidcSignIn(deps, browserSecret, attempt);
    reply.setCookie(ATTEMPT_COOKIE, browserSecret, { ...cookieOptions, path: '/auth/oidc', maxAge: 600 });
    const target = oidc.buildAuthorizationUrl(configuration, {
      redirect_uri: settings.redirectUrl,
      response_type: 'code',
      scope: settings.scopes,
      state: attempt.state,
      nonce: attempt.nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(attempt.codeVerifier),
      code_challenge_method: 'S256',
    });
    return reply.header('Cache-Control', 'no-store').redirect(target.href, 303);
  });

  app.get(OIDC_CALLBACK_PATH, { schema: { hide: true } }, async (request, reply) => {
    const browserSecret = request.cookies?.[ATTEMPT_COOKIE];
    reply.clearCookie(ATTEMPT_COOKIE, { path: '/auth/oidc' });
    const attempt = browserSecret ? await takeOidcSignIn(deps, browserSecret) : null;
    if (!attempt) return refuse(request, reply, 'expired');
    const configuration = await reachProvider(request);
    if (!configuration) return refuse(request, reply, 'unavailable');
    let tokens: Awaited<ReturnType<typeof oidc.authorizationCodeGrant>>;
    try {
      // The URL the provider sent the browser to, as registered: a proxy in front may have changed ours.
      const current = new URL(settings.redirectUrl);
      current.search = new URL(request.url, 'http://callback').search;
      tokens = await oidc.authorizationCodeGrant(configuration, current, {
        pkceCodeVerifier: attempt.codeVerifier,
        expectedState: attempt.state,
        expectedNonce: attempt.nonce,
        idTokenExpected: true,
      });
    } catch (error) {
      request.log.warn({ failure: failureOf(error) }, 'OIDC callback refused');
      return refuse(request, reply, 'failed');
    }
    const claims = tokens.claims()!;
    let source: Record<string, unknown> = claims;
    if (claims[settings.rolesClaim] === undefined) {
      // Many providers put groups and roles only in the userinfo answer.
      source = { ...(await oidc.fetchUserInfo(configuration, tokens.access_token, claims.sub)), ...claims };
    }
    try {
      const session = await signInWithOidc(
        { ...deps, sessionTtlHours: deps.config.SESSION_TTL_HOURS },
        {
          issuer: claims.iss,
          subject: claims.sub,
          email: text(source.email),
          name: text(source.name),
          claimValues: claimValues(source[settings.rolesClaim]),
        },
        request.cookies?.[SESSION_COOKIE],
      );
      reply.setCookie(SESSION_COOKIE, session.token, { ...cookieOptions, path: '/', expires: session.expiresAt });
      return reply.header('Cache-Control', 'no-store').redirect(STAFF_HOME, 303);
    } catch (error) {
      if (!(error instanceof OidcSignInRefused)) throw error;
      return refuse(request, reply, error.reason);
    }
  });
}

/** openid-client's codes and messages name the failed check; never a token, a code or a personal datum. */
function failureOf(error: unknown) {
  const { name, message, code, error: oauthError, cause } = error as Record<string, unknown>;
  const because = cause instanceof Error ? cause.message : undefined;
  return { type: name, code, message, oauthError, because };
}

function refuse(request: FastifyRequest, reply: FastifyReply, reason: RefusalReason | OidcRefusal) {
  const status = reason === 'unavailable' ? 503 : reason === 'expired' || reason === 'failed' ? 400 : 403;
  request.log.info({ reason }, 'OIDC sign-in refused');
  return reply
    .status(status)
    .header('Cache-Control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(refusalPage(reason, OIDC_LOGIN_PATH));
}
