import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { testApp } from '../../test/support/app.ts';
import { openTestDb } from '../../test/support/db.ts';
import { buildReportsWorld, GROTE_MARKT, TEST_NOW } from '../../test/support/reports-world.ts';
import { buildApp } from '../http/app.ts';
import type { App } from '../http/deps.ts';
import { fixedClock } from '../shared/clock.ts';
import type { Db, Queryable } from './db.ts';
import { openPglite } from './pglite.ts';
import {
  announceServer,
  dumpPglite,
  RestoreRefusedError,
  restorePglite,
  serverFileFor,
  serverHolding,
  writeAtomically,
} from './pglite-backup.ts';
import { testConfig } from '../../test/support/app.ts';

const bundle = process.env.WIJKPOST_TEST_POSTGIS_BUNDLE;
const body = {
  category: 'hondenpoep',
  description: 'Elke ochtend hondenpoep voor de ingang van de kerk.',
  location: GROTE_MARKT,
  reporter: { email: 'melder@example.org', consentToShareWithPartners: false },
};

/** A checksum of the reports table (every column of every row, in id order). */
async function reportsChecksum(db: Queryable): Promise<{ n: number; md5: string }> {
  const { rows } = await db.query<{ n: string | number; md5: string }>(
    `SELECT count(*) AS n, md5(coalesce(string_agg(r::text, '|' ORDER BY r.id), '')) AS md5 FROM reports r`,
  );
  return { n: Number(rows[0]!.n), md5: rows[0]!.md5 };
}

/** PGlite even when the suite runs on a PostgreSQL server: backup and restore are PGlite's. */
async function openPgliteWithReports(): Promise<Db & { raw: import('@electric-sql/pglite').PGlite }> {
  const db = await openTestDb({ empty: true });
  if ('raw' in db) return db as Db & { raw: import('@electric-sql/pglite').PGlite };
  await db.close();
  const fresh = await openPglite({ postgisBundle: bundle });
  await fresh.exec('CREATE TABLE reports (id serial PRIMARY KEY, description text NOT NULL)');
  return fresh;
}

