/**
 * The audit trail's one central place for API changes: every successful state-changing request (not GET, HEAD
 * or OPTIONS) by a signed-in staff member appends an audit entry naming the operation (`METHOD pattern`) and
 * the record (the route's last path parameter and the segment before it, or the created record's `id` from the
 * answer). Never the body: what changed is in the record itself, and bodies carry personal data.
 *
 * The entry is written after the use case committed, in the onSend hook, before the answer leaves: the use
 * cases own their transactions, and a hook cannot join them. So a crash between the commit and this insert
 * loses the entry (the change stands); a failing insert is logged (without data) and the answer still goes
 * out, since the change did happen and a 500 would invite a retry. Use cases that show reporter contact, and
 * routes that change nothing (`auditedInUseCase`), write their own entry, in their own transaction.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { recordAuditEntry } from '../domain/audit/index.ts';
import type { AppDeps } from './deps.ts';
import { API_PREFIX } from './openapi.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `false`: this route's use case writes its own audit entry, or the route changes nothing. */
    audit?: false;
  }
}

/** Route config for a POST that changes nothing, or whose use case records the audit entry itself. */
export const auditedInUseCase = { audit: false } as const;

const readOnlyMethods = new Set(['GET', 'HEAD', 'OPTIONS']);
const MAX_ID_LENGTH = 200;

function createdId(payload: unknown): string | null {
  if (typeof payload !== 'string' || payload.length > 65_536 || !payload.startsWith('{')) return null;
  try {
    const id: unknown = (JSON.parse(payload) as Record<string, unknown>).id;
    return typeof id === 'string' && id.length <= MAX_ID_LENGTH ? id : null;
  } catch {
    return null;
  }
}

/** `/api/v1/categories/:code` → categories + the code; `/api/v1/categories` → categories + the answer's id. */
export function auditRecordOf(
  pattern: string,
  params: Record<string, unknown>,
  payload: unknown,
): { kind: string | null; id: string | null } {
  const segments = pattern.slice(API_PREFIX.length + 1).split('/');
  let kind: string | null = segments[0] || null;
  let id: string | null = null;
  for (const [index, segment] of segments.entries()) {
    if (!segment.startsWith(':')) continue;
    const value = params[segment.slice(1)];
    if (typeof value !== 'string') continue;
    id = value.slice(0, MAX_ID_LENGTH);
    kind = segments[index - 1] ?? kind;
  }
  return { kind, id: id ?? createdId(payload) };
}

export function registerAuditTrail(app: FastifyInstance, deps: AppDeps) {
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const staff = request.staff;
    const pattern = request.routeOptions.url;
    if (
      !staff ||
      readOnlyMethods.has(request.method) ||
      reply.statusCode >= 400 ||
      pattern === undefined ||
      !pattern.startsWith(`${API_PREFIX}/`) ||
      request.routeOptions.config.audit === false
    )
      return payload;
    try {
      await recordAuditEntry(deps, staff, {
        action: `${request.method} ${pattern}`,
        record: auditRecordOf(pattern, (request.params ?? {}) as Record<string, unknown>, payload),
        outcome: String(reply.statusCode),
      });
    } catch (error) {
      request.log.error({ code: (error as { code?: unknown }).code }, 'audit entry not written');
    }
    return payload;
  });
}
