import type { Command } from 'commander';
import type { Db } from '../../db/db.ts';
import { listRoleMappings, replaceRoleMappings } from '../../domain/people/index.ts';
import { DomainError } from '../../shared/errors.ts';
import { withContext } from '../context.ts';

type Ctx = { db: Db };
type Print = (line: string) => void;

export async function oidcMappingsList(ctx: Ctx, print: Print, municipalityCode: string) {
  const mappings = await listRoleMappings(ctx, municipalityCode);
  for (const mapping of mappings) print(`${mapping.claimValue}=${mapping.role}`);
  print(`${mappings.length} mapping(s) for ${municipalityCode}.`);
}

/** `claim=role` pairs; the last '=' splits, so a claim value (a group's DN, say) may itself contain '='. */
export function parseMappingPairs(pairs: readonly string[]): Array<{ claimValue: string; role: string }> {
  return pairs.map((pair) => {
    const at = pair.lastIndexOf('=');
    return at < 0 ? { claimValue: pair, role: '' } : { claimValue: pair.slice(0, at), role: pair.slice(at + 1) };
  });
}

export async function oidcMappingsSet(ctx: Ctx, print: Print, municipalityCode: string, pairs: readonly string[]) {
  const stored = await replaceRoleMappings(ctx, municipalityCode, parseMappingPairs(pairs));
  print(`Stored ${stored.length} mapping(s) for ${municipalityCode}; they count from each user's next sign-in.`);
}

function action<A extends unknown[]>(run: (ctx: Ctx, print: Print, ...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await withContext((ctx) => run(ctx, console.log, ...args));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      console.error(error.detail);
      for (const problem of error.fieldProblems) console.error(`  ${problem.name}: ${problem.reason}`);
      process.exitCode = 1;
    }
  };
}

export function registerOidcCommand(program: Command) {
  const oidc = program.command('oidc').description('single sign-on (OpenID Connect)');
  const mappings = oidc.command('mappings').description('which roles claim values give which role, per municipality');
  mappings
    .command('list <municipality>')
    .description('print the mapping of a municipality (e.g. GM0392) as claim=role lines')
    .action(action((ctx, print, municipality: string) => oidcMappingsList(ctx, print, municipality)));
  mappings
    .command('set <municipality> [pairs...]')
    .description("replace a municipality's whole mapping with claim=role pairs (none: clear it)")
    .action(
      action((ctx, print, municipality: string, pairs: string[] | undefined) =>
        oidcMappingsSet(ctx, print, municipality, pairs ?? []),
      ),
    );
}