describe('wijkpost backup / restore (PGlite)', () => {
  let db: Db & { raw: import('@electric-sql/pglite').PGlite };
  let work: string;
  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'wijkpost-backup-'));
    db = await openPgliteWithReports();
    if (db.kind === 'pglite' && !process.env.DATABASE_URL) {
      await buildReportsWorld(db);
      const app = await testApp(db, { clock: fixedClock(TEST_NOW), env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
      for (let i = 0; i < 3; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/reports',
          payload: body,
          remoteAddress: '198.51.100.2',
        });
        assert.equal(res.statusCode, 201);
      }
      await app.close();
    } else {
      await db.exec("INSERT INTO reports (description) VALUES ('een'), ('twee'), ('drie')");
    }
  });
  after(async () => {
    await db.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('round trip: the reports survive, checksum of the table equal', async () => {
    const expected = await reportsChecksum(db);
    assert.ok(expected.n >= 3);
    const file = join(work, 'round-trip.tar.gz');
    writeAtomically(file, await dumpPglite(db.raw));
    const dataDir = join(work, 'restored');
    const result = await restorePglite(file, dataDir, { force: false, now: new Date(TEST_NOW), postgisBundle: bundle });
    assert.equal(result.reports, expected.n);
    assert.equal(result.movedAside, null);
    const restored = await openPglite({ dataDir, postgisBundle: bundle });
    try {
      assert.deepEqual(await reportsChecksum(restored), expected);
    } finally {
      await restored.close();
    }
  });

  it('a copy taken during a burst of writes holds whole reports only (each with its history row)', async () => {
    const world = !process.env.DATABASE_URL; // on a server run, the PGlite here has a bare reports table
    const app = await testApp(db, { clock: fixedClock(TEST_NOW), env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    try {
      const before = (await reportsChecksum(db)).n;
      const write = async () => {
        if (!world) return db.query("INSERT INTO reports (description) VALUES ('burst')").then(() => 201);
        const res = await app.inject({
          method: 'POST',
          url: '/api/v1/reports',
          payload: body,
          remoteAddress: '198.51.100.3',
        });
        return res.statusCode;
      };
      const burst = Array.from({ length: 12 }, write);
      const copy = dumpPglite(db.raw);
      assert.deepEqual(await Promise.all(burst), Array(12).fill(201));
      const file = join(work, 'burst.tar.gz');
      writeAtomically(file, await copy);
      const dataDir = join(work, 'burst');
      await restorePglite(file, dataDir, { force: false, now: new Date(TEST_NOW), postgisBundle: bundle });
      const restored = await openPglite({ dataDir, postgisBundle: bundle });
      try {
        const { n } = await reportsChecksum(restored);
        assert.ok(n >= before && n <= before + 12, `${n} reports`);
        const orphans = world
          ? `SELECT count(*) AS n FROM reports r WHERE NOT EXISTS (SELECT 1 FROM report_history h WHERE h.report_id = r.id)`
          : `SELECT count(*) AS n FROM reports WHERE description IS NULL`;
        const { rows } = await restored.query<{ n: string | number }>(orphans);
        assert.equal(Number(rows[0]!.n), 0);
      } finally {
        await restored.close();
      }
    } finally {
      await app.close();
    }
  });

  it('restore refuses a non-empty data directory without --force and leaves it alone', async () => {
    const file = join(work, 'refuse.tar.gz');
    writeAtomically(file, await dumpPglite(db.raw));
    const dataDir = join(work, 'occupied');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'PG_VERSION'), '18\n');
    await assert.rejects(
      restorePglite(file, dataDir, { force: false, now: new Date(TEST_NOW), postgisBundle: bundle }),
      (error: unknown) => error instanceof RestoreRefusedError && /not empty.*--force/s.test(error.message),
    );
    assert.deepEqual(readdirSync(dataDir), ['PG_VERSION']);
  });

  it('restore --force moves the old directory aside, never deletes it', async () => {
    const file = join(work, 'force.tar.gz');
    writeAtomically(file, await dumpPglite(db.raw));
    const dataDir = join(work, 'forced');
    mkdirSync(dataDir);
    writeFileSync(join(dataDir, 'old-file'), 'old');
    const result = await restorePglite(file, dataDir, { force: true, now: new Date(TEST_NOW), postgisBundle: bundle });
    assert.ok(result.movedAside);
    assert.deepEqual(readdirSync(result.movedAside), ['old-file']);
    assert.equal(result.reports, (await reportsChecksum(db)).n);
  });

  it('the serving process hands out its copy at /ops/backup with the ops token only', async () => {
    const token = 'ops-token-for-tests-0123456789abcdef';
    // The app needs the whole schema; on a PostgreSQL-server run the PGlite copied here holds a bare table only.
    const appDb = process.env.DATABASE_URL ? await openTestDb() : db;
    const app: App = await buildApp({
      db: appDb,
      clock: fixedClock(TEST_NOW),
      config: testConfig(),
      backup: { token, dump: () => dumpPglite(db.raw) },
    });
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/ops/backup' })).statusCode, 401);
      const wrong = await app.inject({ method: 'GET', url: '/ops/backup', headers: { authorization: 'Bearer nope' } });
      assert.equal(wrong.statusCode, 401);
      const res = await app.inject({
        method: 'GET',
        url: '/ops/backup',
        headers: { authorization: `Bearer ${token}` },
      });
      assert.equal(res.statusCode, 200);
      assert.equal(res.headers['content-type'], 'application/gzip');
      const file = join(work, 'served.tar.gz');
      writeAtomically(file, res.rawPayload);
      const result = await restorePglite(file, join(work, 'from-server'), {
        force: false,
        now: new Date(TEST_NOW),
        postgisBundle: bundle,
      });
      assert.equal(result.reports, (await reportsChecksum(db)).n);
    } finally {
      await app.close();
      if (appDb !== db) await appDb.close();
    }
  });

  it('/ops/backup does not exist when the process does not hold a PGlite directory', async () => {
    const app = await testApp(db);
    try {
      assert.equal((await app.inject({ method: 'GET', url: '/ops/backup' })).statusCode, 404);
    } finally {
      await app.close();
    }
  });

  it('finds the server holding a data directory by its file beside it, and forgets a gone process', () => {
    const dataDir = join(work, 'served-dir');
    mkdirSync(dataDir);
    assert.equal(serverHolding(dataDir), null);
    const withdraw = announceServer(dataDir, { pid: process.pid, url: 'http://127.0.0.1:1', token: 't' });
    assert.ok(
      !serverFileFor(dataDir).startsWith(dataDir + '/'),
      'the token never lands inside the backed-up directory',
    );
    assert.equal(serverHolding(dataDir)?.pid, process.pid);
    withdraw();
    assert.equal(serverHolding(dataDir), null);
    announceServer(dataDir, { pid: 2 ** 22 + 12345, url: 'http://127.0.0.1:1', token: 't' });
    assert.equal(serverHolding(dataDir), null);
  });
});
