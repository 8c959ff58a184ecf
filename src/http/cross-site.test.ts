import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/db.ts';
import type { App } from './deps.ts';
import { startSession } from '../domain/people/index.ts';
import { fixedClock } from '../shared/clock.ts';
import { bearerFor, testApp } from '../../test/support/app.ts';
import { openTestDb } from '../../test/support/db.ts';
import { buildWorld, CENTRUM, type World } from '../../test/support/fieldwork-world.ts';

describe('cross-site requests with the session cookie', () => {
  let db: Db;
  let app: App;
  let behindProxy: App;
  let world: World;
  let cookie: string;
  let bearer: { authorization: string };
  const clock = fixedClock('2026-11-24T09:00:00+01:00');
  const stopUrl = '/api/v1/presence/rounds/current/stop';

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildWorld(db);
    app = await testApp(db, { clock });
    behindProxy = await testApp(db, { clock, env: { PUBLIC_BASE_URL: 'https://wijkpost.haarlem.example' } });
    cookie = (await startSession({ db, clock }, world.officer.id, 'cookie', 12)).token;
    bearer = await bearerFor(db, world.officer.id, clock);
  });
  after(async () => {
    await behindProxy.close();
    await app.close();
    await db.close();
  });

  const startRound = async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/v1/presence/rounds',
      headers: bearer,
      payload: { districtCode: CENTRUM },
    });
    assert.equal(started.statusCode, 201, started.body);
  };
  const roundIsOpen = async () =>
    (await app.inject({ method: 'GET', url: '/api/v1/presence/rounds/current', headers: bearer })).json().round !==
    null;
  const stopWith = (target: App, headers: Record<string, string>) =>
    target.inject({ method: 'POST', url: stopUrl, cookies: { wijkpost_session: cookie }, headers });

  it('refuses a body-less POST with the cookie from another origin (403 problem+json) and changes nothing', async () => {
    await startRound();
    const crossSite: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { referer: 'https://evil.example/page' },
      { origin: 'null' },
      { origin: 'http://localhost:80.evil.example' },
    ];
    for (const headers of crossSite) {
      const response = await stopWith(app, { ...headers, host: 'localhost:80' });
      assert.equal(response.statusCode, 403, JSON.stringify(headers));
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      assert.match(response.json().detail, /Cross-site/);
    }
    assert.equal(await roundIsOpen(), true);
  });

  it('lets the same request through from our own origin (Host, or PUBLIC_BASE_URL when set)', async () => {
    const fromHost = await stopWith(app, { origin: 'http://localhost:80', host: 'localhost:80' });
    assert.equal(fromHost.statusCode, 200, fromHost.body);
    await startRound();
    const wrongHost = await stopWith(behindProxy, { origin: 'http://localhost:80', host: 'localhost:80' });
    assert.equal(wrongHost.statusCode, 403, 'with PUBLIC_BASE_URL the Host does not count');
    const fromBase = await stopWith(behindProxy, {
      referer: 'https://wijkpost.haarlem.example/werk',
      host: 'internal:8080',
    });
    assert.equal(fromBase.statusCode, 200, fromBase.body);
  });

  it('leaves bearer-token calls and reads with the cookie alone', async () => {
    await startRound();
    const read = await app.inject({
      method: 'GET',
      url: '/api/v1/presence/rounds/current',
      cookies: { wijkpost_session: cookie },
      headers: { origin: 'https://evil.example' },
    });
    assert.equal(read.statusCode, 200);
    const withBearer = await app.inject({
      method: 'POST',
      url: stopUrl,
      headers: { ...bearer, origin: 'https://evil.example' },
    });
    assert.equal(withBearer.statusCode, 200, withBearer.body);
  });
});
