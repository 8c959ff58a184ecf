import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, parseConfig } from './config.ts';

describe('configuration', () => {
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
    assert.equal(parseConfig({ PUBLIC_BASE_URL: 'https://wijkpost.haarlem.nl' }).COOKIE_SECURE, true);
    assert.equal(parseConfig({ PUBLIC_BASE_URL: 'http://localhost:8080' }).COOKIE_SECURE, false);
    assert.equal(
      parseConfig({ PUBLIC_BASE_URL: 'https://wijkpost.haarlem.nl', COOKIE_SECURE: 'false' }).COOKIE_SECURE,
      false,
    );
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
});
