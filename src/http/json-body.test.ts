import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/db.ts';
import { openTestDb } from '../../test/support/db.ts';
import { bearerFor, testApp } from '../../test/support/app.ts';
import type { App } from './deps.ts';
import { DEFAULT_BODY_LIMIT, MAX_JSON_DEPTH, nestsDeeperThan } from './json-body.ts';

const json = { 'content-type': 'application/json' };
const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);

describe('JSON depth check', () => {
  it('counts arrays and objects inside one another, not brackets inside strings', () => {
    assert.equal(nestsDeeperThan(nested(3), 3), false);
    assert.equal(nestsDeeperThan(nested(4), 3), true);
    assert.equal(nestsDeeperThan('{"a":{"b":[{"c":1}]}}', 4), false);
    assert.equal(nestsDeeperThan('{"a":{"b":[{"c":{}}]}}', 4), true);
    assert.equal(nestsDeeperThan('["[[[[[[", "\\"[[[[[[", {"k":"{{{{"}]', 2), false);
    assert.equal(nestsDeeperThan('[[1],[2],[3],[[4]]]', 3), false);
  });
});

describe('JSON bodies: parsed only when the route takes them, and only so deep and so large', () => {
  let db: Db;
  let app: App;
  before(async () => {
    db = await openTestDb();
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const asUser = async (email: string) => {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    return bearerFor(db, rows[0]!.id);
  };

  it('refuses a body nested deeper than the limit with a field problem, before parsing it', async () => {
    const body = `{"category":"hondenpoep","description":${nested(MAX_JSON_DEPTH)}}`;
    const response = await app.inject({ method: 'POST', url: '/api/v1/reports', headers: json, payload: body });
    assert.equal(response.statusCode, 400);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    assert.deepEqual(
      response.json().invalidParams.map((p: { code: string }) => p.code),
      ['too_deep'],
    );
    // One level less is parsed and reaches the ordinary validation.
    const shallow = `{"category":"hondenpoep","description":${nested(MAX_JSON_DEPTH - 1)}}`;
    const parsed = await app.inject({ method: 'POST', url: '/api/v1/reports', headers: json, payload: shallow });
    assert.equal(parsed.statusCode, 400);
    assert.ok(!parsed.json().invalidParams.some((p: { code: string }) => p.code === 'too_deep'));
  });

  it('refuses an intake with an Idempotency-Key and a body nested 4,000 deep with 400, not 500', async () => {
    const body = `{"category":"hondenpoep","description":"x","extra":${nested(4000)}}`;
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      headers: { ...json, 'idempotency-key': 'deep-body' },
      payload: body,
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().invalidParams[0].code, 'too_deep');
  });

  it('refuses a body larger than the route takes with 413 problem+json', async () => {
    const body = JSON.stringify({ category: 'hondenpoep', description: 'x'.repeat(DEFAULT_BODY_LIMIT) });
    const response = await app.inject({ method: 'POST', url: '/api/v1/reports', headers: json, payload: body });
    assert.equal(response.statusCode, 413);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    assert.equal(response.json().title, 'Payload too large');
  });

  it('lets the routing rules, a larger body, through to validation', async () => {
    const admin = await asUser('admin@haarlem.example');
    const body = JSON.stringify({ rules: [{ name: 'x'.repeat(DEFAULT_BODY_LIMIT) }] });
    const response = await app.inject({
      method: 'PUT',
      url: '/api/v1/routing-rules',
      headers: { ...json, ...admin },
      payload: body,
    });
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().code, 'validation');
  });

  it('answers an anonymous caller of a staff route with 401 whatever the body (it is not parsed)', async () => {
    for (const payload of ['{', nested(100_000)]) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/district-meetings', headers: json, payload });
      assert.equal(response.statusCode, 401, payload.slice(0, 10));
      assert.equal(response.json().code, 'unauthenticated');
    }
  });

  it('answers a path without a route with 404 whatever the body (it is not parsed)', async () => {
    for (const payload of ['{', nested(30_000)]) {
      const response = await app.inject({ method: 'POST', url: '/api/v1/nope', headers: json, payload });
      assert.equal(response.statusCode, 404, payload.slice(0, 10));
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    }
  });
});
