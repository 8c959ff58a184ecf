import type { Command } from 'commander';
import { migrate } from '../../db/migrate.ts';
import { describeDatabase, withContext } from '../context.ts';

export function registerMigrateCommand(program: Command) {
  program
    .command('migrate')
    .description('apply pending database migrations (forward only)')
    .action(async () => {
      await withContext(async ({ db, config }) => {
        const result = await migrate(db, (name) => console.error(`applying ${name}`));
        console.log(
          `${describeDatabase(config)}: ${result.applied.length} migration(s) applied, ${result.alreadyApplied} already there.`,
        );
      });
    });
}
