import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/db.ts';
import { migrate } from '../../db/migrate.ts';
import { hasAnyMunicipality, seedDemo, type DemoLogin } from '../../db/seed/demo.ts';
import type { Clock } from '../../shared/clock.ts';
import { withContext } from '../context.ts';

function printLogins(logins: DemoLogin[], password: string) {
  if (logins.length === 0) return;
  console.log(`\nDemo logins (password: ${password}):`);
  for (const login of logins) console.log(`  ${login.email.padEnd(40)} ${login.roles.join(', ').padEnd(24)} ${login.name}`);
}

async function runSeed(db: Db, config: Config) {
  const summary = await seedDemo(db, {
    sharedDataDir: config.SHARED_DATA_DIR,
    password: config.DEMO_PASSWORD,
    onStep: (step) => console.error(`seeding ${step}`),
  });
  return summary;
}

/** Seeds the Haarlem demo when the database holds no municipality yet; prints the demo logins. */
export async function ensureDemoData(ctx: { db: Db; config: Config; clock: Clock }): Promise<void> {
  if (await hasAnyMunicipality(ctx.db)) {
    console.log(`Demo logins use the password "${ctx.config.DEMO_PASSWORD}" (e.g. fatima.devries@haarlem.example, coordinator.oost@haarlem.example, kcc@haarlem.example).`);
    return;
  }
  console.log('Empty database: seeding the Haarlem demo.');
  const summary = await runSeed(ctx.db, ctx.config);
  printLogins(summary.logins, ctx.config.DEMO_PASSWORD);
}

export function registerSeedCommand(program: Command) {
  program
    .command('seed')
    .description('load demo data')
    .requiredOption('--demo', 'the Haarlem demo: districts, categories, team, routing rules')
    .action(async () => {
      await withContext(async ({ db, config }) => {
        await migrate(db);
        const summary = await runSeed(db, config);
        printLogins(summary.logins, config.DEMO_PASSWORD);
      });
    });
}
