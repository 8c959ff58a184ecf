import assert from 'node:assert/strict';
import { createServer, type AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import type { Db } from '../db/db.ts';
import { isDatabaseUnavailable } from '../db/unavailable.ts';
import { openTestDb } from '../../test/support/db.ts';
import { testApp } from '../../test/support/app.ts';
import { GROTE_MARKT } from '../../test/support/reports-world.ts';
import type { App } from './deps.ts';

/** The error pg really gives when nothing listens on the database's port. */
async function refusedConnection(): Promise<Error> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  const client = new pg.Client({ host: '127.0.0.1', port, user: 'x', database: 'x' });
  return client.connect().then(
    () => new Error('something listened on a closed port'),
    (error: Error) => error,
  );
}

/** A database that goes down on demand: every statement then fails with `failure`. */
function switchable(db: Db) {
  const state: { failure: Error | null } = { failure: null };
  const guard = <T>(run: () => Promise<T>) => (state.failure ? Promise.reject(state.failure) : run());
  const down: Db = {
    kind: db.kind,
    query: (sql, params, options) => guard(() => db.query(sql, params, options)),
    transaction: (fn) => guard(() => db.transaction(fn)),
    exec: (sql) => guard(() => db.exec(sql)),
    withSession: (fn) => guard(() => db.withSession(fn)),
    close: () => db.close(),
  };
  return { db: down, state };
}

describe('a database that cannot be reached: 503 with Retry-After, not 500', () => {
  let db: Db;
  let app: App;
  let state: { failure: Error | null };
  before(async () => {
    db = await openTestDb();
    const wrapped = switchable(db);
    state = wrapped.state;
    app = await testApp(wrapped.db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('knows connection failures from refused statements', async () => {
    const refused = await refusedConnection();
    assert.equal((refused as { code?: string }).code, 'ECONNREFUSED');
    assert.equal(isDatabaseUnavailable(refused), true);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('terminating connection'), { code: '57P01' })), true);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('no connection'), { code: '08006' })), true);
    assert.equal(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect')), true);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' })), false);
    assert.equal(isDatabaseUnavailable(new Error('boom')), false);
  });

  it('answers an intake with 503 problem+json and Retry-After while the database is down', async () => {
    const body = { category: 'hondenpoep', description: 'Hondenpoep bij de kerk', location: GROTE_MARKT };
    const failures = [
      await refusedConnection(),
      Object.assign(new Error('terminating connection due to administrator command'), {
        code: '57P01',
        severity: 'FATAL',
      }),
    ];
    for (const failure of failures) {
      state.failure = failure;
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        headers: { 'idempotency-key': `down-${failure.message}` },
        payload: body,
      });
      assert.equal(response.statusCode, 503, response.body);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      assert.equal(response.headers['retry-after'], '5');
      assert.equal(response.json().code, 'unavailable');
    }
    const health = await app.inject({ method: 'GET', url: '/api/v1/health' });
    assert.equal(health.statusCode, 503);

    state.failure = null;
    const back = await app.inject({ method: 'POST', url: '/api/v1/reports', payload: body });
    assert.equal(back.statusCode, 201, back.body);
  });
});
