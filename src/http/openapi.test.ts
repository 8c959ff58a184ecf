/**
 * The OpenAPI document tells the truth: what it declares about access, errors and headers is checked against
 * the running app operation by operation, so every route (a new one too) is covered without a line here.
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import type { Db } from '../db/db.ts';
import { bearerFor, testConfig } from '../../test/support/app.ts';
import { openTestDb } from '../../test/support/db.ts';
import {
  isPublic,
  operationsOf,
  sampleRequest,
  type OpenApiDocument,
  type Operation,
} from '../../test/support/openapi.ts';
import { fixedClock } from '../shared/clock.ts';
import { buildApp } from './app.ts';
import type { App } from './deps.ts';
import { optionalStaff, problemSchema, requireRoles, requireStaff } from './route-kit.ts';
import { registerWebUi } from './web.ts';

const clock = fixedClock('2026-11-24T09:00:00+01:00');
const API = '/api/v1';

describe('the OpenAPI document against the app', () => {
  let db: Db;
  let app: App;
  let doc: OpenApiDocument;
  before(async () => {
    db = await openTestDb();
    // Port 9 refuses: the address routes answer 503 instead of calling PDOK.
    const deps = { db, clock, config: testConfig({ PDOK_LOCATIESERVER_URL: 'http://127.0.0.1:9' }) };
    const noWebUi = join(tmpdir(), 'wijkpost-openapi-test-no-web-ui');
    app = await buildApp(deps, { extend: (instance) => registerWebUi(instance, deps, { distDir: noWebUi }) });
    doc = (await app.inject({ method: 'GET', url: `${API}/openapi.json` })).json();
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('names the major version in its server URL, and the paths under it', () => {
    assert.deepEqual(
      doc.servers.map((server) => server.url),
      [API],
    );
    const paths = Object.keys(doc.paths);
    assert.ok(paths.includes('/reports') && paths.includes('/health'));
    assert.deepEqual(
      paths.filter((path) => path.startsWith('/api/')),
      [],
    );
  });

  it('documents the API-Version header on every answer and every error as application/problem+json', () => {
    const problems: string[] = [];
    for (const { method, path, operation } of operationsOf(doc)) {
      for (const [status, response] of Object.entries(operation.responses)) {
        if (!response.headers?.['API-Version']) problems.push(`${method} ${path} ${status}: no API-Version`);
        if (!/^[45]/.test(status)) continue;
        const types = Object.keys(response.content ?? {});
        const schema = response.content?.['application/problem+json']?.schema;
        if (types.join() !== 'application/problem+json' || schema?.$ref !== '#/components/schemas/Problem')
          problems.push(`${method} ${path} ${status}: ${types.join()} ${JSON.stringify(schema)}`);
      }
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(doc.components.schemas.Problem!.required, ['type', 'title', 'status', 'detail']);
  });

  it('documents 400 on every operation with input and on every POST, PUT and PATCH', () => {
    const missing = operationsOf(doc)
      .filter(({ method, operation }) => {
        const input = operation.requestBody || operation.parameters?.some((p) => p.in !== 'cookie');
        return (input || ['POST', 'PUT', 'PATCH'].includes(method)) && !operation.responses['400'];
      })
      .map(({ method, path }) => `${method} ${path}`);
    assert.deepEqual(missing, []);
  });

  it('documents 503 (database unreachable) on every operation and 413 on every POST, PUT and PATCH', () => {
    const missing = operationsOf(doc).flatMap(({ method, path, operation }) => [
      ...(operation.responses['503'] ? [] : [`${method} ${path}: 503`]),
      ...(['POST', 'PUT', 'PATCH'].includes(method) && !operation.responses['413'] ? [`${method} ${path}: 413`] : []),
    ]);
    assert.deepEqual(missing, []);
  });

  it('refuses an anonymous call with 401 on every operation that declares security, whatever it sends', async () => {
    const secured = operationsOf(doc).filter(({ operation }) => !isPublic(operation));
    assert.ok(secured.length > 40, `only ${secured.length} secured operations`);
    const wrong: string[] = [];
    for (const { method, path, operation } of secured) {
      assert.ok(operation.responses['401'], `${method} ${path} documents no 401`);
      const url = API + path.replace(/\{[^}]+\}/g, 'x');
      const response = await app.inject({ method: method as 'GET', url });
      if (response.statusCode !== 401 || response.headers['api-version'] !== '1.0.0')
        wrong.push(`${method} ${path}: ${response.statusCode} ${response.headers['api-version']}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('refuses staff without one of the named roles with 403 on every operation that names its roles', async () => {
    const users = (await db.query<{ id: string; roles: string[] }>('SELECT id, roles FROM users WHERE active')).rows;
    const restricted = operationsOf(doc).filter(({ operation }) => operation['x-roles']);
    assert.ok(restricted.length > 30, `only ${restricted.length} operations name roles`);
    const wrong: string[] = [];
    for (const { method, path, operation } of restricted) {
      assert.ok(operation.responses['403'], `${method} ${path} documents no 403`);
      const allowed = operation['x-roles']!;
      const outsider = users.find((user) => !user.roles.some((role) => allowed.includes(role)));
      if (!outsider) {
        wrong.push(`${method} ${path}: no demo user without ${allowed.join(', ')}`);
        continue;
      }
      const url = API + path.replace(/\{[^}]+\}/g, 'x');
      const response = await app.inject({ method: method as 'GET', url, headers: await bearerFor(db, outsider.id) });
      if (response.statusCode !== 403) wrong.push(`${method} ${path}: ${response.statusCode} for ${outsider.roles}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('serves every operation that declares no security to an anonymous caller', async () => {
    const open = operationsOf(doc).filter(({ operation }) => isPublic(operation));
    assert.ok(open.length >= 20, `only ${open.length} public operations`);
    const wrong: string[] = [];
    for (const { method, path, operation } of open) {
      const { url, headers, payload } = sampleRequest(path, operation);
      const response = await app.inject({ method: method as 'GET', url: API + url, headers, payload });
      const problem = response.statusCode >= 400 ? (response.json() as { detail?: string }) : {};
      // Refused for want of a sign-in or a role, or stopped by the request check before the handler could say so.
      const refused = [401, 403].includes(response.statusCode) && !isCredentialCheck(method, path);
      const unchecked = /field problem\(s\) in the (body|querystring|params|headers)/.test(problem.detail ?? '');
      if (refused || unchecked) wrong.push(`${method} ${path}: ${response.statusCode} ${problem.detail}`);
    }
    assert.deepEqual(wrong, []);
  });
});

/** Signing in answers a wrong password with 401: that checks the credentials sent, it does not ask for a sign-in. */
function isCredentialCheck(method: string, path: string): boolean {
  return method === 'POST' && path === '/sessions';
}

