import { Command } from 'commander';
import { ConfigError } from '../config.ts';
import { ChangedMigrationError } from '../db/migrate.ts';
import { RestoreRefusedError } from '../db/pglite-backup.ts';
import { registerAnalyseCommand } from './commands/analyse.ts';
import { registerBackupCommands } from './commands/backup.ts';
import { registerFeedbackPeriodCommand } from './commands/feedback-period.ts';
import { registerImportGeographyCommand } from './commands/import-geography.ts';
import { registerImportSignalenCommand } from './commands/import-signalen.ts';
import { registerJobsCommand } from './commands/jobs.ts';
import { registerOutboxCommand } from './commands/outbox.ts';
import { registerMigrateCommand } from './commands/migrate.ts';
import { registerOidcCommand } from './commands/oidc.ts';
import { registerOpen311ClientsCommand } from './commands/open311-clients.ts';
import { registerOpenApiCommand } from './commands/openapi.ts';
import { registerSeedCommand } from './commands/seed.ts';
import { registerServeCommands } from './commands/serve.ts';
import { registerUsersCommand } from './commands/users.ts';
import { registerAnalysisDataCommands } from './commands/analysis-data.ts';

const program = new Command('wijkpost')
  .description('Wijkpost — neighbourhood-oriented enforcement for Dutch municipalities')
  .showHelpAfterError();

registerServeCommands(program);
registerMigrateCommand(program);
registerSeedCommand(program);
registerUsersCommand(program);
registerOpen311ClientsCommand(program);
registerOidcCommand(program);
registerImportGeographyCommand(program);
registerImportSignalenCommand(program);
registerAnalyseCommand(program);
registerAnalysisDataCommands(program);
registerJobsCommand(program);
registerFeedbackPeriodCommand(program);
registerOutboxCommand(program);
registerOpenApiCommand(program);
registerBackupCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(2);
  }
  // `migrate`, `start` and `seed` refuse to run on a changed migration: the message says which file and what to do.
  if (error instanceof ChangedMigrationError || error instanceof RestoreRefusedError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
