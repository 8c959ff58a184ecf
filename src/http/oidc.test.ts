import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import * as oidc from 'openid-client';
import type { Db } from '../db/db.ts';
import { beginOidcSignIn, replaceRoleMappings } from '../domain/people/index.ts';
import { fixedClock } from '../shared/clock.ts';
import { buildApp } from './app.ts';
import type { App } from './deps.ts';
import { openTestDb } from '../../test/support/db.ts';
import { testConfig } from '../../test/support/app.ts';
import { followToCallback, startTestProvider, type TestProvider } from '../../test/support/oidc-provider.ts';

describe('single sign-on through a local OpenID Connect provider', () => {
  let db: Db;
  let app: App;
  let provider: TestProvider;
  const logLines: string[] = [];
  const clock = fixedClock('2026-11-24T09:00:00+01:00');

  before(async () => {
    db = await openTestDb({ empty: true });
    await db.query(
      "INSERT INTO municipalities (code, name, slug) VALUES ('GM0392', 'Haarlem', 'haarlem'), ('GM0363', 'Amsterdam', 'amsterdam')",
    );
    provider = await startTestProvider();
    await replaceRoleMappings({ db }, 'GM0392', [
      { claimValue: 'wp-handhavers', role: 'officer' },
      { claimValue: 'wp-beheer', role: 'administrator' },
      { claimValue: 'wp-beheer', role: 'analyst' },
    ]);
    await replaceRoleMappings({ db }, 'GM0363', [{ claimValue: 'ams-handhavers', role: 'officer' }]);
    provider.accounts.set('sub-anna', {
      email: 'Anna@Haarlem.example',
      name: 'Anna Jansen',
      groups: ['wp-handhavers', 'x'],
    });
    provider.accounts.set('sub-bert', { email: 'bert@haarlem.example', name: 'Bert', groups: ['unmapped'] });
    const config = testConfig({
      LOG_LEVEL: 'info',
      OIDC_ISSUER: provider.issuer,
      OIDC_CLIENT_ID: provider.main.clientId,
      OIDC_CLIENT_SECRET: provider.main.clientSecret,
      OIDC_REDIRECT_URL: provider.redirectUrl,
      OIDC_ROLES_CLAIM: 'groups',
      OIDC_ALLOW_INSECURE_HTTP: 'true',
    });
    app = await buildApp({ db, clock, config }, { logger: true, logStream: { write: (line) => logLines.push(line) } });
  });
  after(async () => {
    await app.close();
    await provider.close();
    await db.close();
  });

  const begin = async () => {
    const response = await app.inject({ method: 'GET', url: '/auth/oidc/login' });
    assert.equal(response.statusCode, 303, response.body);
    const attempt = response.cookies.find((c) => c.name === 'wijkpost_oidc');
    assert.ok(attempt?.httpOnly);
    return { authorizeUrl: new URL(String(response.headers.location)), attempt: attempt.value };
  };
  const finish = (callback: URL, attempt?: string, session?: string) =>
    app.inject({
      method: 'GET',
      url: `${callback.pathname}${callback.search}`,
      cookies: { ...(attempt ? { wijkpost_oidc: attempt } : {}), ...(session ? { wijkpost_session: session } : {}) },
    });
  const signInAs = async (subject: string, session?: string) => {
    provider.signInAs(subject);
    const { authorizeUrl, attempt } = await begin();
    return finish(await followToCallback(authorizeUrl.href), attempt, session);
  };
  let firstSession = '';
  const sessionOf = (response: Awaited<ReturnType<typeof finish>>) =>
    response.cookies.find((c) => c.name === 'wijkpost_session')?.value;
  const me = async (session: string) =>
    (await app.inject({ method: 'GET', url: '/api/v1/me', cookies: { wijkpost_session: session } })).json();
  const reasonOf = (response: Awaited<ReturnType<typeof finish>>) => /data-reason="([a-z_]+)"/.exec(response.body)?.[1];
  const usersOf = async (subject: string) =>
    (await db.query<{ id: string }>('SELECT id FROM users WHERE oidc_subject = $1', [subject])).rows;

  it('asks for the code flow with PKCE S256, state and nonce', async () => {
    const { authorizeUrl } = await begin();
    assert.equal(authorizeUrl.origin, provider.issuer);
    const params = authorizeUrl.searchParams;
    assert.equal(params.get('response_type'), 'code');
    assert.equal(params.get('code_challenge_method'), 'S256');
    assert.equal(params.get('client_id'), 'wijkpost');
    assert.equal(params.get('redirect_uri'), provider.redirectUrl);
    for (const name of ['state', 'nonce', 'code_challenge']) assert.ok((params.get(name) ?? '').length >= 32, name);
  });

  it('signs a first-time user in with the mapped role, provisioned by issuer and subject', async () => {
    const response = await signInAs('sub-anna');
    assert.equal(response.statusCode, 303, response.body);
    assert.equal(response.headers.location, '/inloggen');
    const session = sessionOf(response);
    assert.ok(session);
    firstSession = session;
    const user = await me(session);
    assert.deepEqual(user.roles, ['officer']);
    assert.equal(user.municipalityCode, 'GM0392');
    assert.equal(user.email, 'anna@haarlem.example');
    assert.equal(user.name, 'Anna Jansen');
    const { rows } = await db.query<{ oidc_issuer: string; password_hash: string | null }>(
      'SELECT oidc_issuer, password_hash FROM users WHERE oidc_subject = $1',
      ['sub-anna'],
    );
    assert.deepEqual(rows, [{ oidc_issuer: provider.issuer, password_hash: null }]);
  });

  it('refreshes the roles on the next sign-in, for the same account, in a new session', async () => {
    provider.accounts.set('sub-anna', { email: 'anna@haarlem.example', name: 'Anna Jansen', groups: ['wp-beheer'] });
    const response = await signInAs('sub-anna', firstSession);
    assert.equal(response.statusCode, 303, response.body);
    assert.deepEqual((await me(sessionOf(response)!)).roles, ['administrator', 'analyst']);
    assert.notEqual(sessionOf(response), firstSession);
    assert.equal((await me(firstSession)).status, 401, 'the session the browser presented ends');
    assert.equal((await usersOf('sub-anna')).length, 1);
  });

  it('refuses a user whose claim values map to no role, with a clear page, and creates nobody', async () => {
    const response = await signInAs('sub-bert');
    assert.equal(response.statusCode, 403);
    assert.match(String(response.headers['content-type']), /text\/html/);
    assert.equal(reasonOf(response), 'no_role');
    assert.match(response.body, /geen rol in Wijkpost/);
    assert.match(response.body, /no role in Wijkpost/);
    assert.equal(sessionOf(response), undefined);
    assert.deepEqual(await usersOf('sub-bert'), []);
  });

  it('refuses a forged state, and a callback without the browser that started it', async () => {
    provider.signInAs('sub-anna');
    const { authorizeUrl, attempt } = await begin();
    const callback = await followToCallback(authorizeUrl.href);
    const forged = new URL(callback);
    forged.searchParams.set('state', oidc.randomState());
    const refused = await finish(forged, attempt);
    assert.equal(refused.statusCode, 400);
    assert.equal(reasonOf(refused), 'failed');
    assert.equal(sessionOf(refused), undefined);
    assert.ok(logLines.some((line) => line.includes('OIDC callback refused') && /state/.test(line)));

    const strangerBrowser = await finish(callback);
    assert.equal(strangerBrowser.statusCode, 400);
    assert.equal(reasonOf(strangerBrowser), 'expired');
  });

  it('refuses a replayed code, also when the attempt it belonged to is planted again', async () => {
    provider.signInAs('sub-anna');
    const { authorizeUrl, attempt } = await begin();
    const callback = await followToCallback(authorizeUrl.href);
    const { rows } = await db.query<{ state: string; nonce: string; code_verifier: string }>(
      'SELECT state, nonce, code_verifier FROM oidc_sign_in_attempts WHERE state = $1',
      [callback.searchParams.get('state')],
    );
    assert.equal((await finish(callback, attempt)).statusCode, 303);

    const replay = await finish(callback, attempt);
    assert.equal(replay.statusCode, 400);
    assert.equal(reasonOf(replay), 'expired');

    const row = rows[0]!;
    await beginOidcSignIn({ db, clock }, 'planted-browser-secret', {
      state: row.state,
      nonce: row.nonce,
      codeVerifier: row.code_verifier,
    });
    const planted = await finish(callback, 'planted-browser-secret');
    assert.equal(planted.statusCode, 400);
    assert.equal(reasonOf(planted), 'failed');
    assert.equal(sessionOf(planted), undefined);
    assert.ok(logLines.some((line) => line.includes('OIDC callback refused') && /invalid_grant/.test(line)));
  });

  it('refuses an ID token the provider issued for another client (audience), even with our nonce', async () => {
    provider.signInAs('sub-anna');
    const { authorizeUrl, attempt } = await begin();
    const nonce = authorizeUrl.searchParams.get('nonce')!;
    const otherClient = await oidc.discovery(
      new URL(provider.issuer),
      provider.other.clientId,
      provider.other.clientSecret,
      oidc.ClientSecretBasic(provider.other.clientSecret),
      { execute: [oidc.allowInsecureRequests] },
    );
    const verifier = oidc.randomPKCECodeVerifier();
    const otherUrl = oidc.buildAuthorizationUrl(otherClient, {
      redirect_uri: provider.redirectUrl,
      scope: 'openid email profile',
      nonce,
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
    });
    const otherTokens = await oidc.authorizationCodeGrant(otherClient, await followToCallback(otherUrl.href), {
      pkceCodeVerifier: verifier,
      expectedNonce: nonce,
      idTokenExpected: true,
    });
    assert.equal(otherTokens.claims()!.aud, provider.other.clientId);

    provider.swapNextIdToken(otherTokens.id_token!);
    const before = logLines.length;
    const refused = await finish(await followToCallback(authorizeUrl.href), attempt);
    assert.equal(refused.statusCode, 400);
    assert.equal(reasonOf(refused), 'failed');
    assert.equal(sessionOf(refused), undefined);
    assert.ok(logLines.slice(before).some((line) => line.includes('OIDC callback refused') && /aud/.test(line)));
  });

  it('answers a page, not an error, while the provider cannot be reached', async () => {
    const unreachable = await buildApp({
      db,
      clock,
      config: testConfig({
        OIDC_ISSUER: 'http://127.0.0.1:9',
        OIDC_CLIENT_ID: 'wijkpost',
        OIDC_CLIENT_SECRET: 'a secret',
        OIDC_REDIRECT_URL: provider.redirectUrl,
        OIDC_ALLOW_INSECURE_HTTP: 'true',
      }),
    });
    try {
      const response = await unreachable.inject({ method: 'GET', url: '/auth/oidc/login' });
      assert.equal(response.statusCode, 503);
      assert.equal(reasonOf(response), 'unavailable');
      assert.equal(response.cookies.length, 0);
    } finally {
      await unreachable.close();
    }
  });

  it('keeps tokens, codes and claims out of the log', () => {
    const log = logLines.join('\n');
    assert.doesNotMatch(log, /anna@haarlem|Anna Jansen|wijkpost-test-client-secret|eyJ/);
  });
});
