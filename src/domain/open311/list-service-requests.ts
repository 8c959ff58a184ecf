import type { Queryable } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { listPublicSubcategories } from '../categories/index.ts';
import { PUBLIC_GRID_METRES } from '../reports/index.ts';
import { toServiceRequest } from './mapping.ts';
import { parseInput } from './parse-input.ts';
import { selectServiceRequests } from './repository.ts';
import { resolveJurisdiction } from './resolve-jurisdiction.ts';
import {
  DEFAULT_SPAN_DAYS,
  MAX_REQUESTS,
  serviceRequestQuerySchema,
  type ServiceRequest,
  type ServiceRequestQuery,
} from './schemas.ts';

const dayMs = 86_400_000;
const spanMs = DEFAULT_SPAN_DAYS * dayMs;
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The period asked for: without dates the last 90 days; one date alone spans 90 days from (or up to) it;
 * two dates may not span more than 90 days, as the specification says.
 */
export function requestedPeriod(query: Pick<ServiceRequestQuery, 'start_date' | 'end_date'>, now: Date) {
  const start = query.start_date ? new Date(query.start_date) : undefined;
  const end = query.end_date ? new Date(query.end_date) : undefined;
  if (start && end) {
    if (start > end)
      throw new DomainError('validation', 'start_date is after end_date.', [
        { name: 'start_date', reason: 'must not be after end_date' },
      ]);
    if (end.getTime() - start.getTime() > spanMs)
      throw new DomainError('validation', `start_date and end_date may not span more than ${DEFAULT_SPAN_DAYS} days.`, [
        { name: 'end_date', reason: `at most ${DEFAULT_SPAN_DAYS} days after start_date` },
      ]);
    return { from: start, to: end };
  }
  if (start) return { from: start, to: new Date(start.getTime() + spanMs) };
  const to = end ?? now;
  return { from: new Date(to.getTime() - spanMs), to };
}

/** GET requests: the newest 1,000 of the period (or the ids asked for), of public services only. */
export async function listServiceRequests(
  deps: { db: Queryable; clock: Clock },
  query: unknown,
): Promise<ServiceRequest[]> {
  const params = parseInput(serviceRequestQuerySchema, query);
  const jurisdiction = await resolveJurisdiction(deps, params.jurisdiction_id);
  const base = { municipalityCode: jurisdiction.code, grid: PUBLIC_GRID_METRES, limit: MAX_REQUESTS };
  let rows;
  if (params.service_request_id) {
    // An id that cannot be one of ours matches nothing, like an unknown one.
    rows = await selectServiceRequests(deps.db, {
      ...base,
      publicIds: params.service_request_id.filter((id) => uuid.test(id)),
    });
  } else {
    if (params.service_code?.length) {
      const offered = new Set((await listPublicSubcategories(deps.db, jurisdiction.code)).map((c) => c.code));
      const unknown = params.service_code.filter((code) => !offered.has(code));
      if (unknown.length)
        throw new DomainError('validation', `unknown service_code: ${unknown.join(', ')}`, [
          { name: 'service_code', reason: `unknown service ${unknown.join(', ')}`, code: 'unknown_service' },
        ]);
    }
    const statuses = new Set(params.status ?? []);
    rows = await selectServiceRequests(deps.db, {
      ...base,
      ...requestedPeriod(params, deps.clock.now()),
      serviceCodes: params.service_code?.length ? params.service_code : undefined,
      closed: statuses.size === 1 ? statuses.has('closed') : undefined,
    });
  }
  return rows.map((row) => toServiceRequest(row, jurisdiction.name));
}

/** GET requests/{service_request_id}: one request, as a list of one (the specification's shape); 404 when unknown. */
export async function getServiceRequest(
  deps: { db: Queryable },
  serviceRequestId: string,
  query: unknown,
): Promise<ServiceRequest[]> {
  const { jurisdiction_id } = parseInput(serviceRequestQuerySchema.pick({ jurisdiction_id: true }), query);
  const jurisdiction = await resolveJurisdiction(deps, jurisdiction_id);
  const rows = uuid.test(serviceRequestId)
    ? await selectServiceRequests(deps.db, {
        municipalityCode: jurisdiction.code,
        grid: PUBLIC_GRID_METRES,
        limit: 1,
        publicIds: [serviceRequestId],
      })
    : [];
  if (!rows[0]) throw new DomainError('not_found', `service_request_id "${serviceRequestId}" was not found.`);
  return [toServiceRequest(rows[0], jurisdiction.name)];
}
