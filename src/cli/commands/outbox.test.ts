import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { fixedClock } from '../../shared/clock.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { testConfig } from '../../../test/support/app.ts';
import { jobsRun } from './jobs.ts';
import { outboxStatus } from './outbox.ts';

describe('wijkpost outbox status and jobs run outbox', () => {
  let db: Db;
  const clock = fixedClock('2026-11-24T09:00:00Z');
  before(async () => {
    db = await openTestDb({ empty: true });
    await db.query("INSERT INTO municipalities (code, name, slug) VALUES ('GM0392', 'Haarlem', 'haarlem')");
    await db.query(
      `INSERT INTO outbox_messages (municipality_code, event_key, channel, recipient, template, payload, next_attempt_at, created_at)
       VALUES ('GM0392', 'cli:1', 'email', 'melder@example.org', 'confirmation', '{}', $1, $1::timestamptz - interval '90 minutes')`,
      [clock.now()],
    );
  });
  after(() => db.close());

  it('says mail is off and counts what waits, without addresses', async () => {
    const lines: string[] = [];
    await outboxStatus({ db, clock, config: testConfig() }, (line) => lines.push(line));
    assert.match(lines[0]!, /^mail: OFF/);
    assert.match(lines.join('\n'), /email\s+pending\s+1\s+oldest 90 min/);
    assert.doesNotMatch(lines.join('\n'), /melder@example\.org/);
  });

  it('runs the outbox job, which leaves e-mails waiting while mail is off', async () => {
    const lines: string[] = [];
    assert.equal(
      await jobsRun({ db, clock, config: testConfig() }, (line) => lines.push(line), { name: 'outbox' }),
      true,
    );
    assert.match(lines[0]!, /^outbox: sent=0 retried=0 failed=0/);
    const { rows } = await db.query<{ attempts: number }>('SELECT attempts FROM outbox_messages');
    assert.equal(rows[0]?.attempts, 0);
  });
});
