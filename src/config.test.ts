import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, parseConfig } from './config.ts';

describe('configuration', () => {
  const secret = 'a-link-signing-secret-of-32-characters';

  it('has working defaults', () => {
    const config = parseConfig({});
    assert.equal(config.PORT, 8080);
    assert.equal(config.DATA_DIR, './data');
    assert.equal(config.DATABASE_URL, undefined);
  });

  it('fails fast listing every problem at once', () => {
    assert.throws(
      () => parseConfig({ PORT: 'eighty', DATABASE_URL: 'not a url', LOG_LEVEL: 'loud' }),
      (error: unknown) => {
        assert.ok(error instanceof ConfigError);
        assert.deepEqual(error.problems.map((p) => p.split(':')[0]).sort(), ['DATABASE_URL', 'LOG_LEVEL', 'PORT']);
        return true;
      },
    );
  });

  it('marks the session cookie Secure when the public URL is https, unless told otherwise', () => {
    assert.equal(parseConfig({}).COOKIE_SECURE, false);
    assert.equal(
      parseConfig({ PUBLIC_BASE_URL: 'https://wijkpost.haarlem.nl', LINK_SIGNING_SECRET: secret }).COOKIE_SECURE,
      true,
    );
    assert.equal(parseConfig({ PUBLIC_BASE_URL: 'http://localhost:8080' }).COOKIE_SECURE, false);
    assert.equal(
      parseConfig({
        PUBLIC_BASE_URL: 'https://wijkpost.haarlem.nl',
        LINK_SIGNING_SECRET: secret,
        COOKIE_SECURE: 'false',
      }).COOKIE_SECURE,
      false,
    );
  });

  it('takes single sign-on settings whole: https issuer, client, a redirect URL, and a way to sign in', () => {
    const oidc = {
      OIDC_ISSUER: 'https://login.haarlem.nl/realms/gemeente',
      OIDC_CLIENT_ID: 'wijkpost',
      OIDC_CLIENT_SECRET: 'secret of the client',
      PUBLIC_BASE_URL: 'https://wijkpost.haarlem.nl',
      LINK_SIGNING_SECRET: 'a-production-secret-of-at-least-32-characters',
    };
    const config = parseConfig(oidc);
    assert.equal(config.OIDC_REDIRECT_URL, 'https://wijkpost.haarlem.nl/auth/oidc/callback');
    assert.equal(config.OIDC_ROLES_CLAIM, 'roles');
    assert.equal(config.PASSWORD_SIGN_IN_ENABLED, true);
    assert.equal(parseConfig({}).OIDC_REDIRECT_URL, undefined);
    const problemsOf = (env: Record<string, string>) => {
      try {
        parseConfig(env);
        return [];
      } catch (error) {
        assert.ok(error instanceof ConfigError);
        return error.problems.map((p) => p.split(':')[0]).sort();
      }
    };
    assert.deepEqual(problemsOf({ PASSWORD_SIGN_IN_ENABLED: 'false' }), ['PASSWORD_SIGN_IN_ENABLED']);
    assert.deepEqual(problemsOf({ OIDC_ISSUER: 'http://127.0.0.1:4000' }), [
      'OIDC_CLIENT_ID',
      'OIDC_CLIENT_SECRET',
      'OIDC_ISSUER',
      'OIDC_REDIRECT_URL',
    ]);
    assert.deepEqual(
      problemsOf({ ...oidc, OIDC_ISSUER: 'http://127.0.0.1:4000', OIDC_ALLOW_INSECURE_HTTP: 'true' }),
      [],
    );
    assert.deepEqual(problemsOf({ ...oidc, PASSWORD_SIGN_IN_ENABLED: 'false' }), []);
  });

  it('runs the background jobs by default, and not when JOBS_ENABLED is false', () => {
    assert.equal(parseConfig({}).JOBS_ENABLED, true);
    assert.equal(parseConfig({}).JOBS_INTERVAL_MINUTES, undefined);
    assert.equal(parseConfig({}).IDEMPOTENCY_RETENTION_HOURS, 48);
    assert.equal(parseConfig({ JOBS_ENABLED: 'false' }).JOBS_ENABLED, false);
    assert.equal(parseConfig({ JOBS_INTERVAL_MINUTES: '5' }).JOBS_INTERVAL_MINUTES, 5);
    assert.throws(() => parseConfig({ JOBS_ENABLED: 'maybe' }), ConfigError);
  });

  it('requires LINK_SIGNING_SECRET in production and gives a development one elsewhere', () => {
    assert.throws(
      () => parseConfig({ NODE_ENV: 'production' }),
      (error: unknown) =>
        error instanceof ConfigError && error.problems.some((p) => p.startsWith('LINK_SIGNING_SECRET')),
    );
    const secret = 'a-production-secret-of-at-least-32-characters';
    assert.equal(parseConfig({ NODE_ENV: 'production', LINK_SIGNING_SECRET: secret }).LINK_SIGNING_SECRET, secret);
    assert.ok(parseConfig({}).LINK_SIGNING_SECRET.length >= 32);
    assert.throws(() => parseConfig({ LINK_SIGNING_SECRET: 'short' }), ConfigError);
  });

  it('requires LINK_SIGNING_SECRET for an https deployment too', () => {
    assert.throws(
      () => parseConfig({ PUBLIC_BASE_URL: 'https://wijkpost.haarlem.nl' }),
      (error: unknown) => error instanceof ConfigError && /^LINK_SIGNING_SECRET/.test(error.problems[0] ?? ''),
    );
    assert.ok(parseConfig({}).LINK_SIGNING_SECRET.length >= 32);
  });

  it('takes only smtp:// and smtps:// mail servers', () => {
    assert.equal(
      parseConfig({ SMTP_URL: 'smtps://user:pass@mail.example:465' }).SMTP_URL,
      'smtps://user:pass@mail.example:465',
    );
    assert.throws(() => parseConfig({ SMTP_URL: 'http://mail.example' }), ConfigError);
    assert.equal(parseConfig({}).OUTBOX_RETRY_BASE_SECONDS, 30);
  });
});
