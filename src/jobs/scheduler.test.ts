import assert from 'node:assert/strict';
import { after, before, describe, it, mock } from 'node:test';
import type { Db } from '../db/db.ts';
import { fixedClock } from '../shared/clock.ts';
import { openTestDb } from '../../test/support/db.ts';
import type { Job } from './jobs.ts';
import { startScheduler } from './scheduler.ts';

describe('the job scheduler', () => {
  let db: Db;
  before(async () => {
    db = await openTestDb({ empty: true });
  });
  after(() => db.close());

  it('runs each job after the first delay, then on its interval, and no more after stop()', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    try {
      const ran: string[] = [];
      const job = (name: string, intervalMinutes: number): Job => ({
        name,
        description: '',
        intervalMinutes,
        run: async () => {
          ran.push(name);
          return { n: 1 };
        },
      });
      const logged: string[] = [];
      const logger = { info: (f: object) => logged.push(JSON.stringify(f)), error: () => undefined };
      const scheduler = startScheduler(
        { db, clock: fixedClock('2026-11-24T09:00:00Z'), idempotencyRetentionHours: 48, logger },
        {
          // The outbox runs in its own faster loop: a manual-only job is left to `jobs run`.
          jobs: [job('hourly', 60), job('daily', 1440), { ...job('manual', 60), manualOnly: true }],
          firstRunDelayMs: 1000,
        },
      );
      mock.timers.tick(999);
      await scheduler.idle();
      assert.deepEqual(ran, []);
      mock.timers.tick(1);
      await scheduler.idle();
      assert.deepEqual(ran.sort(), ['daily', 'hourly']);
      mock.timers.tick(60 * 60_000);
      await scheduler.idle();
      assert.deepEqual(ran.sort(), ['daily', 'hourly', 'hourly']);
      await scheduler.stop();
      mock.timers.tick(24 * 60 * 60_000);
      assert.equal(ran.length, 3, 'stopped: nothing runs');
      assert.equal(logged.length, 3);
      assert.match(logged[0]!, /"counts":\{"n":1\}/);
    } finally {
      mock.timers.reset();
    }
  });

  it('one interval for all jobs when JOBS_INTERVAL_MINUTES is set', async () => {
    mock.timers.enable({ apis: ['setTimeout', 'setInterval'] });
    try {
      let runs = 0;
      const job: Job = {
        name: 'daily',
        description: '',
        intervalMinutes: 1440,
        run: async () => ({ n: ++runs }),
      };
      const silent = { info: () => undefined, error: () => undefined };
      const scheduler = startScheduler(
        { db, clock: fixedClock('2026-11-24T09:00:00Z'), idempotencyRetentionHours: 48, logger: silent },
        { jobs: [job], firstRunDelayMs: 0, intervalMinutes: 5 },
      );
      mock.timers.tick(0);
      await scheduler.idle();
      mock.timers.tick(5 * 60_000);
      await scheduler.idle();
      assert.equal(runs, 2);
      await scheduler.stop();
    } finally {
      mock.timers.reset();
    }
  });
});
