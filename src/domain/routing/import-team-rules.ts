import type { Queryable } from '../../db/db.ts';
import { insertRule, listRules } from './repository.ts';
import type { RuleInput } from './schemas.ts';

/** A rule sending categories to a team, named by the team's code. */
export interface TeamRuleInput {
  name: string;
  categoryCodes: string[];
  teamCode: string;
  reasonNl: string;
  reasonEn: string;
}

/**
 * Appends category -> team rules. Teams are looked up by code; a rule whose team is missing is skipped,
 * and a rule that already exists by name is left alone, so loading twice is harmless.
 */
export async function importTeamRules(
  deps: { db: Queryable },
  municipalityCode: string,
  rules: readonly TeamRuleInput[],
): Promise<{ created: string[]; skipped: string[] }> {
  const existing = await listRules(deps.db, municipalityCode);
  const existingNames = new Set(existing.map((rule) => rule.name));
  let position = existing.reduce((max, rule) => Math.max(max, rule.position), 0);
  const { rows: teams } = await deps.db.query<{ id: string; code: string; kind: 'team' | 'partner' }>(
    'SELECT id, code, kind FROM teams WHERE municipality_code = $1',
    [municipalityCode],
  );
  const created: string[] = [];
  const skipped: string[] = [];
  for (const seed of rules) {
    const team = teams.find((t) => t.code === seed.teamCode);
    if (existingNames.has(seed.name) || !team) {
      skipped.push(seed.name);
      continue;
    }
    position += 1;
    const rule: RuleInput = {
      name: seed.name,
      active: true,
      conditions: { categoryCodes: seed.categoryCodes },
      target: { kind: team.kind, id: team.id },
      reasonNl: seed.reasonNl,
      reasonEn: seed.reasonEn,
    };
    await insertRule(deps.db, municipalityCode, position, rule);
    created.push(seed.name);
  }
  return { created, skipped };
}
