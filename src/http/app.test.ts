import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/db.ts';
import { openTestDb } from '../../test/support/db.ts';
import { testApp, testConfig } from '../../test/support/app.ts';
import { fixedClock } from '../shared/clock.ts';
import { Validator } from '@seriousme/openapi-schema-validator';
import { z } from 'zod';

interface OpenApiOperation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: unknown;
  responses?: Record<string, unknown>;
}
import { buildApp, redactUrl, trustProxySetting } from './app.ts';
import type { App } from './deps.ts';
import { requireRoles } from './route-kit.ts';

describe('HTTP conventions (NL API Design Rules)', () => {
  let db: Db;
  let app: App;
  before(async () => {
    db = await openTestDb({ empty: true });
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('serves a public OpenAPI 3.0 document with CORS, version and contact', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.headers['access-control-allow-origin'], '*');
    const doc = response.json();
    assert.match(doc.openapi, /^3\.0\./);
    assert.match(doc.info.version, /^\d+\.\d+\.\d+$/);
    assert.ok(doc.info.contact.name && doc.info.contact.url && doc.info.contact.email);
    assert.ok(doc.paths['/health']);
    const validation = await new Validator().validate(doc);
    assert.equal(validation.valid, true, JSON.stringify(validation.errors));
  });

  it('follows the machine-checkable API design rules in every operation', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const problems: string[] = [];
    for (const [path, item] of Object.entries<Record<string, OpenApiOperation>>(doc.paths)) {
      // Relative to the server URL /api/v1 (checked in openapi.test.ts).
      if (!path.startsWith('/') || path.startsWith('/api/') || path.endsWith('/')) problems.push(`path ${path}`);
      for (const segment of path.split('/').filter(Boolean)) {
        if (!/^([a-z0-9]+(-[a-z0-9]+)*|\{[a-z][A-Za-z0-9]*\})$/.test(segment))
          problems.push(`segment "${segment}" of ${path} is not kebab-case`);
      }
      for (const [method, operation] of Object.entries(item)) {
        if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) problems.push(`method ${method} ${path}`);
        const parameters = operation.parameters ?? [];
        for (const parameter of parameters) {
          if (parameter.in === 'query' && !/^[a-z][A-Za-z0-9]*$/.test(parameter.name))
            problems.push(`query parameter ${parameter.name} of ${path} is not camelCase`);
        }
        const hasInput = operation.requestBody || parameters.some((p) => p.in === 'query' || p.in === 'path');
        if (hasInput && !operation.responses?.['400'])
          problems.push(`${method.toUpperCase()} ${path} does not document 400`);
      }
    }
    assert.deepEqual(problems, []);
  });

  it('sets API-Version and the security headers on API responses', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/health' });
    assert.equal(response.statusCode, 200);
    assert.equal(response.json().database, db.kind);
    assert.equal(response.headers['api-version'], '1.0.0');
    assert.equal(response.headers['cache-control'], 'no-store');
    assert.equal(response.headers['x-content-type-options'], 'nosniff');
    assert.equal(response.headers['x-frame-options'], 'DENY');
    assert.equal(response.headers['referrer-policy'], 'no-referrer');
    assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
  });

  it('answers unknown routes with application/problem+json', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/nope' });
    assert.equal(response.statusCode, 404);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    const problem = response.json();
    assert.equal(problem.status, 404);
    assert.ok(problem.title && problem.detail);
  });
});

describe('request logging', () => {
  it('logs paths without query strings or tracking codes', async () => {
    const db = await openTestDb({ empty: true });
    const lines: string[] = [];
    const app = await buildApp(
      { db, clock: fixedClock('2026-11-24T09:00:00+01:00'), config: testConfig({ LOG_LEVEL: 'info' }) },
      { logger: true, logStream: { write: (line) => lines.push(line) } },
    );
    try {
      await app.inject({ method: 'GET', url: '/api/v1/public/reports/WP-7K3M-Q9XD-2RPA-HT4C' });
      await app.inject({ method: 'GET', url: '/api/v1/health?q=Grote+Markt+2' });
    } finally {
      await app.close();
      await db.close();
    }
    const text = lines.join('');
    assert.match(text, /incoming request/);
    assert.match(text, /WP-\*\*\*\*/);
    assert.doesNotMatch(text, /7K3M/);
    assert.doesNotMatch(text, /Grote/);
    assert.equal(
      redactUrl('/api/v1/public/reports/wp-7k3m-q9xd-2rpa-ht4c/photos?x=1'),
      '/api/v1/public/reports/WP-****/photos',
    );
  });
});

