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

  it('loads real intake and the bare insert from wrk over loopback HTTP and reports throughput, latency and their ratio', async () => {
    const count = async (table: string) =>
      (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;
    const before = await count('reports');
    const connections = 2;
    // Three seconds, not one: on a loaded machine one second could pass before the first answer came back.
    const [round, ...more] = await benchIntake(db, { rounds: 1, seconds: 3, connections, warmUpSeconds: 0 });
    assert.equal(more.length, 0);
    for (const stats of [round!.intake, round!.bareInsert]) {
      assert.ok(stats.requests > 0 && stats.rps > 0);
      assert.equal(stats.failures, 0);
      assert.ok(stats.p50 > 0 && stats.p50 <= stats.p99);
    }
    assert.equal(round!.ratio, round!.intake.rps / round!.bareInsert.rps);
    // Every answered request stored its row; wrk may stop with one request per connection unanswered.
    const created = (await count('reports')) - before;
    assert.ok(
      created >= round!.intake.requests && created <= round!.intake.requests + connections,
      `${created} reports for ${round!.intake.requests} answers`,
    );
    const bare = await count('bench_bare_inserts');
    assert.ok(
      bare >= round!.bareInsert.requests && bare <= round!.bareInsert.requests + connections,
      `${bare} rows for ${round!.bareInsert.requests} answers`,
    );
  });
});
