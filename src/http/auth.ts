import type { FastifyInstance, FastifyRequest } from 'fastify';
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

function tokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return header.slice(7).trim();
  return request.cookies?.[SESSION_COOKIE];
}

/** Resolves the caller (session cookie or bearer token) on every request; routes decide what they need. */
export function registerAuthentication(app: FastifyInstance, deps: AppDeps) {
  app.decorateRequest('staff', null);
  app.addHook('onRequest', async (request) => {
    const token = tokenOf(request);
    request.staff = token ? await resolveSession(deps, token) : null;
  });
}

/** preHandler: only staff with one of the roles pass. */
export function requireRoles(...allowed: Role[]) {
  return async (request: FastifyRequest) => {
    currentStaff(request, allowed);
  };
}

export function currentStaff(request: FastifyRequest, allowed?: readonly Role[]): StaffUser {
  const staff = request.staff;
  if (!staff) throw new DomainError('unauthenticated', 'Sign in, or send a bearer token, to use this endpoint.');
  if (allowed && !hasAnyRole(staff, allowed)) {
    throw new DomainError('forbidden', `This needs one of the roles: ${allowed.join(', ')}.`);
  }
  return staff;
}
