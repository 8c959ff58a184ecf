/**
 * A burst of intakes while the server process is killed with SIGKILL, three times over: afterwards every report
 * the server acknowledged is stored with the id it was acknowledged with, and no report is stored twice, also
 * after the clients sent every unanswered report again with its Idempotency-Key. On the embedded database the
 * server owns the data directory; on the PostgreSQL server (DATABASE_URL) it runs on a database of its own.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Db } from '../../src/db/db.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { describeBurst, newBurst, runBurst, settle, verifyBurst } from './burst.ts';

const KILLS = 3;
const ACKS_BETWEEN_KILLS = 40;

async function startServer(store: string, seeded: boolean) {
  const args = ['--import', 'tsx', join(import.meta.dirname, 'serve-child.ts'), store];
  if (seeded) args.push('--seeded');
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, LOG_LEVEL: 'silent' },
  });
  const lines = createInterface({ input: child.stdout });
  const port = await new Promise<number>((resolve, reject) => {
    lines.once('line', (line) => resolve((JSON.parse(line) as { port: number }).port));
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening`)));
  });
  return { child, port };
}

async function kill(child: ChildProcess) {
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

async function waitFor(condition: () => boolean, what: string) {
  const deadline = Date.now() + 120_000;
  while (!condition()) {
    assert.ok(Date.now() < deadline, `timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Where the child server keeps its data, and how the test reads it afterwards. */
async function makeStore(): Promise<{
  location: string;
  seeded: boolean;
  open: () => Promise<Db>;
  drop: () => Promise<void>;
}> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = mkdtempSync(join(tmpdir(), 'wijkpost-burst-'));
    return {
      location: dataDir,
      seeded: false,
      open: () => openPglite({ dataDir }),
      drop: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `wijkpost_burst_${process.pid}_${randomBytes(4).toString('hex')}`;
  const admin = await openPostgres(serverUrl, { max: 1 });
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${process.env.WIJKPOST_TEST_TEMPLATE}`);
  await admin.close();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    location: url.toString(),
    seeded: true,
    open: () => openPostgres(url.toString(), { max: 1 }),
    drop: async () => {
      const again = await openPostgres(serverUrl, { max: 1 });
      await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await again.close();
    },
  };
}

describe('a burst of intakes through SIGKILLs', () => {
  let store: Awaited<ReturnType<typeof makeStore>>;
  before(async () => {
    store = await makeStore();
  });
  after(async () => {
    await store.drop();
  });

  it(`loses and doubles no report when the server is killed ${KILLS} times mid-burst`, async (t) => {
    let server = await startServer(store.location, store.seeded);
    let port = server.port;
    const burst = newBurst(`kill-${randomBytes(3).toString('hex')}`);
    const sending = runBurst(() => port, burst, 8);
    const acknowledgedBeforeCrash = new Map<string, string>();
    try {
      for (let round = 1; round <= KILLS; round++) {
        const target = burst.acknowledged.size + ACKS_BETWEEN_KILLS;
        await waitFor(() => burst.acknowledged.size >= target, `${target} acknowledged reports`);
        await kill(server.child);
        for (const [key, id] of burst.acknowledged) acknowledgedBeforeCrash.set(key, id);
        server = await startServer(store.location, true);
        port = server.port;
      }
      await waitFor(() => burst.acknowledged.size >= acknowledgedBeforeCrash.size + 10, 'intake after the restart');
      await sending.stop();
      assert.ok(burst.sent.size > burst.acknowledged.size, 'some reports were in flight when the server died');
      await settle(port, burst);
    } finally {
      await sending.stop();
      await kill(server.child);
    }
    t.diagnostic(describeBurst(burst));
    const db = await store.open();
    try {
      await verifyBurst(db, burst, acknowledgedBeforeCrash);
    } finally {
      await db.close();
    }
  });
});
