import { randomBytes } from 'node:crypto';
import type { Command } from 'commander';
import type { PGlite } from '@electric-sql/pglite';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/open.ts';
import { migrate } from '../../db/migrate.ts';
import { announceServer, dumpPglite } from '../../db/pglite-backup.ts';
import { buildApp } from '../../http/app.ts';
import { registerWebUi } from '../../http/web.ts';
import { ensureWebBuild } from '../../http/web-build.ts';
import { recordJobRun } from '../../http/metrics.ts';
import { startScheduler } from '../../jobs/scheduler.ts';
import { outboxDeliveryDeps, startOutboxWorker } from '../../jobs/outbox-worker.ts';
import { systemClock } from '../../shared/clock.ts';
import { describeDatabase } from '../context.ts';
import { ensureDemoData } from './seed.ts';

async function serve(options: { prepare: boolean }) {
  const config = loadConfig();
  const db = await openDatabase(config);
  if (options.prepare) {
    const result = await migrate(db);
    if (result.applied.length) console.log(`Applied ${result.applied.length} migration(s).`);
    await ensureDemoData({ db, config, clock: systemClock });
  }
  await ensureWebBuild();
  // On PGlite this process alone may read the data directory: `wijkpost backup` asks it (GET /ops/backup).
  const raw = 'raw' in db ? (db.raw as PGlite) : null;
  const backup = raw ? { token: randomBytes(32).toString('base64url'), dump: () => dumpPglite(raw) } : undefined;
  const deps = { db, clock: systemClock, config, ...(backup ? { backup } : {}) };
  const app = await buildApp(deps, { logger: true, extend: (app) => registerWebUi(app, deps) });
  // The retention jobs run in this process (one runner across processes, see src/jobs/run-job.ts).
  const scheduler = config.JOBS_ENABLED
    ? startScheduler(
        {
          db,
          clock: systemClock,
          idempotencyRetentionHours: config.IDEMPOTENCY_RETENTION_HOURS,
          logger: app.log,
          observe: recordJobRun,
        },
        { intervalMinutes: config.JOBS_INTERVAL_MINUTES },
      )
    : undefined;
  // The outbox runs beside them, every few seconds; other processes may run it at once (SKIP LOCKED).
  const delivery = outboxDeliveryDeps({ db, clock: systemClock }, config);
  const outbox = config.JOBS_ENABLED
    ? startOutboxWorker(delivery, { everyMs: config.OUTBOX_POLL_SECONDS * 1000, logger: app.log })
    : undefined;
  if (!config.SMTP_URL) app.log.warn('SMTP_URL is not set: e-mails wait in the outbox until it is');
  let withdraw = () => {};
  const shutdown = async () => {
    withdraw();
    await scheduler?.stop();
    await outbox?.stop();
    delivery.close();
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  const address = await app.listen({ port: config.PORT, host: config.HOST });
  if (backup) withdraw = announceServer(config.DATA_DIR, { pid: process.pid, url: address, token: backup.token });
  console.log(`\nWijkpost is running at ${address.replace('127.0.0.1', 'localhost')}  (${describeDatabase(config)})`);
  console.log(`  API: ${address}/api/v1/openapi.json`);
}

export function registerServeCommands(program: Command) {
  program
    .command('serve')
    .description('serve the API and web UI')
    .action(() => serve({ prepare: false }));
  program
    .command('start')
    .description('migrate, seed the Haarlem demo when the database is empty, and serve')
    .action(() => serve({ prepare: true }));
}
