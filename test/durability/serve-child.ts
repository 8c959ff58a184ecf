/**
 * A Wijkpost server in its own process on a file-backed PGlite, for the crash test:
 * prints {"port": N} once it listens; the test kills it with SIGKILL.
 */
import { openPglite } from '../../src/db/pglite.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedDemo } from '../../src/db/seed/demo.ts';
import { buildApp } from '../../src/http/app.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { testConfig } from '../support/app.ts';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: serve-child.ts DATA_DIR');
const config = testConfig({ DATA_DIR: dataDir });
const db = await openPglite({ dataDir });
await migrate(db);
await seedDemo(db, { sharedDataDir: config.SHARED_DATA_DIR, password: config.DEMO_PASSWORD });
const app = await buildApp({ db, clock: systemClock, config });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
