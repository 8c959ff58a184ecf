/**
 * The hostile-input proof: generated hostile requests (test/hostile/arbitraries.ts) to every operation of the
 * OpenAPI document, anonymously, with an administrator's bearer token and with an officer's session cookie.
 * Never a 5xx; every 4xx is application/problem+json with the problem fields; a 4xx changes no stored data.
 *
 * Fixed seed, so CI sends the same requests every run. More locally:
 *   WIJKPOST_HOSTILE_RUNS=200 WIJKPOST_HOSTILE_SEED=$RANDOM npm test -- --no-browser test/hostile
 */
import assert from 'node:assert/strict';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import type { Db } from '../../src/db/db.ts';
import { startSession } from '../../src/domain/people/index.ts';
import { buildApp } from '../../src/http/app.ts';
import type { App } from '../../src/http/deps.ts';
import { SESSION_COOKIE } from '../../src/http/route-kit.ts';
import { registerWebUi } from '../../src/http/web.ts';
import { fixedClock } from '../../src/shared/clock.ts';
import { testConfig } from '../support/app.ts';
import { openTestDb } from '../support/db.ts';
import type { OpenApiDocument } from '../support/openapi.ts';
import { accessTable } from '../authz/access-table.ts';
import { destructiveLast, documentedOperations, type DocumentedOperation } from '../authz/requests.ts';
import { buildTwoMunicipalities, type TwoMunicipalities } from '../authz/two-municipalities.ts';
import { hostileRequest, type HostileRequest } from './arbitraries.ts';
import { fingerprinter } from './fingerprint.ts';

const API = '/api/v1';
const clock = fixedClock('2026-11-24T09:00:00+01:00');
/** Requests per operation (each with one of the three callers); 4 × 78 operations take about 30 s here. */
const RUNS = Number(process.env.WIJKPOST_HOSTILE_RUNS ?? 4);
const SEED = Number(process.env.WIJKPOST_HOSTILE_SEED ?? 20261130);

type Caller = 'anonymous' | 'administrator' | 'officer';

/** What is wrong with the answer to a hostile request, if anything. */
function answerProblem(
  op: DocumentedOperation,
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
): string | null {
  const status = response.statusCode;
  // The address routes call PDOK, which the tests point at a closed port: 503 is their documented answer then.
  const unavailableByDesign = status === 503 && op.path.startsWith('/addresses/');
  if (status >= 500 && !unavailableByDesign) return `${status}: ${response.body.slice(0, 300)}`;
  if (status < 400) return null;
  if (!/^application\/problem\+json/.test(String(response.headers['content-type'])))
    return `${status} as ${response.headers['content-type']}: ${response.body.slice(0, 200)}`;
  let problem: Record<string, unknown>;
  try {
    problem = JSON.parse(response.body);
  } catch {
    return `${status}: a problem+json body that is not JSON: ${response.body.slice(0, 200)}`;
  }
  const fields = ['type', 'title', 'detail'].filter((name) => typeof problem[name] !== 'string');
  if (fields.length || problem.status !== status)
    return `${status}: problem without ${fields.join(', ') || 'its status'}`;
  return null;
}

