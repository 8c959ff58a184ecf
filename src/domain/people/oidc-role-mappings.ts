import type { Db, Queryable } from '../../db/db.ts';
import { DomainError, type FieldProblem } from '../../shared/errors.ts';
import { mappableRoles, type MappableRole } from './oidc-roles.ts';
import { claimValuesOfOthers, listRoleMappingsOf, replaceRoleMappingsOf, type RoleMapping } from './repository-oidc.ts';
import { municipalityExists } from './repository.ts';

export async function listRoleMappings(deps: { db: Queryable }, municipalityCode: string): Promise<RoleMapping[]> {
  return listRoleMappingsOf(deps.db, municipalityCode);
}

function mappingProblems(mappings: ReadonlyArray<{ claimValue: string; role: string }>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  mappings.forEach((mapping, index) => {
    if (mapping.claimValue.trim() !== mapping.claimValue || mapping.claimValue === '') {
      problems.push({
        name: `mappings.${index}.claimValue`,
        reason: 'must be the exact, non-empty claim value',
        code: 'invalid_claim_value',
      });
    }
    if (!(mappableRoles as readonly string[]).includes(mapping.role)) {
      problems.push({
        name: `mappings.${index}.role`,
        reason: `must be one of ${mappableRoles.join(', ')}`,
        code: 'invalid_role',
      });
    }
    const key = `${mapping.claimValue}\u0000${mapping.role}`;
    if (seen.has(key)) problems.push({ name: `mappings.${index}`, reason: 'listed twice', code: 'duplicate' });
    seen.add(key);
  });
  return problems;
}

/**
 * Replaces a municipality's whole mapping (what an administrator's screen shows is what is stored). A claim value
 * another municipality maps is refused: a sign-in's hits must name one municipality.
 */
export async function replaceRoleMappings(
  deps: { db: Db },
  municipalityCode: string,
  mappings: ReadonlyArray<{ claimValue: string; role: string }>,
): Promise<RoleMapping[]> {
  const problems = mappingProblems(mappings);
  if (problems.length > 0) throw new DomainError('validation', 'The role mapping has problems.', problems);
  return deps.db.transaction(async (tx) => {
    if (!(await municipalityExists(tx, municipalityCode))) {
      throw new DomainError('not_found', `Municipality ${municipalityCode} not found`);
    }
    // One writer at a time, so two municipalities cannot both take the same claim value.
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('wijkpost oidc_role_mappings', 0))");
    const values = [...new Set(mappings.map((m) => m.claimValue))];
    const taken = await claimValuesOfOthers(tx, municipalityCode, values);
    if (taken.length > 0) {
      const conflicts = taken.map((t) => ({
        name: `mappings.${mappings.findIndex((m) => m.claimValue === t.claimValue)}.claimValue`,
        reason: `municipality ${t.municipalityCode} maps this claim value already`,
        code: 'claim_value_taken',
      }));
      throw new DomainError('validation', 'A claim value belongs to one municipality.', conflicts);
    }
    const typed = mappings.map((m) => ({ claimValue: m.claimValue, role: m.role as MappableRole }));
    await replaceRoleMappingsOf(tx, municipalityCode, typed);
    return listRoleMappingsOf(tx, municipalityCode);
  });
}
