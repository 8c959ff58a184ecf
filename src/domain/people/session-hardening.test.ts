import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { testApp } from '../../../test/support/app.ts';
import { addUser, FIXTURE_PASSWORD, seedMiniGeography } from './test-fixtures.ts';

describe('session expiry, rotation and sign-in throttling', () => {
  let db: Db;
  let app: App;
  const start = '2026-11-24T09:00:00+01:00';
  const clock = fixedClock(start);
  const env = {
    SESSION_TTL_HOURS: '8',
    SESSION_IDLE_MINUTES: '30',
    LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    SIGN_IN_FAILURES_PER_ACCOUNT: '5',
    SIGN_IN_FAILURES_PER_ADDRESS: '8',
    SIGN_IN_FAILURE_WINDOW_MINUTES: '15',
  };
  before(async () => {
    db = await openTestDb({ empty: true });
    await seedMiniGeography(db);
    for (const name of ['anna', 'bram', 'cor'])
      await addUser(db, { email: `${name}@haarlem.example`, roles: ['officer'] });
    app = await testApp(db, { clock, env });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const signIn = (email: string, password: string, address = '192.0.2.1', cookie?: string) =>
    app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email, password },
      remoteAddress: address,
      ...(cookie ? { cookies: { wijkpost_session: cookie } } : {}),
    });
  const cookieOf = (response: Awaited<ReturnType<typeof signIn>>) =>
    response.cookies.find((c) => c.name === 'wijkpost_session')!.value;
  const me = (cookie: string) =>
    app.inject({ method: 'GET', url: '/api/v1/me', cookies: { wijkpost_session: cookie } });

  it('ends a cookie session after SESSION_IDLE_MINUTES without use; use keeps it alive up to the TTL', async () => {
    clock.set(start);
    const cookie = cookieOf(await signIn('anna@haarlem.example', FIXTURE_PASSWORD));
    for (let step = 0; step < 5; step++) {
      clock.advance(25 * 60_000);
      assert.equal((await me(cookie)).statusCode, 200, `used again after 25 minutes (step ${step})`);
    }
    clock.advance(31 * 60_000);
    assert.equal((await me(cookie)).statusCode, 401, 'idle for 31 minutes');

    clock.set(start);
    const busy = cookieOf(await signIn('anna@haarlem.example', FIXTURE_PASSWORD));
    for (let minutes = 20; minutes < 8 * 60; minutes += 20) {
      clock.set(new Date(new Date(start).getTime() + minutes * 60_000));
      assert.equal((await me(busy)).statusCode, 200);
    }
    clock.set(new Date(new Date(start).getTime() + 8 * 3_600_000));
    assert.equal((await me(busy)).statusCode, 401, 'the absolute lifetime ends even a busy session');
  });

  it('starts a new session id on sign-in and ends the one the browser presented', async () => {
    clock.set(start);
    const old = cookieOf(await signIn('anna@haarlem.example', FIXTURE_PASSWORD));
    const again = await signIn('anna@haarlem.example', FIXTURE_PASSWORD, '192.0.2.1', old);
    assert.equal(again.statusCode, 201);
    const fresh = cookieOf(again);
    assert.notEqual(fresh, old);
    assert.equal((await me(old)).statusCode, 401, 'the old session id is not reused');
    assert.equal((await me(fresh)).statusCode, 200);
  });

  it('refuses the sixth try on an account within 15 minutes with 429 and Retry-After, known or unknown', async () => {
    clock.set('2026-11-25T09:00:00+01:00');
    for (const email of ['bram@haarlem.example', 'nobody@haarlem.example']) {
      for (let i = 0; i < 5; i++) {
        const failed = await signIn(email, 'wrong guess', `198.51.100.${i}`);
        assert.equal(failed.statusCode, 401);
        clock.advance(60_000);
      }
      const blocked = await signIn(email, email.startsWith('bram') ? FIXTURE_PASSWORD : 'x', '198.51.100.99');
      assert.equal(blocked.statusCode, 429, 'even the right password waits');
      assert.match(String(blocked.headers['content-type']), /application\/problem\+json/);
      // The first failure was 5 minutes ago, so the window lets a try in after 10 more minutes.
      assert.equal(blocked.headers['retry-after'], '600');
      assert.equal(blocked.json().detail, 'Too many failed sign-ins; try again later.');
    }
    clock.advance(10 * 60_000 + 1000);
    assert.equal((await signIn('bram@haarlem.example', FIXTURE_PASSWORD, '198.51.100.99')).statusCode, 201);
  });

  it('refuses an address after SIGN_IN_FAILURES_PER_ADDRESS failures on any accounts', async () => {
    clock.set('2026-11-26T09:00:00+01:00');
    for (let i = 0; i < 8; i++) {
      assert.equal((await signIn(`guess${i}@haarlem.example`, 'wrong', '203.0.113.7')).statusCode, 401);
    }
    const blocked = await signIn('cor@haarlem.example', FIXTURE_PASSWORD, '203.0.113.7');
    assert.equal(blocked.statusCode, 429);
    assert.equal(blocked.headers['retry-after'], '900');
    assert.equal((await signIn('cor@haarlem.example', FIXTURE_PASSWORD, '203.0.113.8')).statusCode, 201);
    const { rows } = await db.query<{ account_hash: string; address_hash: string }>(
      'SELECT account_hash, address_hash FROM sign_in_failures',
    );
    assert.ok(rows.length > 0);
    assert.doesNotMatch(JSON.stringify(rows), /haarlem\.example|203\.0\.113/, 'only hashes are stored');
  });
});

describe('password sign-in switched off', () => {
  let db: Db;
  let app: App;
  before(async () => {
    db = await openTestDb({ empty: true });
    await seedMiniGeography(db);
    await addUser(db, { email: 'anna@haarlem.example', roles: ['officer'] });
    app = await testApp(db, {
      env: {
        PASSWORD_SIGN_IN_ENABLED: 'false',
        OIDC_ISSUER: 'https://idp.haarlem.example',
        OIDC_CLIENT_ID: 'wijkpost',
        OIDC_CLIENT_SECRET: 'a secret of the client',
        PUBLIC_BASE_URL: 'https://wijkpost.haarlem.example',
      },
    });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('answers POST /api/v1/sessions with a problem that points to single sign-on, even for a right password', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: 'anna@haarlem.example', password: FIXTURE_PASSWORD },
    });
    assert.equal(response.statusCode, 403);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    assert.match(response.json().detail, /single sign-on/);
    assert.equal(response.cookies.length, 0);
  });
});
