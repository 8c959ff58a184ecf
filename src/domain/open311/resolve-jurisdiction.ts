import type { Queryable } from '../../db/db.ts';
import { DomainError } from '../../shared/errors.ts';
import { listJurisdictions, type JurisdictionRow } from './repository.ts';

export type Jurisdiction = JurisdictionRow;

/**
 * The municipality a request is for. `jurisdiction_id` (e.g. haarlem.nl) selects it, and may be left out
 * while the installation serves one municipality; with several it is required.
 */
export async function resolveJurisdiction(
  deps: { db: Queryable },
  jurisdictionId: string | undefined,
): Promise<Jurisdiction> {
  const all = await listJurisdictions(deps.db);
  if (jurisdictionId !== undefined) {
    const found = all.find((m) => m.jurisdictionId !== null && m.jurisdictionId === jurisdictionId);
    if (!found) throw new DomainError('not_found', `jurisdiction_id "${jurisdictionId}" was not found.`);
    return found;
  }
  if (all.length === 1) return all[0]!;
  if (all.length === 0) throw new DomainError('not_found', 'This server serves no jurisdiction yet.');
  throw new DomainError('validation', 'jurisdiction_id was not provided: this server serves several jurisdictions.', [
    {
      name: 'jurisdiction_id',
      reason: `required; one of ${all.flatMap((m) => (m.jurisdictionId ? [m.jurisdictionId] : [])).join(', ')}`,
    },
  ]);
}
