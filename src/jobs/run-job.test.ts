import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/db.ts';
import { fixedClock } from '../shared/clock.ts';
import { openTestDb } from '../../test/support/db.ts';
import { latestJobRuns } from './job-runs.ts';
import type { Job } from './jobs.ts';
import { runJob } from './run-job.ts';

function recordingLogger() {
  const lines: { level: string; fields: object; message: string }[] = [];
  return {
    lines,
    info: (fields: object, message: string) => lines.push({ level: 'info', fields, message }),
    error: (fields: object, message: string) => lines.push({ level: 'error', fields, message }),
  };
}

describe('runJob', () => {
  let db: Db;
  const clock = fixedClock('2026-11-24T09:00:00Z');
  before(async () => {
    db = await openTestDb({ empty: true });
  });
  after(() => db.close());
  const deps = (logger = recordingLogger()) => ({ db, clock, idempotencyRetentionHours: 48, logger });

  it('records a run in job_runs and logs its counts', async () => {
    const logger = recordingLogger();
    const job: Job = { name: 'count', description: '', intervalMinutes: 1, run: async () => ({ removed: 3 }) };
    const outcome = await runJob(deps(logger), job);
    assert.equal(outcome.status, 'ran');
    assert.deepEqual(outcome.status === 'ran' && outcome.counts, { removed: 3 });
    const run = (await latestJobRuns(db)).get('count');
    assert.deepEqual(run && [run.startedAt.toISOString(), run.finishedAt?.toISOString(), run.counts, run.error], [
      '2026-11-24T09:00:00.000Z',
      '2026-11-24T09:00:00.000Z',
      { removed: 3 },
      null,
    ]);
    assert.deepEqual(
      logger.lines.map((l) => [l.level, l.message, (l.fields as { counts: object }).counts]),
      [['info', 'job finished', { removed: 3 }]],
    );
  });

  it('records and logs a failure by its message, without the detail that holds row values', async () => {
    const logger = recordingLogger();
    const job: Job = {
      name: 'broken',
      description: '',
      intervalMinutes: 1,
      run: async () => {
        // A unique violation: PostgreSQL puts the value in `detail`, never in the message.
        await db.query("INSERT INTO municipalities (code, name, slug) VALUES ('GM0001', 'a', 'secret-slug')");
        await db.query("INSERT INTO municipalities (code, name, slug) VALUES ('GM0001', 'a', 'secret-slug')");
        return {};
      },
    };
    const outcome = await runJob(deps(logger), job);
    assert.equal(outcome.status, 'failed');
    const run = (await latestJobRuns(db)).get('broken');
    assert.match(run?.error ?? '', /^23505: duplicate key value violates unique constraint/);
    assert.doesNotMatch(JSON.stringify([run, logger.lines]), /secret-slug/);
    assert.equal(logger.lines[0]?.level, 'error');
  });

  it('skips a job that is already running in this process', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const job: Job = {
      name: 'slow',
      description: '',
      intervalMinutes: 1,
      run: async () => {
        await gate;
        return { done: 1 };
      },
    };
    const observed: string[] = [];
    const observe = (name: string, outcome: string) => observed.push(`${name} ${outcome}`);
    const first = runJob({ ...deps(), observe }, job);
    assert.deepEqual(await runJob({ ...deps(), observe }, job), { status: 'skipped', reason: 'running elsewhere' });
    release();
    assert.equal((await first).status, 'ran');
    assert.deepEqual(observed, ['slow skipped', 'slow ok'], 'each outcome reaches the metrics');
    assert.equal((await runJob(deps(), job)).status, 'ran', 'once finished, it runs again');
  });
});