describe('what a route declares by its options', () => {
  let db: Db;
  let app: App;
  let doc: OpenApiDocument;
  const operation = (method: string, path: string): Operation => doc.paths[path]![method]!;
  before(async () => {
    db = await openTestDb({ empty: true });
    app = await buildApp(
      { db, clock, config: testConfig() },
      {
        extend: (probe) => {
          const ok = async () => ({ ok: true });
          const okSchema = { 200: z.object({ ok: z.boolean() }) };
          const query = z.object({ n: z.coerce.number().int().max(5) });
          probe.get(`${API}/probe/roles`, { preHandler: requireRoles('analyst'), schema: { querystring: query } }, ok);
          probe.get(`${API}/probe/staff`, { onRequest: requireStaff(), schema: { response: okSchema } }, ok);
          probe.get(`${API}/probe/optional`, { onRequest: optionalStaff(), schema: { response: okSchema } }, ok);
          probe.get(`${API}/probe/open`, { schema: { response: okSchema } }, ok);
          const limit = { rateLimit: { max: 1, timeWindow: 60_000 } };
          probe.post(`${API}/probe/limited`, { config: limit, schema: { response: okSchema } }, ok);
          probe.get('/elsewhere/probe', { schema: { response: okSchema } }, ok);
        },
      },
    );
    doc = (await app.inject({ method: 'GET', url: `${API}/openapi.json` })).json();
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('declares security, 401, 403 and the roles from a requireRoles guard, and checks it before the input', async () => {
    const guarded = operation('get', '/probe/roles');
    assert.deepEqual(guarded.security, [{ bearerAuth: [] }, { cookieAuth: [] }]);
    assert.deepEqual(guarded['x-roles'], ['analyst']);
    assert.ok(guarded.responses['400'] && guarded.responses['401'] && guarded.responses['403']);
    const anonymous = await app.inject({ method: 'GET', url: `${API}/probe/roles?n=99` });
    assert.equal(anonymous.statusCode, 401);
  });

  it('declares 401 without 403 for any signed-in staff, and `{}` beside the schemes for an optional sign-in', () => {
    const staff = operation('get', '/probe/staff');
    assert.deepEqual(staff.security, [{ bearerAuth: [] }, { cookieAuth: [] }]);
    assert.ok(staff.responses['401'] && !staff.responses['403'] && !staff['x-roles']);
    const optional = operation('get', '/probe/optional');
    assert.deepEqual(optional.security, [{}, { bearerAuth: [] }, { cookieAuth: [] }]);
    assert.ok(!optional.responses['401']);
    assert.equal(operation('get', '/probe/open').security, undefined);
  });

  it('declares 400 on a POST without input, 429 with a rate limit, and leaves out routes outside /api/v1', async () => {
    const limited = operation('post', '/probe/limited');
    assert.ok(limited.responses['400'] && limited.responses['429']);
    assert.equal(doc.paths['/elsewhere/probe'], undefined);
    const malformed = await app.inject({
      method: 'POST',
      url: `${API}/probe/limited`,
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    assert.equal(malformed.statusCode, 400);
    assert.match(String(malformed.headers['content-type']), /application\/problem\+json/);
  });

  it('refuses to build a route that documents an error answer with another schema than the problem', async () => {
    const other = await openTestDb({ empty: true });
    try {
      await assert.rejects(
        buildApp(
          { db: other, clock, config: testConfig() },
          {
            extend: (probe) =>
              void probe.get(
                `${API}/probe/odd-error`,
                { schema: { response: { 404: z.object({ message: z.string() }) } } },
                async () => {},
              ),
          },
        ),
        /GET \/api\/v1\/probe\/odd-error documents 404 with another schema than problemSchema/,
      );
      const described = problemSchema.describe('Not there');
      const app2 = await buildApp(
        { db: other, clock, config: testConfig() },
        {
          extend: (probe) =>
            void probe.get(`${API}/probe/described`, { schema: { response: { 404: described } } }, async () => {}),
        },
      );
      const doc2: OpenApiDocument = (await app2.inject({ method: 'GET', url: `${API}/openapi.json` })).json();
      assert.equal(
        (doc2.paths['/probe/described']!.get!.responses['404'] as { description?: string }).description,
        'Not there',
      );
      await app2.close();
    } finally {
      await other.close();
    }
  });
});
