import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { emails, GROTE_MARKT, TEST_NOW } from '../../../test/support/reports-world.ts';

type Headers = { authorization: string };
interface Entry {
  id: string;
  at: string;
  actor: { id: string | null; name: string };
  action: string;
  record: { kind: string | null; id: string | null };
  outcome: string;
}

const reporter = { email: 'melder.audit@example.org', phone: '0612340000', name: 'Mevrouw Geheim' };
const description = 'Hondenpoep bij de deur van nummer 12, vertrouwelijk';

describe('audit trail', () => {
  let db: Db;
  let app: App;
  let admin: Headers;
  let adminId: string;
  let coordinator: Headers;
  let analyst: Headers;
  let reportId: string;
  const clock = fixedClock(TEST_NOW);

  const userId = async (email: string) =>
    (await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email])).rows[0]!.id;
  const auditRows = async () =>
    (await db.query<Record<string, unknown>>('SELECT * FROM audit_log ORDER BY at, action')).rows;
  const auditLog = async (query: string, headers: Headers = admin) => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/audit-log${query}`, headers });
    assert.equal(response.statusCode, 200, response.body);
    return response.json() as { entries: Entry[]; nextCursor: string | null };
  };

  before(async () => {
    db = await openTestDb();
    app = await testApp(db, { clock });
    adminId = await userId(emails.administrator);
    admin = await bearerFor(db, adminId);
    coordinator = await bearerFor(db, await userId(emails.coordinator));
    analyst = await bearerFor(db, await userId(emails.analyst));
    const filed = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'hondenpoep',
        description,
        location: GROTE_MARKT,
        reporter: { ...reporter, consentToShareWithPartners: false },
      },
      remoteAddress: '198.51.100.80',
    });
    assert.equal(filed.statusCode, 201, filed.body);
    reportId = filed.json().id;
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('writes nothing for a resident’s report', async () => {
    assert.deepEqual(await auditRows(), []);
  });

  it('records a staff change: who, what, when, which record, outcome', async () => {
    clock.advance(60_000);
    const changed = await app.inject({
      method: 'PATCH',
      url: '/api/v1/categories/grofvuil',
      headers: admin,
      payload: { deadline: { amount: 4, unit: 'workdays' } },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    const [entry] = (await auditLog('?recordKind=categories')).entries;
    assert.deepEqual(entry, {
      id: entry!.id,
      at: clock.now().toISOString(),
      actor: { id: adminId, name: 'Beheerder Wijkpost' },
      action: 'PATCH /api/v1/categories/:code',
      record: { kind: 'categories', id: 'grofvuil' },
      outcome: '200',
    });
  });

  it('names a created record by the id in the answer, and records nothing for a refused change', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: admin,
      payload: {
        code: 'bootjes',
        nameNl: 'Bootjes',
        nameEn: 'Boats',
        parentCode: 'afval',
        deadline: { amount: 2, unit: 'days' },
      },
    });
    assert.equal(created.statusCode, 201, created.body);
    const entries = (await auditLog('?action=POST')).entries;
    assert.deepEqual(entries[0]!.record, { kind: 'categories', id: created.json().id });
    const count = (await auditRows()).length;
    const refused = await app.inject({
      method: 'PATCH',
      url: '/api/v1/categories/grofvuil',
      headers: admin,
      payload: { deadline: { amount: 0, unit: 'weeks' } },
    });
    assert.equal(refused.statusCode, 400);
    assert.equal((await auditRows()).length, count);
  });

  it('records every view of a reporter’s contact, and no view without it', async () => {
    const before = (await auditRows()).length;
    const seen = await app.inject({ method: 'GET', url: `/api/v1/reports/${reportId}`, headers: coordinator });
    assert.equal(seen.statusCode, 200, seen.body);
    assert.equal(seen.json().reporter.email, reporter.email);
    const [view] = (await auditLog(`?recordKind=reports&recordId=${reportId}`)).entries;
    assert.equal(view!.action, 'view reporter contact');
    assert.equal(view!.actor.name, 'Marieke Hoekstra');
    assert.equal(view!.outcome, 'shown');

    const unseen = await app.inject({ method: 'GET', url: `/api/v1/reports/${reportId}`, headers: analyst });
    assert.equal(unseen.statusCode, 200, unseen.body);
    assert.equal(unseen.json().reporter, null);
    assert.equal((await auditRows()).length, before + 1, 'the analyst saw no contact: no entry');
  });

  it('records the privacy search: the request, and each report whose contact it showed', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/privacy/requests/search',
      headers: admin,
      payload: { email: reporter.email },
    });
    assert.equal(response.statusCode, 200, response.body);
    const views = (await auditLog(`?userId=${adminId}&action=contact`)).entries;
    assert.deepEqual(
      views.map((e) => e.record),
      [{ kind: 'reports', id: reportId }],
    );
    assert.equal((await auditLog('?action=privacy/requests/search')).entries.length, 1);
  });

  it('holds no personal data: no reporter e-mail, phone, name or free text', async () => {
    const dump = JSON.stringify(await auditRows()).toLowerCase();
    for (const secret of [reporter.email, reporter.phone, reporter.name, description, 'vertrouwelijk']) {
      assert.ok(!dump.includes(secret.toLowerCase()), secret);
    }
  });

  it('is append-only: the database refuses to change or remove an entry', async () => {
    await assert.rejects(db.query(`UPDATE audit_log SET actor_name = 'iemand anders'`), /append-only/);
    await assert.rejects(db.query(`DELETE FROM audit_log`), /append-only/);
    await assert.rejects(db.query(`TRUNCATE audit_log`), /append-only/);
    assert.ok((await auditRows()).every((row) => row.actor_name !== 'iemand anders'));
  });

  it('filters by period and pages by keyset without gaps or repeats', async () => {
    const all = (await auditLog('')).entries;
    assert.ok(all.length >= 4);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await auditLog(`?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.entries.map((e) => e.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(
      seen,
      all.map((e) => e.id),
    );
    const first = all.at(-1)!.at;
    const later = await auditLog(`?from=${encodeURIComponent(new Date(Date.parse(first) + 1).toISOString())}`);
    assert.equal(later.entries.length, all.filter((e) => e.at > first).length);
    assert.equal((await auditLog(`?to=${encodeURIComponent(first)}`)).entries.length, 0);
  });

  it('exports the selected entries as CSV', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/audit-log?format=csv', headers: admin });
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /^text\/csv/);
    assert.match(String(response.headers['content-disposition']), /attachment; filename="audit-log.csv"/);
    const records = parse(response.body, { columns: true }) as Record<string, string>[];
    assert.equal(records.length, (await auditRows()).length);
    assert.deepEqual(Object.keys(records[0]!), [
      'at',
      'userId',
      'userName',
      'action',
      'recordKind',
      'recordId',
      'outcome',
    ]);
    assert.ok(records.some((r) => r.action === 'view reporter contact' && r.recordId === reportId));
    const byAccept = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-log?recordKind=categories',
      headers: { ...admin, accept: 'text/csv' },
    });
    assert.equal(byAccept.body.trim().split('\r\n').length, 1 + 2);
  });

  it('is for administrators only, and lists every problem of a bad query', async () => {
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/audit-log', headers: coordinator })).statusCode, 403);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/audit-log' })).statusCode, 401);
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/audit-log?limit=0&userId=nobody&from=yesterday&cursor=abc',
      headers: admin,
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['querystring.from', 'querystring.limit', 'querystring.userId'],
    );
    const badCursor = await app.inject({ method: 'GET', url: '/api/v1/audit-log?cursor=abc', headers: admin });
    assert.equal(badCursor.statusCode, 400);
  });
});