describe('hostile input to every operation: no 5xx, problem+json on every 4xx, no change on a 4xx', () => {
  let db: Db;
  let app: App;
  let operations: DocumentedOperation[];
  let world: TwoMunicipalities;
  let fingerprint: () => Promise<string>;

  before(async () => {
    db = await openTestDb();
    const deps = { db, clock, config: testConfig({ PDOK_LOCATIESERVER_URL: 'http://127.0.0.1:9' }) };
    const noWebUi = join(tmpdir(), 'wijkpost-hostile-test-no-web-ui');
    app = await buildApp(deps, { extend: (instance) => registerWebUi(instance, deps, { distDir: noWebUi }) });
    const doc: OpenApiDocument = (await app.inject({ method: 'GET', url: `${API}/openapi.json` })).json();
    operations = documentedOperations(doc).sort(destructiveLast);
    world = await buildTwoMunicipalities(app, db);
    fingerprint = await fingerprinter(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  /** Fresh sign-ins per operation: a generated request may sign out (DELETE /sessions/current). */
  async function callers(): Promise<Record<Caller, Record<string, string>>> {
    const user = async (email: string) =>
      (await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email])).rows[0]!.id;
    const admin = await startSession({ db, clock }, await user('admin@haarlem.example'), 'bearer', 24);
    const officer = await startSession({ db, clock }, await user('sanne.bakker@haarlem.example'), 'cookie', 24);
    return {
      anonymous: {},
      administrator: { authorization: `Bearer ${admin.token}` },
      officer: { cookie: `${SESSION_COOKIE}=${officer.token}` },
    };
  }

  it(`answers ${RUNS} generated requests per operation (seed ${SEED}) as the proof says`, async () => {
    const failures: string[] = [];
    for (const [index, op] of operations.entries()) {
      const auth = await callers();
      let baseline = await fingerprint();
      const send = async (caller: Caller, request: HostileRequest) => {
        const response = await app.inject({
          method: op.method as 'GET',
          url: API + request.url,
          headers: { ...request.headers, ...auth[caller] },
          payload: request.payload,
        });
        const wrong = answerProblem(op, response);
        if (wrong) throw new Error(wrong);
        const now = await fingerprint();
        if (response.statusCode >= 400 && now !== baseline)
          throw new Error(`${response.statusCode} but stored data changed: ${diff(baseline, now)}`);
        baseline = now;
      };
      const property = fc.asyncProperty(
        callerFor(op),
        hostileRequest(op.path, op.operation, world.own, world.other),
        send,
      );
      // No shrinking: the data changes between runs, and the first failing request is the one to read.
      const result = await fc.check(property, { numRuns: RUNS, seed: SEED + index, endOnFailure: true });
      if (result.failed) {
        const [caller, request] = result.counterexample ?? [];
        const headers = Object.fromEntries(Object.entries(request?.headers ?? {}).map(([k, v]) => [k, v.slice(0, 80)]));
        const shown = { caller, ...request, headers, payload: request?.payload?.slice(0, 300) };
        failures.push(`${op.key} ${JSON.stringify(shown)}\n  → ${String(result.errorInstance)}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it('answers what it once found giving a 500 with a 400 naming the field: moments outside years 1900–2999', async () => {
    const auth = await callers();
    const year0 = '0001-01-01T00:00:00+14:00'; // 0000-12-31 in UTC
    const year10000 = '9999-12-31T23:59:59-12:00'; // 10000-01-01 in UTC
    const at = { type: 'Point', coordinates: [4.6365, 52.3812] };
    const found: Array<[string, string, Caller, object | undefined, string]> = [
      ['POST', '/analysis/patrol-plans', 'administrator', { weekStart: '9999-12-27' }, 'body.weekStart'],
      [
        'POST',
        '/district-meetings',
        'officer',
        { districtCode: 'WK039201', startsAt: year10000, title: 'W' },
        'body.startsAt',
      ],
      [
        'POST',
        '/observations',
        'officer',
        { categoryCode: 'hondenpoep', location: at, observedAt: year0 },
        'body.observedAt',
      ],
      [
        'POST',
        '/reports',
        'anonymous',
        { category: 'hondenpoep', description: 'x', location: at, occurredAt: year0 },
        'body.occurredAt',
      ],
      [
        'GET',
        `/analysis/time-profile?from=${encodeURIComponent(year0)}`,
        'administrator',
        undefined,
        'querystring.from',
      ],
      [
        'GET',
        `/reports?createdTo=${encodeURIComponent(year10000)}`,
        'administrator',
        undefined,
        'querystring.createdTo',
      ],
      ['GET', `/district-meetings?to=${encodeURIComponent(year10000)}`, 'officer', undefined, 'querystring.to'],
      ['GET', `/observations?from=${encodeURIComponent(year0)}`, 'officer', undefined, 'querystring.from'],
      ['GET', `/analysis/unreported?from=${encodeURIComponent(year0)}`, 'administrator', undefined, 'querystring.from'],
    ];
    const before = await fingerprint();
    const wrong: string[] = [];
    for (const [method, url, caller, payload, field] of found) {
      const response = await app.inject({ method: method as 'GET', url: API + url, headers: auth[caller], payload });
      const names = (response.json().invalidParams ?? []).map((p: { name: string }) => p.name);
      if (response.statusCode !== 400 || !names.includes(field))
        wrong.push(`${method} ${url}: ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    assert.deepEqual(wrong, []);
    assert.equal(await fingerprint(), before);
  });
});

/** Mostly a caller the access table lets in, so the input gets past the guards; sometimes one it refuses. */
function callerFor(op: DocumentedOperation): fc.Arbitrary<Caller> {
  const row = accessTable[op.key];
  const allowed = (caller: Caller) =>
    row?.allow === 'public' ||
    (caller !== 'anonymous' && (row?.allow === 'staff' || (Array.isArray(row?.allow) && row.allow.includes(caller))));
  const callers: Caller[] = ['anonymous', 'administrator', 'officer'];
  return fc.oneof(...callers.map((caller) => ({ weight: allowed(caller) ? 4 : 1, arbitrary: fc.constant(caller) })));
}

function diff(before: string, after: string): string {
  const was = new Set(before.split(' '));
  return after
    .split(' ')
    .filter((entry) => !was.has(entry))
    .map((entry) => entry.split('=')[0])
    .join(', ');
}
