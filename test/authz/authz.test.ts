/**
 * The authorization proof: every operation of the OpenAPI document × every role × anonymous × this
 * municipality's records versus another's, held to one table (access-table.ts). A new operation without a row
 * fails here with the row to add.
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../src/db/db.ts';
import { roles, type Role } from '../../src/domain/people/index.ts';
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/deps.ts';
import { registerWebUi } from '../../src/http/web.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { testConfig } from '../support/app.ts';
import { openTestDb } from '../support/db.ts';
import { isPublic, type OpenApiDocument } from '../support/openapi.ts';
import { accessTable, type Access } from './access-table.ts';
import {
  destructiveLast,
  documentedOperations,
  pathParameters,
  requestFor,
  type DocumentedOperation,
} from './requests.ts';
import { buildTwoMunicipalities, type Records, type TwoMunicipalities } from './two-municipalities.ts';

const API = '/api/v1';
const clock = fixedClock('2026-11-24T09:00:00+01:00');

/** The row a new operation would get from what the document declares: a starting point to check, not a verdict. */
function suggestedRow({ key, path, operation }: DocumentedOperation): string {
  const allow = isPublic(operation)
    ? `'public'`
    : operation['x-roles']
      ? `[${operation['x-roles'].map((role) => `'${role}'`).join(', ')}]`
      : `'staff'`;
  const scope = pathParameters(path).length ? `, scope: '${isPublic(operation) ? 'public' : 'own'}'` : '';
  return `'${key}': { allow: ${allow}${scope} },`;
}

const allows = (access: Access, role: Role) =>
  access.allow === 'public' || access.allow === 'staff' || access.allow.includes(role);

describe('authorization: every operation × every role × anonymous × own versus another municipality', () => {
  let db: Db;
  let app: App;
  let operations: DocumentedOperation[];
  let world: TwoMunicipalities;
  const rowOf = (op: DocumentedOperation): Access => accessTable[op.key]!;
  const hasRecords = (op: DocumentedOperation) =>
    pathParameters(op.path).every((name) => world.own[name] !== undefined && world.other[name] !== undefined);
  /** The operations with a row and records for their path; the first test names the others. */
  const tabled = () => operations.filter((op) => accessTable[op.key] && hasRecords(op));
  const send = (op: DocumentedOperation, records: Records, auth: Record<string, string> = {}) => {
    const { url, headers, payload } = { ...requestFor(op, records), ...world.bodies[op.key] };
    return app.inject({ method: op.method as 'GET', url: API + url, headers: { ...headers, ...auth }, payload });
  };

  before(async () => {
    db = await openTestDb();
    // Port 9 refuses: the address routes answer 503 instead of calling PDOK.
    const deps = { db, clock, config: testConfig({ PDOK_LOCATIESERVER_URL: 'http://127.0.0.1:9' }) };
    const noWebUi = join(tmpdir(), 'wijkpost-authz-test-no-web-ui');
    app = await buildApp(deps, { extend: (instance) => registerWebUi(instance, deps, { distDir: noWebUi }) });
    const doc: OpenApiDocument = (await app.inject({ method: 'GET', url: `${API}/openapi.json` })).json();
    operations = documentedOperations(doc).sort(destructiveLast);
    world = await buildTwoMunicipalities(app, db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('has a row for every operation of the document, and none for an operation it lacks', () => {
    const missing = operations.filter((op) => !accessTable[op.key]).map(suggestedRow);
    const keys = new Set(operations.map((op) => op.key));
    const stale = Object.keys(accessTable).filter((key) => !keys.has(key));
    assert.deepEqual(
      { missing, stale },
      { missing: [], stale: [] },
      `test/authz/access-table.ts: ${missing.length ? `add these rows (check them):\n${missing.join('\n')}\n` : ''}` +
        `${stale.length ? `remove the rows of operations the document no longer has: ${stale.join(', ')}` : ''}`,
    );
    const unscoped = tabled()
      .filter((op) => pathParameters(op.path).length && !rowOf(op).scope)
      .map((op) => op.key);
    assert.deepEqual(unscoped, [], "operations with a record in the path need scope 'own' or 'public'");
    const unrecorded = operations.filter((op) => !hasRecords(op)).map((op) => op.key);
    assert.deepEqual(
      unrecorded,
      [],
      'operations with a path parameter that names no record: give both municipalities one in createRecords ' +
        '(test/authz/two-municipalities.ts)',
    );
  });

  it('refuses an anonymous caller with 401 on every operation that is not public', async () => {
    const wrong: string[] = [];
    for (const op of tabled().filter((op) => rowOf(op).allow !== 'public')) {
      const response = await send(op, world.own);
      if (response.statusCode !== 401) wrong.push(`${op.key}: ${response.statusCode}`);
    }
    assert.deepEqual(wrong, []);
  });

  it('refuses every role the row does not allow, with 403 (or the 404 the row names)', async () => {
    const wrong: string[] = [];
    for (const op of tabled()) {
      const row = rowOf(op);
      for (const role of roles.filter((role) => !allows(row, role))) {
        const response = await send(op, world.own, world.as[role]);
        if (response.statusCode !== (row.refused ?? 403)) wrong.push(`${op.key} as ${role}: ${response.statusCode}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it("never serves another municipality's record to a user of this one: 404 for every allowed role", async () => {
    const wrong: string[] = [];
    for (const op of tabled().filter((op) => rowOf(op).scope === 'own')) {
      for (const role of roles.filter((role) => allows(rowOf(op), role))) {
        const response = await send(op, world.other, world.as[role]);
        if (response.statusCode !== 404) wrong.push(`${op.key} as ${role}: ${response.statusCode}`);
      }
    }
    assert.deepEqual(wrong, []);
  });

  it('lets every allowed role (and anyone on a public operation) past the access check on its own records', async () => {
    const wrong: string[] = [];
    for (const op of tabled()) {
      const row = rowOf(op);
      const callers: Array<[Role | 'anonymous', Record<string, string>]> = roles
        .filter((role) => allows(row, role))
        .map((role) => [role, world.as[role]]);
      if (row.allow === 'public') callers.unshift(['anonymous', {}]);
      for (const [role, auth] of callers) {
        const response = await send(op, world.own, auth);
        const bound = role !== 'anonymous' && row.recordBound?.roles.includes(role) ? [403, 404] : [];
        const refused = [401, 403].includes(response.statusCode) && !bound.includes(response.statusCode);
        if (refused) wrong.push(`${op.key} as ${role}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      }
    }
    assert.deepEqual(wrong, []);
  });
});
