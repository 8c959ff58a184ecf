import type { Queryable } from '../../db/db.ts';
import { insertRule, listRules } from './repository.ts';
import type { RuleInput } from './schemas.ts';

const haarlemRules: { name: string; categoryCodes: string[]; teamCode: string; reasonNl: string; reasonEn: string }[] =
  [
    {
      name: 'parkeeroverlast naar Team Parkeren',
      categoryCodes: ['parkeeroverlast', 'fout-geparkeerd'],
      teamCode: 'parkeren',
      reasonNl: 'Parkeermeldingen gaan naar Team Parkeren, dat de hele stad rijdt.',
      reasonEn: 'Parking reports go to Team Parkeren, which covers the whole city.',
    },
    {
      name: 'huisafval naast container naar Spaarnelanden',
      categoryCodes: ['huisafval-naast-container'],
      teamCode: 'spaarnelanden',
      reasonNl: 'Huisafval naast een container ruimt Spaarnelanden op.',
      reasonEn: 'Household waste next to a container is cleared by Spaarnelanden.',
    },
  ];

/**
 * Appends the Haarlem default rules. Teams are looked up by code (the people area seeds them); a rule
 * whose team is missing is skipped, and a rule that already exists by name is left alone.
 */
export async function seedHaarlemRoutingRules(
  deps: { db: Queryable },
  municipalityCode = 'GM0392',
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
  for (const seed of haarlemRules) {
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
