import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { testApp } from '../../../test/support/app.ts';
import { addUser, FIXTURE_PASSWORD, seedMiniGeography } from './test-fixtures.ts';

describe('login, logout and /me', () => {
  let db: Db;
  let app: App;
  const clock = fixedClock('2026-11-24T09:00:00+01:00');
  before(async () => {
    db = await openTestDb({ empty: true });
    await seedMiniGeography(db);
    await addUser(db, { email: 'fatima.devries@haarlem.example', name: 'Fatima de Vries', roles: ['officer'] });
    const gone = await addUser(db, { email: 'former@haarlem.example', roles: ['officer'] });
    await db.query('UPDATE users SET active = false WHERE id = $1', [gone]);
    app = await testApp(db, { clock, env: { SESSION_TTL_HOURS: '8', COOKIE_SECURE: 'true' } });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const signIn = (body: Record<string, unknown>) =>
    app.inject({ method: 'POST', url: '/api/v1/sessions', payload: body });

  it('sets an HttpOnly, SameSite=Lax, Secure session cookie that lasts SESSION_TTL_HOURS', async () => {
    const response = await signIn({ email: 'Fatima.deVries@haarlem.example', password: FIXTURE_PASSWORD });
    assert.equal(response.statusCode, 201);
    const body = response.json();
    assert.equal(body.user.name, 'Fatima de Vries');
    assert.deepEqual(body.user.roles, ['officer']);
    assert.equal(body.user.municipalityCode, 'GM0392');
    assert.equal(body.token, undefined);
    assert.equal(body.expiresAt, '2026-11-24T16:00:00.000Z');
    const cookie = response.cookies.find((c) => c.name === 'wijkpost_session');
    assert.ok(cookie);
    assert.equal(cookie.httpOnly, true);
    assert.equal(cookie.sameSite, 'Lax');
    assert.equal(cookie.path, '/');
    assert.equal(cookie.secure, true);
    const me = await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { wijkpost_session: cookie.value } });
    assert.equal(me.statusCode, 200);
    assert.deepEqual(Object.keys(me.json()).sort(), ['email', 'id', 'municipalityCode', 'name', 'roles']);
    assert.equal(me.json().email, 'fatima.devries@haarlem.example');
  });

  it('returns a bearer token (and no cookie) for tokenType bearer; the session expires after the TTL', async () => {
    const response = await signIn({
      email: 'fatima.devries@haarlem.example',
      password: FIXTURE_PASSWORD,
      tokenType: 'bearer',
    });
    assert.equal(response.statusCode, 201);
    const { token, expiresAt, user } = response.json();
    assert.ok(token.length >= 40);
    assert.equal(expiresAt, '2026-11-24T16:00:00.000Z');
    assert.equal(user.email, 'fatima.devries@haarlem.example');
    assert.equal(response.cookies.length, 0);
    const authorization = `Bearer ${token}`;
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } })).statusCode, 200);
    const { rows } = await db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    assert.ok(
      rows.every((row) => row.token_hash !== token),
      'only the hash of the token is stored',
    );
    clock.advance(8 * 3_600_000);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } })).statusCode, 401);
    clock.set('2026-11-24T09:00:00+01:00');
  });

  it('answers a wrong password, an unknown e-mail and a deactivated account with the same 401', async () => {
    const responses = await Promise.all([
      signIn({ email: 'fatima.devries@haarlem.example', password: 'not the password' }),
      signIn({ email: 'nobody@haarlem.example', password: FIXTURE_PASSWORD }),
      signIn({ email: 'former@haarlem.example', password: FIXTURE_PASSWORD }),
    ]);
    const bodies = responses.map((r) => {
      assert.equal(r.statusCode, 401);
      assert.match(String(r.headers['content-type']), /application\/problem\+json/);
      assert.equal(r.cookies.length, 0);
      const { instance: _instance, ...rest } = r.json();
      return rest;
    });
    assert.deepEqual(bodies[0], bodies[1]);
    assert.deepEqual(bodies[0], bodies[2]);
    assert.doesNotMatch(JSON.stringify(bodies), /not the password|correct horse/);
  });

  it('rejects a malformed login body with every field problem', async () => {
    const response = await signIn({ email: '', tokenType: 'jwt' });
    assert.equal(response.statusCode, 400);
    const names = response
      .json()
      .invalidParams.map((p: { name: string }) => p.name)
      .sort();
    assert.deepEqual(names, ['body.email', 'body.password', 'body.tokenType']);
  });

  it('logs out: the session is revoked and the cookie cleared', async () => {
    const { token } = (
      await signIn({ email: 'fatima.devries@haarlem.example', password: FIXTURE_PASSWORD, tokenType: 'bearer' })
    ).json();
    const authorization = `Bearer ${token}`;
    const logout = await app.inject({ method: 'DELETE', url: '/api/v1/sessions/current', headers: { authorization } });
    assert.equal(logout.statusCode, 204);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization } })).statusCode, 401);
    assert.equal((await app.inject({ method: 'DELETE', url: '/api/v1/sessions/current' })).statusCode, 401);
  });

  it('answers /me without a session with 401', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/me' });
    assert.equal(response.statusCode, 401);
  });
});

describe('login rate limit', () => {
  it('refuses the attempt after LOGIN_RATE_LIMIT_PER_MINUTE from one address with 429 problem+json', async () => {
    const db = await openTestDb({ empty: true });
    const app = await testApp(db, { env: { LOGIN_RATE_LIMIT_PER_MINUTE: '3' } });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i++) {
        const response = await app.inject({
          method: 'POST',
          url: '/api/v1/sessions',
          payload: { email: 'x@haarlem.example', password: 'guess' },
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 429)
          assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      }
      assert.deepEqual(statuses, [401, 401, 401, 429]);
    } finally {
      await app.close();
      await db.close();
    }
  });
});
