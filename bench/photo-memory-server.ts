/**
 * The server of the photo memory benchmark, in a process of its own so that its memory is measured alone:
 * the Haarlem demo on the server database given as argument (else an in-memory PGlite), limits raised so that one client may send a burst. Prints
 * {"port": N} once it listens.
 */
import { parseConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openPglite } from '../src/db/pglite.ts';
import { openPostgres } from '../src/db/postgres.ts';
import { seedDemo } from '../src/db/seed/demo.ts';
import { buildApp } from '../src/http/app.ts';
import { systemClock } from '../src/shared/clock.ts';

const config = parseConfig({
  ...process.env,
  LOG_LEVEL: 'silent',
  REPORT_RATE_LIMIT_PER_MINUTE: '100000',
  PHOTO_UPLOAD_RATE_LIMIT_PER_MINUTE: '100000',
  PHOTO_BYTES_PER_ADDRESS_PER_DAY: '10000000000',
  PHOTO_UPLOADS_IN_FLIGHT: '1000',
});
// On the PostgreSQL server when given one (a fresh database): PGlite's WebAssembly memory grows with every
// large row it writes and never shrinks, which would hide what the upload pipeline itself holds.
const db = process.argv[2] ? await openPostgres(process.argv[2], { max: 10 }) : await openPglite({});
await migrate(db);
await seedDemo(db, { sharedDataDir: config.SHARED_DATA_DIR, password: config.DEMO_PASSWORD });
const app = await buildApp({ db, clock: systemClock, config });
await app.listen({ host: '127.0.0.1', port: 0 });
const address = app.server.address();
process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
