/**
 * Two processes sharing one PostgreSQL database run a job once at a time, through the job's advisory lock. Two
 * pools stand in for two processes (each has its own connections). Like src/db/migrate-lock.test.ts this file
 * always runs on the server: DATABASE_URL when set, else the local server; it creates and drops its own database.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { scratchServerDatabase } from '../../test/support/db.ts';
import { fixedClock } from '../shared/clock.ts';
import type { Job } from './jobs.ts';
import { runJob } from './run-job.ts';

const silent = { info: () => undefined, error: () => undefined };
const deps = (db: Db) => ({
  db,
  clock: fixedClock('2026-11-24T09:00:00Z'),
  idempotencyRetentionHours: 48,
  logger: silent,
});

describe('jobs on the PostgreSQL server: one runner across processes', () => {
  let scratch: Awaited<ReturnType<typeof scratchServerDatabase>>;
  let processes: Db[];
  before(async () => {
    scratch = await scratchServerDatabase('wijkpost_jobs_lock', { pools: 2, max: 3 });
    processes = scratch.pools;
    await migrate(processes[0]!);
  });
  after(() => scratch.drop());

  it('runs a job in one process while the other skips it, and in either once it is free', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const running = new Promise<void>((resolve) => (entered = resolve));
    let runs = 0;
    const job: Job = {
      name: 'exclusive',
      description: '',
      intervalMinutes: 1,
      run: async () => {
        runs++;
        entered();
        await gate;
        return { runs };
      },
    };
    const first = runJob(deps(processes[0]!), job);
    await running;
    assert.deepEqual(await runJob(deps(processes[1]!), job), { status: 'skipped', reason: 'running elsewhere' });
    release();
    assert.equal((await first).status, 'ran');
    assert.equal((await runJob(deps(processes[1]!), job)).status, 'ran', 'the lock is released after the run');
    assert.equal(runs, 2);
    const { rows } = await processes[0]!.query<{ n: number }>(
      "SELECT count(*)::int AS n FROM job_runs WHERE name = 'exclusive' AND finished_at IS NOT NULL",
    );
    assert.equal(rows[0]!.n, 2, 'a skipped run leaves no row');
  });

  it('two processes starting the same job at the same moment: exactly one runs it', async () => {
    // The runner holds the job until the other process has answered; if both got in, the second entry opens it.
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    let runs = 0;
    const job: Job = {
      name: 'race',
      description: '',
      intervalMinutes: 1,
      run: async () => {
        runs++;
        if (runs === 2) open();
        await gate;
        return {};
      },
    };
    const outcomes = processes.map((db) => runJob(deps(db), job));
    void Promise.race(outcomes).then(open, open);
    const settled = await Promise.all(outcomes);
    assert.deepEqual(settled.map((o) => o.status).sort(), ['ran', 'skipped']);
    assert.equal(runs, 1);
  });
});