describe('client address', () => {
  it('ignores X-Forwarded-For unless the proxy is trusted', async () => {
    assert.equal(trustProxySetting(''), false);
    assert.equal(trustProxySetting('true'), true);
    assert.deepEqual(trustProxySetting('10.0.0.1, 10.0.0.2'), ['10.0.0.1', '10.0.0.2']);
    const db = await openTestDb({ empty: true });
    const app = await buildApp(
      { db, clock: fixedClock('2026-11-24T09:00:00+01:00'), config: testConfig() },
      { extend: (instance) => void instance.get('/ip-probe', async (request) => ({ ip: request.ip })) },
    );
    try {
      const response = await app.inject({
        method: 'GET',
        url: '/ip-probe',
        headers: { 'x-forwarded-for': '203.0.113.9' },
      });
      assert.notEqual(response.json().ip, '203.0.113.9');
    } finally {
      await app.close();
      await db.close();
    }
  });
});

describe('request validation problems', () => {
  let db: Db;
  let app: App;
  before(async () => {
    db = await openTestDb({ empty: true });
    app = await buildApp(
      { db, clock: fixedClock('2026-11-24T09:00:00+01:00'), config: testConfig() },
      {
        extend: (instance) => {
          instance.post(
            '/api/v1/validation-probe',
            {
              schema: {
                querystring: z.object({ limit: z.coerce.number().int().max(10).optional() }),
                body: z.object({ name: z.string().min(2), place: z.object({ x: z.number() }) }),
              },
            },
            async () => ({ ok: true }),
          );
        },
      },
    );
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const problemsOf = async (url: string, payload: unknown) => {
    const response = await app.inject({ method: 'POST', url, payload: payload as object });
    assert.equal(response.statusCode, 400, response.body);
    assert.match(String(response.headers['content-type']), /application\/problem\+json/);
    const problem = response.json();
    assert.equal(problem.code, 'validation');
    return { detail: problem.detail, invalidParams: problem.invalidParams };
  };

  it('lists every field problem of the body with its path, zod message and zod code', async () => {
    assert.deepEqual(await problemsOf('/api/v1/validation-probe', { name: 'x', place: { x: 'east' } }), {
      detail: '2 field problem(s) in the body: body.name, body.place.x',
      invalidParams: [
        { name: 'body.name', reason: 'Too small: expected string to have >=2 characters', code: 'too_small' },
        { name: 'body.place.x', reason: 'Invalid input: expected number, received string', code: 'invalid_type' },
      ],
    });
  });

  it('names the part itself when the whole part is wrong, and the query part by its own name', async () => {
    assert.deepEqual((await problemsOf('/api/v1/validation-probe', [1])).invalidParams, [
      { name: 'body', reason: 'Invalid input: expected object, received array', code: 'invalid_type' },
    ]);
    assert.deepEqual(
      (await problemsOf('/api/v1/validation-probe?limit=11', { name: 'xy', place: { x: 1 } })).invalidParams,
      [{ name: 'querystring.limit', reason: 'Too big: expected number to be <=10', code: 'too_big' }],
    );
  });
});

describe('the API-Version header on error answers', () => {
  let db: Db;
  let app: App;
  before(async () => {
    db = await openTestDb({ empty: true });
    app = await buildApp(
      { db, clock: fixedClock('2026-11-24T09:00:00+01:00'), config: testConfig() },
      {
        extend: (instance) => {
          instance.get('/api/v1/version-probe/fails', async () => {
            throw new Error('boom');
          });
          instance.get(
            '/api/v1/version-probe/limited',
            { config: { rateLimit: { max: 1, timeWindow: 60_000 } } },
            async () => ({ ok: true }),
          );
          instance.post(
            '/api/v1/version-probe/guarded',
            { preHandler: requireRoles('administrator'), schema: { body: z.object({ name: z.string() }) } },
            async () => ({ ok: true }),
          );
        },
      },
    );
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('sends API-Version on 400, 401, 404, 415, 429 and 500 problem answers', async () => {
    const answers = [
      await app.inject({ method: 'POST', url: '/api/v1/validation-nowhere', payload: {} }),
      await app.inject({ method: 'POST', url: '/api/v1/version-probe/guarded', payload: {} }),
      await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        headers: { 'content-type': 'application/json' },
        payload: '{',
      }),
      await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        headers: { 'content-type': 'application/xml' },
        payload: 'x',
      }),
      await app.inject({ method: 'GET', url: '/api/v1/version-probe/limited' }),
      await app.inject({ method: 'GET', url: '/api/v1/version-probe/limited' }),
      await app.inject({ method: 'GET', url: '/api/v1/version-probe/fails' }),
    ];
    assert.deepEqual(
      answers.map((answer) => [answer.statusCode, answer.headers['api-version']]),
      [
        [404, '1.0.0'],
        [401, '1.0.0'],
        [400, '1.0.0'],
        [415, '1.0.0'],
        [200, '1.0.0'],
        [429, '1.0.0'],
        [500, '1.0.0'],
      ],
    );
    for (const answer of answers.filter((a) => a.statusCode >= 400))
      assert.match(String(answer.headers['content-type']), /^application\/problem\+json/);
  });
});
