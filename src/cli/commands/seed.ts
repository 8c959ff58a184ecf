import type { Command } from 'commander';
import type { Config } from '../../config.ts';
import type { Db } from '../../db/db.ts';
import { migrate } from '../../db/migrate.ts';
import { DEMO_OPEN311_CLIENT, hasAnyMunicipality, seedDemo, type DemoLogin } from '../../db/seed/demo.ts';
import { seedDemoActivity } from '../../db/seed/demo-activity.ts';
import type { Clock } from '../../shared/clock.ts';
import { withContext } from '../context.ts';
import { progressBar } from '../progress.ts';

const open311Line = `Open311 demo client "${DEMO_OPEN311_CLIENT.name}", api_key ${DEMO_OPEN311_CLIENT.key} (POST /open311/v2/requests.json; demo only).`;

function printLogins(logins: DemoLogin[], password: string) {
  if (logins.length === 0) return;
  console.log(`\nDemo logins (password: ${password}):`);
  for (const login of logins)
    console.log(`  ${login.email.padEnd(40)} ${login.roles.join(', ').padEnd(24)} ${login.name}`);
  console.log(open311Line);
}

async function runSeed(db: Db, config: Config, clock: Clock) {
  const onStep = (step: string) => console.error(`seeding ${step}`);
  const summary = await seedDemo(db, { sharedDataDir: config.SHARED_DATA_DIR, password: config.DEMO_PASSWORD, onStep });
  let bar: ReturnType<typeof progressBar> | undefined;
  await seedDemoActivity(db, {
    clock,
    onStep,
    onReportProgress: (done, total) => {
      bar ??= progressBar('sample reports', total);
      bar.update(done);
    },
  });
  bar?.stop();
  return summary;
}

/** Seeds the Haarlem demo when the database holds no municipality yet; prints the demo logins. */
export async function ensureDemoData(ctx: { db: Db; config: Config; clock: Clock }): Promise<void> {
  if (await hasAnyMunicipality(ctx.db)) {
    console.log(
      `Demo logins use the password "${ctx.config.DEMO_PASSWORD}" (e.g. fatima.devries@haarlem.example, coordinator.oost@haarlem.example, kcc@haarlem.example).`,
    );
    console.log(open311Line);
    return;
  }
  console.log('Empty database: seeding the Haarlem demo.');
  const summary = await runSeed(ctx.db, ctx.config, ctx.clock);
  printLogins(summary.logins, ctx.config.DEMO_PASSWORD);
}

export function registerSeedCommand(program: Command) {
  program
    .command('seed')
    .description('load demo data')
    .requiredOption(
      '--demo',
      'the Haarlem demo: districts, categories, team, routing rules, and eight weeks of activity (field work, wijkraad meetings, sample reports)',
    )
    .action(async () => {
      await withContext(async ({ db, config, clock }) => {
        await migrate(db);
        const summary = await runSeed(db, config, clock);
        printLogins(summary.logins, config.DEMO_PASSWORD);
      });
    });
}
