import type { Queryable } from '../../db/db.ts';
import { listPublicSubcategories, type OfferedSubcategory } from '../categories/index.ts';
import { DomainError } from '../../shared/errors.ts';
import { toService, toServiceDefinition } from './mapping.ts';
import { parseInput } from './parse-input.ts';
import { resolveJurisdiction } from './resolve-jurisdiction.ts';
import { jurisdictionQuerySchema, type Service, type ServiceDefinition } from './schemas.ts';

/** GET services: one service per public subcategory of the jurisdiction. */
export async function listServices(deps: { db: Queryable }, query: unknown): Promise<Service[]> {
  const { jurisdiction_id } = parseInput(jurisdictionQuerySchema, query);
  const jurisdiction = await resolveJurisdiction(deps, jurisdiction_id);
  return (await listPublicSubcategories(deps.db, jurisdiction.code)).map(toService);
}

/** The subcategory behind a service code, or null when the jurisdiction offers no such service. */
export async function findOfferedService(
  deps: { db: Queryable },
  municipalityCode: string,
  serviceCode: string,
): Promise<OfferedSubcategory | null> {
  const offered = await listPublicSubcategories(deps.db, municipalityCode);
  return offered.find((category) => category.code === serviceCode) ?? null;
}

/** GET services/{service_code}: the service's attributes (the category's extra questions). */
export async function getServiceDefinition(
  deps: { db: Queryable },
  serviceCode: string,
  query: unknown,
): Promise<ServiceDefinition> {
  const { jurisdiction_id } = parseInput(jurisdictionQuerySchema, query);
  const jurisdiction = await resolveJurisdiction(deps, jurisdiction_id);
  const category = await findOfferedService(deps, jurisdiction.code, serviceCode);
  if (!category) throw new DomainError('not_found', `service_code "${serviceCode}" was not found.`);
  return toServiceDefinition(category);
}
