import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { fixedClock } from '../../shared/clock.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { testConfig } from '../../../test/support/app.ts';
import { jobsList, jobsRetention, jobsRun } from './jobs.ts';

describe('wijkpost jobs', () => {
  let db: Db;
  const clock = fixedClock('2026-11-24T09:00:00Z');
  const config = testConfig();
  before(async () => {
    db = await openTestDb({ empty: true });
    await db.exec(`
      INSERT INTO municipalities (code, name, slug) VALUES ('GM0392', 'Haarlem', 'haarlem');
      INSERT INTO users (municipality_code, email, name, roles) VALUES ('GM0392', 'a@haarlem.example', 'A', '{officer}');
      INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at)
        SELECT 'gone', id, 'bearer', '2026-11-20', '2026-11-21' FROM users;
      INSERT INTO sessions (token_hash, user_id, kind, created_at, expires_at)
        SELECT 'live', id, 'bearer', '2026-11-24', '2026-11-25' FROM users;`);
  });
  after(() => db.close());
  type Ctx = Parameters<typeof jobsRun>[0];
  const run = async <O>(
    command: (ctx: Ctx, print: (line: string) => void, options: O) => Promise<unknown>,
    options: O,
  ) => {
    const lines: string[] = [];
    const result = await command({ db, clock, config }, (line) => lines.push(line), options);
    return { lines, result };
  };

  it('lists every job with its interval, never run at first', async () => {
    const { lines } = await run(jobsList, undefined);
    const text = lines.join('\n');
    for (const name of ['anonymise-reporters', 'remove-photos', 'purge-sessions', 'purge-idempotency']) {
      assert.match(text, new RegExp(`^${name}\\s+every 60 min\\s+never run$`, 'm'));
    }
  });

  it('runs one job now and prints its counts, then lists that run', async () => {
    const { lines, result } = await run(jobsRun, { name: 'purge-sessions' });
    assert.equal(result, true);
    assert.match(lines[0]!, /^purge-sessions: expiredSessionsRemoved=1 revokedSessionsRemoved=0 \(\d+ ms\)$/);
    const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    assert.deepEqual(
      rows.map((r) => r.token_hash),
      ['live'],
    );
    const listed = (await run(jobsList, undefined)).lines.join('\n');
    assert.match(
      listed,
      /^purge-sessions\s+every 60 min\s+last run 2026-11-24T09:00:00.000Z: expiredSessionsRemoved=1 revokedSessionsRemoved=0$/m,
    );
    assert.match((await run(jobsRun, { name: 'purge-sessions' })).lines[0]!, /expiredSessionsRemoved=0/);
  });

  it('refuses an unknown job, naming the ones there are', async () => {
    const { lines, result } = await run(jobsRun, { name: 'purge-everything' });
    assert.equal(result, false);
    assert.match(lines[0]!, /No job "purge-everything"\. Jobs: anonymise-reporters, remove-photos, purge-sessions/);
  });

  it('shows and sets the retention periods of a municipality', async () => {
    const shown = await run(jobsRetention, {});
    assert.deepEqual(shown.lines, ['GM0392  reporter contact 365 days, photos 90 days after closure']);
    const set = await run(jobsRetention, { municipality: 'GM0392', reporterDays: '180', photoDays: '30' });
    assert.equal(set.result, true);
    assert.deepEqual(set.lines, ['GM0392  reporter contact 180 days, photos 30 days after closure']);
    const refused = await run(jobsRetention, { municipality: 'GM0392', photoDays: 'zero' });
    assert.equal(refused.result, false);
    assert.match(refused.lines[0]!, /photoDays: a whole number of days from 1 to 3650/);
    assert.equal((await run(jobsRetention, { reporterDays: '10' })).result, false, 'which municipality?');
  });
});
