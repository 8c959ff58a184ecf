import type { FastifyInstance, FastifyRequest, RouteOptions } from 'fastify';
import { hasAnyRole, type Role, type StaffUser } from '../shared/staff.ts';
import { resolveSession } from '../domain/people/index.ts';
import { DomainError } from '../shared/errors.ts';
import type { AppDeps } from './deps.ts';

export const SESSION_COOKIE = 'wijkpost_session';

declare module 'fastify' {
  interface FastifyRequest {
    staff: StaffUser | null;
  }
}

/**
 * Who may call a route, as its guard says: signed-in staff (with one of these roles, or any role when null),
 * or anyone, staff being welcome to sign in (they act on someone's behalf). No guard: anyone, signed in or not.
 */
export type Access = { kind: 'staff'; roles: readonly Role[] | null } | { kind: 'optional' };

/** Typed by the one thing it reads, so a guard fits any route whatever its schema. */
type Guard = (request: SignedInRequest) => Promise<void>;
type SignedInRequest = Pick<FastifyRequest, 'staff'>;
const accessOfGuard = new WeakMap<Guard, Access>();

function guard(access: Access, check: Guard): Guard {
  accessOfGuard.set(check, access);
  return check;
}

function credentialOf(request: FastifyRequest): { token: string; via: 'bearer' | 'cookie' } | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return { token: header.slice(7).trim(), via: 'bearer' };
  const cookie = request.cookies?.[SESSION_COOKIE];
  return cookie ? { token: cookie, via: 'cookie' } : undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function originOf(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}

/**
 * A browser sends the session cookie along with requests that other sites start; SameSite=Lax stops that for
 * POST from another site, and this stops the rest (another subdomain is "same site", an old browser ignores
 * SameSite): a state change carried by the cookie must come from our own origin — PUBLIC_BASE_URL, or the Host
 * the request was sent to when that is unset — as its Origin header, else its Referer, says. A request with
 * neither header is let through: browsers send Origin with every cross-origin POST, PUT, PATCH and DELETE, so
 * only non-browser clients, which hold the cookie themselves, omit it.
 */
function refuseCrossSite(request: FastifyRequest, publicBaseUrl: string | undefined): void {
  const claimed = request.headers.origin ?? request.headers.referer;
  if (claimed === undefined) return;
  const origin = originOf(claimed);
  const ours = publicBaseUrl ? originOf(publicBaseUrl) : null;
  // Without PUBLIC_BASE_URL the scheme is not known here (a proxy may end TLS), so the Host decides.
  const ownOrigins = ours ? [ours] : ['http', 'https'].map((scheme) => originOf(`${scheme}://${request.host}`));
  const sameOrigin = origin !== null && ownOrigins.includes(origin);
  if (!sameOrigin) {
    throw new DomainError('forbidden', 'Cross-site request refused: a signed-in change must come from Wijkpost.');
  }
}

/** Route hooks in the order Fastify runs them; a guard may sit in any of them. */
const guardHooks = ['onRequest', 'preParsing', 'preValidation', 'preHandler'] as const;
type HookName = (typeof guardHooks)[number];

function hooksOf(route: RouteOptions, name: HookName): unknown[] {
  const hooks: unknown = route[name];
  if (hooks === undefined) return [];
  return Array.isArray(hooks) ? hooks : [hooks];
}

function isGuard(hook: unknown): hook is Guard {
  return accessOfGuard.has(hook as Guard);
}

/** The access the route's guards (requireRoles, requireStaff, optionalStaff) declare; null without a guard. */
export function routeAccess(route: RouteOptions): Access | null {
  for (const name of guardHooks) {
    const found = hooksOf(route, name).find(isGuard);
    if (found) return accessOfGuard.get(found)!;
  }
  return null;
}

/**
 * Guards read nothing but the caller, so they all run first, on onRequest, wherever the route put them:
 * a caller who may not use the route learns nothing about its request shape (401/403 before any 400), and
 * every protected operation answers an anonymous call with 401 whatever it sends.
 */
function guardsFirst(route: RouteOptions): void {
  const guards = guardHooks.flatMap((name) => hooksOf(route, name).filter(isGuard));
  if (guards.length === 0) return;
  const hooks = route as unknown as Record<HookName, unknown[] | undefined>;
  for (const name of guardHooks) {
    const others = hooksOf(route, name).filter((hook) => !isGuard(hook));
    hooks[name] = name === 'onRequest' ? [...guards, ...others] : others.length > 0 ? others : undefined;
  }
}

/** Resolves the caller (session cookie or bearer token) on every request; routes decide what they need. */
export function registerAuthentication(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('staff', null);
  const sessionDeps = { ...deps, idleMinutes: deps.config.SESSION_IDLE_MINUTES };
  app.addHook('onRequest', async (request) => {
    const credential = credentialOf(request);
    if (credential?.via === 'cookie' && !SAFE_METHODS.has(request.method)) {
      refuseCrossSite(request, deps.config.PUBLIC_BASE_URL);
    }
    request.staff = credential ? await resolveSession(sessionDeps, credential.token) : null;
  });
  app.addHook('onRoute', guardsFirst);
}

/** Guard (a route hook): only staff with one of the roles pass. */
export function requireRoles(...allowed: Role[]): Guard {
  return guard({ kind: 'staff', roles: allowed }, async (request) => {
    currentStaff(request, allowed);
  });
}

/** Guard (a route hook): any signed-in staff member passes; what they may see is the use case's business. */
export function requireStaff(): Guard {
  return guard({ kind: 'staff', roles: null }, async (request) => {
    currentStaff(request);
  });
}

/** Guard (a route hook) that lets everyone in: says the route is public and staff may call it signed in. */
export function optionalStaff(): Guard {
  return guard({ kind: 'optional' }, async () => {});
}

export function currentStaff(request: SignedInRequest, allowed?: readonly Role[]): StaffUser {
  const staff = request.staff;
  if (!staff) throw new DomainError('unauthenticated', 'Sign in, or send a bearer token, to use this endpoint.');
  if (allowed && !hasAnyRole(staff, allowed)) {
    throw new DomainError('forbidden', `This needs one of the roles: ${allowed.join(', ')}.`);
  }
  return staff;
}
