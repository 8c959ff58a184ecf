import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { Db, QueryOptions } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import type { IntakeWrite } from './intake-store.ts';
import { IntakeWriter } from './intake-writer.ts';
import { newTrackingCode } from './tracking-code.ts';
import {
  buildReportsWorld,
  emails,
  GROTE_MARKT,
  HAARLEM,
  TEST_NOW,
  type ReportsWorld,
} from '../../../test/support/reports-world.ts';

/** The same database, counting the intake statements that reach it. */
function countingIntakeStatements(db: Db): { db: Db; statements: () => number } {
  let statements = 0;
  const counting: Db = {
    ...db,
    kind: db.kind,
    query: (sql, params, options?: QueryOptions) => {
      if (options?.name === 'store-intakes') statements += 1;
      return db.query(sql, params, options);
    },
    transaction: (fn) => db.transaction(fn),
    exec: (sql) => db.exec(sql),
    close: () => db.close(),
  };
  return { db: counting, statements: () => statements };
}

describe('intake group commit', () => {
  let db: Db;
  let world: ReportsWorld;
  let categoryId: string;
  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    categoryId = (
      await db.query<{ id: string }>(`SELECT id FROM categories WHERE municipality_code = $1 AND code = 'hondenpoep'`, [
        HAARLEM,
      ])
    ).rows[0]!.id;
  });
  after(async () => {
    await db.close();
  });

  const write = (overrides: { categoryId?: string; municipalityCode?: string } = {}): IntakeWrite => {
    const id = randomUUID();
    const now = new Date(TEST_NOW);
    return {
      row: {
        id,
        municipalityCode: overrides.municipalityCode ?? HAARLEM,
        trackingCode: newTrackingCode(),
        categoryId: overrides.categoryId ?? categoryId,
        description: 'Hondenpoep bij de kerk',
        occurredAt: null,
        source: 'web',
        rd: { x: 103_900, y: 488_500 },
        addressText: null,
        districtCode: 'WK039201',
        neighbourhoodCode: null,
        urgent: false,
        deadline: new Date('2026-12-15T22:59:59.999Z'),
        assignee: { kind: 'officer', id: world.userId(emails.centrumOfficer) },
        routing: { rule: 'district-owner', reasonNl: 'wijkhandhaver', reasonEn: 'district officer' },
        reporter: { email: null, phone: null, name: null, consentToShare: false, language: 'nl' },
        mediaUrl: null,
        answers: null,
        createdBy: null,
        createdAt: now,
      },
      created: { actor: { id: null, label: 'public' }, assigneeName: 'Sanne Bakker' },
      claim: null,
      routingDataVersion: null,
    };
  };
  const stored = async (id: string) =>
    (await db.query('SELECT 1 FROM reports r JOIN report_history h ON h.report_id = r.id WHERE r.id = $1', [id]))
      .rowCount === 1;

  it('lets concurrent intakes share statements, and acknowledges each only once it is stored', async () => {
    const { db: counting, statements } = countingIntakeStatements(db);
    const app: App = await testApp(counting, {
      clock: fixedClock(TEST_NOW),
      env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' },
    });
    try {
      const body = { category: 'hondenpoep', description: 'Hondenpoep voor de ingang', location: GROTE_MARKT };
      // Once routing's data is cached, an intake reaches its write without waiting on the database.
      assert.equal((await app.inject({ method: 'POST', url: '/api/v1/reports', payload: body })).statusCode, 201);
      const before = statements();
      const responses = await Promise.all(
        Array.from({ length: 24 }, () => app.inject({ method: 'POST', url: '/api/v1/reports', payload: body })),
      );
      assert.deepEqual(new Set(responses.map((r) => r.statusCode)), new Set([201]));
      for (const response of responses)
        assert.ok(await stored(response.json().id), 'every 201 has its report and history row');
      // PGlite runs a statement without leaving the event loop, so there each intake is done before the
      // next one reaches the writer; a server round trip leaves time for the others to queue.
      if (db.kind === 'postgres')
        assert.ok(statements() - before < 24, `24 intakes in ${statements() - before} statements`);
    } finally {
      await app.close();
    }
  });

  it('writes the intakes that queued while a statement ran in one next statement', async () => {
    const { db: counting, statements } = countingIntakeStatements(db);
    const writer = new IntakeWriter(counting, { batchesInFlight: 1, queuedForAnotherBatch: 1, maxBatchSize: 64 });
    const writes = Array.from({ length: 5 }, () => write());
    assert.deepEqual(await Promise.all(writes.map((w) => writer.write(w))), [
      'stored',
      'stored',
      'stored',
      'stored',
      'stored',
    ]);
    assert.equal(statements(), 2, 'the first alone, the four that queued behind it together');
    for (const w of writes) assert.ok(await stored(w.row.id));
  });

  it('starts a second statement beside the first only once enough intakes wait', async () => {
    const { db: counting, statements } = countingIntakeStatements(db);
    const writer = new IntakeWriter(counting, { batchesInFlight: 2, queuedForAnotherBatch: 3, maxBatchSize: 64 });
    const writes = Array.from({ length: 4 }, () => write());
    // The first starts alone; the second and third wait; the fourth makes three waiting, and they go together.
    assert.deepEqual(await Promise.all(writes.map((w) => writer.write(w))), ['stored', 'stored', 'stored', 'stored']);
    assert.equal(statements(), 2);
    for (const w of writes) assert.ok(await stored(w.row.id));
  });

  it('does not let one failing intake fail the others in its statement', async () => {
    const { db: counting, statements } = countingIntakeStatements(db);
    const writer = new IntakeWriter(counting, { batchesInFlight: 1, queuedForAnotherBatch: 1, maxBatchSize: 64 });
    const first = write();
    const bad = write({ categoryId: randomUUID() }); // no such category: the reference refuses it
    const good = write();
    // The first goes alone at once; the other two queue behind it and share the next statement.
    const outcomes = await Promise.allSettled([writer.write(first), writer.write(bad), writer.write(good)]);
    assert.deepEqual(
      outcomes.map((o) => o.status),
      ['fulfilled', 'rejected', 'fulfilled'],
    );
    assert.equal((outcomes[0] as PromiseFulfilledResult<string>).value, 'stored');
    assert.equal((outcomes[2] as PromiseFulfilledResult<string>).value, 'stored');
    assert.equal(((outcomes[1] as PromiseRejectedResult).reason as { code?: string }).code, '23503');
    assert.equal(statements(), 4, 'one alone, one shared that failed, then the two again one by one');
    assert.ok(await stored(first.row.id));
    assert.ok(await stored(good.row.id));
    assert.equal(await stored(bad.row.id), false);
  });

  it('keeps two intakes with the same Idempotency-Key out of one statement', async () => {
    const { db: counting, statements } = countingIntakeStatements(db);
    const writer = new IntakeWriter(counting, { batchesInFlight: 1, queuedForAnotherBatch: 1, maxBatchSize: 64 });
    const claim = (w: IntakeWrite): IntakeWrite => ({
      ...w,
      claim: { scope: 'test', key: 'same-key', requestHash: 'h', statusCode: 201, response: { id: w.row.id } },
    });
    const outcomes = await Promise.all([
      writer.write(write()),
      writer.write(claim(write())),
      writer.write(claim(write())),
      writer.write(write()),
    ]);
    assert.deepEqual(outcomes, ['stored', 'stored', 'key_taken', 'stored']);
    assert.equal(statements(), 3, 'the second holder of the key waits for the next statement');
  });

  it('refuses, in the database, a report whose district lies in another municipality', async () => {
    const elsewhere = write({ municipalityCode: 'GM0363' });
    await assert.rejects(new IntakeWriter(db).write(elsewhere), (error: { code?: string }) => error.code === '23503');
    assert.equal(await stored(elsewhere.row.id), false);
  });
});
