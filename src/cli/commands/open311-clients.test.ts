import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { fixedClock } from '../../shared/clock.ts';
import { testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { open311ClientsCreate, open311ClientsList, open311ClientsRevoke } from './open311-clients.ts';

describe('wijkpost open311-clients', () => {
  let db: Db;
  const clock = fixedClock('2026-11-24T09:00:00+01:00');
  before(async () => {
    db = await openTestDb();
  });
  after(() => db.close());

  const run = async <A extends unknown[]>(
    command: (ctx: { db: Db; clock: typeof clock }, print: (line: string) => void, ...args: A) => Promise<void>,
    ...args: A
  ) => {
    const lines: string[] = [];
    await command({ db, clock }, (line) => lines.push(line), ...args);
    return lines;
  };
  const postWithKey = async (key: string) => {
    const app = await testApp(db);
    try {
      const response = await app.inject({
        method: 'POST',
        url: '/open311/v2/requests.json',
        payload: { api_key: key, service_code: 'hondenpoep', lat: '52.3812', long: '4.6365', description: 'Poep' },
      });
      return response.statusCode;
    } finally {
      await app.close();
    }
  };

  it('creates a client, prints its key once, stores only its hash; the key files requests until revoked', async () => {
    const created = await run(open311ClientsCreate, 'buitenbeter');
    assert.equal(created[0], 'Created Open311 client buitenbeter.');
    const key = created[1]!.match(/shown once, only its hash is stored\): (\S+)$/)![1]!;
    assert.ok(key.length >= 43, 'a 256-bit key');
    const stored = await db.query<{ key_hash: string }>(
      "SELECT key_hash FROM open311_clients WHERE name = 'buitenbeter'",
    );
    assert.match(stored.rows[0]!.key_hash, /^[0-9a-f]{64}$/);
    assert.ok(!stored.rows[0]!.key_hash.includes(key));
    assert.equal(await postWithKey(key), 201);

    const listed = (await run(open311ClientsList)).join('\n');
    assert.match(listed, /buitenbeter\s+created 2026-11-24T08:00:00.000Z\s+active/);
    assert.match(listed, /demo\s+created .*active/, 'the Haarlem demo registers its client');
    assert.doesNotMatch(listed, new RegExp(key));

    assert.match((await run(open311ClientsRevoke, 'buitenbeter'))[0]!, /Revoked Open311 client buitenbeter/);
    assert.match(
      (await run(open311ClientsList)).join('\n'),
      /buitenbeter\s+created \S+\s+revoked 2026-11-24T08:00:00.000Z/,
    );
    assert.equal(await postWithKey(key), 403);
    assert.equal(await postWithKey('wijkpost-demo-open311'), 201, 'the demo key still works');
  });

  it('refuses a taken name, a bad name and revoking an unknown client', async () => {
    await assert.rejects(run(open311ClientsCreate, 'demo'), /already an Open311 client named "demo"/);
    await assert.rejects(run(open311ClientsCreate, 'Bad Name'), /lower-case/);
    await assert.rejects(run(open311ClientsRevoke, 'nobody'), /not found/);
  });
});
