/**
 * A burst of intakes while the PostgreSQL server restarts, twice: the app answers 503 with Retry-After while
 * the server is away (never a 500), and afterwards every acknowledged report is stored once, also after the
 * clients sent every unanswered report again with its Idempotency-Key.
 *
 * It restarts the whole server, so scripts/test.mjs runs the files in test/exclusive/ after all others, one at
 * a time. It always runs on the PostgreSQL server (DATABASE_URL, else the local one), on a database of its own.
 * It stops and starts the first cluster in /etc/postgresql with `pg_ctlcluster`, or runs the shell commands in
 * WIJKPOST_TEST_PG_STOP and WIJKPOST_TEST_PG_START where the server runs otherwise.
 */
import assert from 'node:assert/strict';
import { execSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../src/db/db.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/deps.ts';
import { systemClock } from '../../src/shared/clock.ts';
import { testConfig } from '../support/app.ts';
import { describeBurst, newBurst, runBurst, settle, verifyBurst } from '../durability/burst.ts';

const RESTARTS = 2;
const ACKS_BETWEEN_RESTARTS = 60;
const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function clusterCommand(action: 'stop' | 'start'): string {
  const override = process.env[`WIJKPOST_TEST_PG_${action.toUpperCase()}`];
  if (override) return override;
  const version = readdirSync('/etc/postgresql')[0];
  assert.ok(version, `no cluster in /etc/postgresql: set WIJKPOST_TEST_PG_${action.toUpperCase()}`);
  return `pg_ctlcluster --skip-systemctl-redirect ${version} main ${action}${action === 'stop' ? ' -m fast' : ''}`;
}

/**
 * Stops the server and starts it again after `downMs`. The first restart is quick (the adapter's own retry of
 * about 4 s bridges it), the second keeps the server down longer than that, so intake must answer 503.
 */
async function restartPostgres(downMs: number) {
  execSync(clusterCommand('stop'), { stdio: 'ignore' });
  await new Promise((resolve) => setTimeout(resolve, downMs));
  execSync(clusterCommand('start'), { stdio: 'ignore' });
}
const DOWN_MS = [0, 7_000];

async function waitFor(condition: () => boolean, what: string) {
  const deadline = Date.now() + 120_000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** When the server last started: changes with every restart. Retried: the server may still be starting. */
async function postmasterStart(db: Db): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      const { rows } = await db.query<{ at: string }>('SELECT pg_postmaster_start_time()::text AS at');
      return rows[0]!.at;
    } catch (error) {
      if (attempt >= 50) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

describe('a burst of intakes through PostgreSQL restarts', () => {
  const name = `wijkpost_restart_${process.pid}_${randomBytes(4).toString('hex')}`;
  let db: Db;
  let app: App;
  let port: number;
  before(async () => {
    const admin = await openPostgres(serverUrl, { max: 1 });
    const template = process.env.DATABASE_URL ? process.env.WIJKPOST_TEST_TEMPLATE : null;
    // On a PGlite run the template is a file, not a server database: migrate and seed a fresh one instead.
    await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
    await admin.close();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    const config = testConfig({ DATABASE_URL: url.toString(), REPORT_RATE_LIMIT_PER_MINUTE: '1000000' });
    db = await openPostgres(url.toString(), { max: 5 });
    if (!template) {
      const { migrate } = await import('../../src/db/migrate.ts');
      const { seedDemo } = await import('../../src/db/seed/demo.ts');
      await migrate(db);
      await seedDemo(db, { sharedDataDir: config.SHARED_DATA_DIR, password: config.DEMO_PASSWORD });
    }
    app = await buildApp({ db, clock: systemClock, config });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  after(async () => {
    await app?.close();
    await db?.close();
    const admin = await openPostgres(serverUrl, { max: 1 });
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.close();
  });

  it(`loses and doubles no report when PostgreSQL restarts ${RESTARTS} times mid-burst`, async (t) => {
    const burst = newBurst(`restart-${randomBytes(3).toString('hex')}`);
    const sending = runBurst(() => port, burst, 8);
    const acknowledgedBeforeRestart = new Map<string, string>();
    const startTimes = [await postmasterStart(db)];
    try {
      for (let round = 1; round <= RESTARTS; round++) {
        const target = burst.acknowledged.size + ACKS_BETWEEN_RESTARTS;
        await waitFor(() => burst.acknowledged.size >= target, `${target} acknowledged reports`);
        for (const [key, id] of burst.acknowledged) acknowledgedBeforeRestart.set(key, id);
        await restartPostgres(DOWN_MS[round - 1] ?? 0);
        startTimes.push(await postmasterStart(db));
      }
      const target = burst.acknowledged.size + ACKS_BETWEEN_RESTARTS;
      await waitFor(() => burst.acknowledged.size >= target, 'intake after the last restart');
    } finally {
      await sending.stop();
    }
    await settle(port, burst);
    t.diagnostic(describeBurst(burst));
    assert.equal(new Set(startTimes).size, RESTARTS + 1, 'PostgreSQL did restart each time');
    const answers = [...burst.statuses.keys()].filter((status) => status !== 201).sort();
    assert.ok((burst.statuses.get(503) ?? 0) > 0, 'intake answered 503 while the server was down for 7 s');
    assert.deepEqual(
      answers.filter((status) => status !== 503 && status !== 0),
      [],
      'while PostgreSQL is away intake answers 503 (or the connection waits), never a 500',
    );
    await verifyBurst(db, burst, acknowledgedBeforeRestart);
  });
});
