import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { login } from '../../domain/people/index.ts';
import { fixedClock } from '../../shared/clock.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { usersCreate, usersDeactivate, usersList, usersSetPassword } from './users.ts';

describe('wijkpost users', () => {
  let db: Db;
  const clock = fixedClock('2026-11-24T09:00:00+01:00');
  before(async () => {
    db = await openTestDb({ empty: true });
    await db.exec("INSERT INTO municipalities (code, name, slug) VALUES ('GM0392', 'Haarlem', 'haarlem')");
  });
  after(() => db.close());

  const run = async <O>(
    command: (ctx: { db: Db; clock: typeof clock }, print: (line: string) => void, options: O) => Promise<void>,
    options: O,
  ) => {
    const lines: string[] = [];
    await command({ db, clock }, (line) => lines.push(line), options);
    return lines;
  };

  it('creates a user, prints a generated password once, lists, resets and deactivates', async () => {
    const created = await run(usersCreate, {
      municipality: 'GM0392',
      email: 'noor@haarlem.example',
      name: 'Noor Hamdi',
      roles: 'officer, coordinator',
    });
    assert.match(created[0]!, /Created Noor Hamdi <noor@haarlem.example> \(officer, coordinator\)/);
    const password = created[1]!.match(/shown once, store it safely\): (\S+)$/)![1]!;
    const deps = { db, clock, sessionTtlHours: 1 };
    await login(deps, { email: 'noor@haarlem.example', password, tokenType: 'bearer' });

    const listed = await run(usersList, { municipality: 'GM0392' });
    assert.match(listed[0]!, /noor@haarlem.example\s+officer,coordinator\s+active\s+Noor Hamdi/);
    assert.doesNotMatch(listed.join('\n'), new RegExp(password));

    const reset = await run(usersSetPassword, { email: 'noor@haarlem.example', password: 'a brand new passphrase' });
    assert.match(reset[0]!, /1 session\(s\) ended/);
    assert.equal(reset.length, 1, 'a given password is never echoed');
    await login(deps, { email: 'noor@haarlem.example', password: 'a brand new passphrase', tokenType: 'bearer' });

    const deactivated = await run(usersDeactivate, { email: 'noor@haarlem.example' });
    assert.match(deactivated[0]!, /Deactivated noor@haarlem.example; 1 session\(s\) ended/);
    assert.match((await run(usersList, { municipality: 'GM0392' }))[0]!, /inactive/);

    const { rows } = await db.query<{ actor_name: string; action: string; record_kind: string; record_id: string }>(
      'SELECT actor_name, action, record_kind, record_id FROM audit_log ORDER BY action',
    );
    const id = (await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'noor@haarlem.example'`)).rows[0]!
      .id;
    assert.deepEqual(
      rows,
      ['create', 'deactivate', 'set-password'].map((command) => ({
        actor_name: 'command line',
        action: `wijkpost users ${command}`,
        record_kind: 'users',
        record_id: id,
      })),
      'every change from the command line is in the audit log; listing is not',
    );
  });
});
