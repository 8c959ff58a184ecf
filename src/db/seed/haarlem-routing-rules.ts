import type { Queryable } from '../db.ts';
import { importTeamRules, type TeamRuleInput } from '../../domain/routing/index.ts';

const haarlemRules: TeamRuleInput[] = [
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

/** Appends the Haarlem default rules (teams come from the demo team seed); safe to run again. */
export function seedHaarlemRoutingRules(
  deps: { db: Queryable },
  municipalityCode = 'GM0392',
): Promise<{ created: string[]; skipped: string[] }> {
  return importTeamRules(deps, municipalityCode, haarlemRules);
}
