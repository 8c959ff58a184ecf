/**
 * Whatever Wijkpost acknowledged is never lost: a 201 means the report is committed, also when the
 * process dies right after answering or the database connection goes away.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { describe, it } from 'node:test';
import type { Db } from '../../src/db/db.ts';
import { openPglite } from '../../src/db/pglite.ts';
import { openPostgres } from '../../src/db/postgres.ts';
import { seedDemo } from '../../src/db/seed/demo.ts';
import { openTestDb } from '../support/db.ts';
import { testApp, testConfig } from '../support/app.ts';

const parkwijkReport = {
  category: 'hondenpoep',
  description: 'Hondenpoep bij de speeltuin',
  location: { type: 'Point', coordinates: [4.6681, 52.3768] },
};

async function startChild(dataDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'serve-child.ts'), dataDir], {
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

async function countReports(db: Db, id: string) {
  const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reports WHERE id = $1', [id]);
  const history = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM report_history WHERE report_id = $1 AND action = 'created'`,
    [id],
  );
  return { reports: rows[0]?.n ?? 0, history: history.rows[0]?.n ?? 0 };
}

describe('acknowledged reports are never lost', () => {
  it('survive the process being killed right after the 201 (embedded database)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'wijkpost-crash-'));
    try {
      const { child, port } = await startChild(dataDir);
      const exited = new Promise((resolve) => child.once('exit', resolve));
      const response = await fetch(`http://127.0.0.1:${port}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'crash-test-1' },
        body: JSON.stringify(parkwijkReport),
      });
      assert.equal(response.status, 201);
      child.kill('SIGKILL');
      await exited;
      const { id } = (await response.json()) as { id: string };
      const reopened = await openPglite({ dataDir });
      try {
        assert.deepEqual(await countReports(reopened, id), { reports: 1, history: 1 });
        const key = await reopened.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'crash-test-1'`,
        );
        assert.equal(
          key.rows[0]?.n,
          1,
          'the idempotency key survives with the report, so a retry gets the same answer',
        );
      } finally {
        await reopened.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('survive the database connection going away between requests', async () => {
    const db = await openTestDb();
    const config = testConfig();
    await seedDemo(db, { sharedDataDir: config.SHARED_DATA_DIR, password: config.DEMO_PASSWORD });
    const app = await testApp(db);
    try {
      const first = await app.inject({ method: 'POST', url: '/api/v1/reports', payload: parkwijkReport });
      assert.equal(first.statusCode, 201);
      await dropConnections(db);
      const second = await app.inject({ method: 'POST', url: '/api/v1/reports', payload: parkwijkReport });
      assert.equal(second.statusCode, 201, second.body);
      assert.deepEqual(await countReports(db, first.json().id), { reports: 1, history: 1 });
      assert.deepEqual(await countReports(db, second.json().id), { reports: 1, history: 1 });
    } finally {
      await app.close();
      await db.close();
    }
  });
});

/**
 * On the PostgreSQL server: terminate every connection of the pool, as a server restart does.
 * Embedded PGlite has no connections to lose; there the nearest thing is the crash test above.
 */
async function dropConnections(db: Db) {
  if (db.kind !== 'postgres') {
    const { rows } = await db.query<{ ok: number }>('SELECT 1 AS ok');
    assert.equal(rows[0]?.ok, 1);
    return;
  }
  const admin = await openPostgres(process.env.DATABASE_URL!, { max: 1 });
  try {
    const { rows } = await db.query<{ name: string }>('SELECT current_database() AS name');
    const killed = await admin.query<{ terminated: boolean }>(
      'SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity WHERE datname = $1',
      [rows[0]!.name],
    );
    assert.ok(killed.rows.length > 0, 'the pool had connections to lose');
  } finally {
    await admin.close();
  }
}
