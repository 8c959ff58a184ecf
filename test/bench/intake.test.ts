import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { benchIntake } from '../../bench/intake.ts';
import type { Db } from '../../src/db/db.ts';
import { seedDemo } from '../../src/db/seed/demo.ts';
import { testConfig } from '../support/app.ts';
import { openTestDb } from '../support/db.ts';

describe('intake benchmark helper', () => {
  let db: Db;
  before(async () => {
    db = await openTestDb();
    await seedDemo(db, { sharedDataDir: testConfig().SHARED_DATA_DIR, password: 'bench-test-password' });
  });
  after(async () => {
    await db.close();
  });

  it('drives real intake and the bare insert over loopback HTTP and reports throughput and latency', async () => {
    const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
    const before = await count('reports');
    const result = await benchIntake(db, { requests: 40, concurrency: 4 });
    for (const stats of [result.intake, result.bareInsert]) {
      assert.ok(stats.rps > 0);
      assert.ok(stats.p50 > 0 && stats.p50 <= stats.p99);
    }
    // 40 measured + 20 warm-up requests each, all of them 201s
    assert.equal((await count('reports')) - before, 60);
    assert.equal(await count('bench_bare_inserts'), 60);
  });
});
