/**
 * A Wijkpost server in its own process, for the crash tests: on a file-backed PGlite (a data directory) or on
 * a PostgreSQL server database (a postgres:// URL). Prints {"port": N} once it listens; the tests kill it with
 * SIGKILL. Pass `--seeded` when the store already holds the demo (a restart after a crash).
 */
import { openDatabase } from '../../src/db/open.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/db/seed/demo.ts';
import { buildApp } from '../../src/http/app.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { testConfig } from '../support/app.ts';

const store = process.argv[2];
if (!store) throw new Error('usage: serve-child.ts DATA_DIR|DATABASE_URL [--seeded]');
const seeded = process.argv.includes('--seeded');
const onServer = store.startsWith('postgres://');
const config = testConfig({
  ...(onServer ? { DATABASE_URL: store } : { DATA_DIR: store }),
  // A burst comes from one address: the public intake limit is not what these tests are about.
  REPORT_RATE_LIMIT_PER_MINUTE: '1000000',
});
const db = await openDatabase(config);
await migrate(db);
if (!seeded) await seedDemo(db, { sharedDataDir: config.SHARED_DATA_DIR, password: config.DEMO_PASSWORD });
const app = await buildApp({ db, clock: systemClock, config });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
