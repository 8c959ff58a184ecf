import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { GROTE_MARKT, TEST_NOW } from '../../../test/support/reports-world.ts';

type Headers = { authorization: string };

describe('data-subject requests: find, export, erase', () => {
  let db: Db;
  let app: App;
  let admin: Headers;
  const clock = fixedClock(TEST_NOW);
  const ids: Record<string, string> = {};

  const headersOf = async (email: string): Promise<Headers> => {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email]);
    return bearerFor(db, rows[0]!.id);
  };
  const file = async (name: string, reporter: Record<string, unknown>) => {
    clock.advance(60_000);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: {
        category: 'hondenpoep',
        description: `Melding ${name}`,
        location: GROTE_MARKT,
        reporter: { consentToShareWithPartners: true, ...reporter },
      },
      remoteAddress: '198.51.100.70',
    });
    assert.equal(response.statusCode, 201, response.body);
    ids[name] = response.json().id;
  };
  const post = (what: 'search' | 'erase', payload: unknown, headers: Headers | Record<string, never> = admin) =>
    app.inject({ method: 'POST', url: `/api/v1/privacy/requests/${what}`, payload: payload as object, headers });
  const search = async (payload: unknown, headers: Headers = admin) => {
    const response = await post('search', payload, headers);
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  const reportNames = (body: { reports: { id: string }[] }) =>
    body.reports.map((r) => Object.keys(ids).find((name) => ids[name] === r.id)).sort();

  before(async () => {
    db = await openTestDb();
    app = await testApp(db, { clock, env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    admin = await headersOf('admin@haarlem.example');
    await file('both', { email: 'Jan.Jansen@Example.org', phone: '06-12345678' });
    await file('emailOnly', { email: 'jan.jansen@example.org' });
    await file('phoneOnly', { phone: '+31 6 1234 5678', name: 'Jan Jansen' });
    await file('someoneElse', { email: 'piet@example.org', phone: '0687654321' });
    const { rows } = await db.query<{ public_id: string }>('SELECT public_id FROM reports WHERE id = $1', [
      ids.someoneElse,
    ]);
    const follow = await app.inject({
      method: 'POST',
      url: '/api/v1/public/report-followers',
      payload: { reportId: rows[0]!.public_id, email: 'JAN.JANSEN@example.org' },
      remoteAddress: '198.51.100.71',
    });
    assert.equal(follow.statusCode, 201, follow.body);
  });
  after(async () => {
    await app?.close();
    await db?.close();
  });

  it('admits administrators only: 401 anonymous, 403 other roles, before looking at the body', async () => {
    for (const what of ['search', 'erase'] as const) {
      assert.equal((await post(what, { email: 'jan.jansen@example.org' }, {})).statusCode, 401);
      assert.equal((await post(what, { nonsense: true }, {})).statusCode, 401);
      for (const role of ['coordinator.oost@haarlem.example', 'kcc@haarlem.example', 'analist@haarlem.example']) {
        const response = await post(what, { email: 'jan.jansen@example.org' }, await headersOf(role));
        assert.equal(response.statusCode, 403, `${what} ${role}`);
        assert.match(response.headers['content-type'] as string, /application\/problem\+json/);
      }
    }
    const empty = await post('search', {});
    assert.equal(empty.statusCode, 400);
    assert.match(empty.headers['content-type'] as string, /application\/problem\+json/);
    assert.equal((await post('erase', { phone: '06-abc' })).statusCode, 400);
    const large = await post('search', { email: 'a@example.org', padding: 'x'.repeat(5000) });
    assert.equal(large.statusCode, 413, 'a body beyond what an address needs is not read');
    assert.match(large.headers['content-type'] as string, /application\/problem\+json/);
  });

  it('finds reports and follows by e-mail address without regard to case, and exports them as JSON', async () => {
    const body = await search({ email: 'jan.jansen@EXAMPLE.org' });
    assert.deepEqual(Object.keys(body).sort(), [
      'follows',
      'generatedAt',
      'municipalityCode',
      'reports',
      'staffAccounts',
      'subject',
    ]);
    assert.deepEqual(body.subject, { email: 'jan.jansen@example.org', phone: null });
    assert.equal(body.municipalityCode, 'GM0392');
    assert.deepEqual(reportNames(body), ['both', 'emailOnly']);
    const both = body.reports.find((r: { id: string }) => r.id === ids.both);
    assert.deepEqual(both.reporter, {
      email: 'Jan.Jansen@Example.org',
      phone: '06-12345678',
      name: null,
      consentToShareWithPartners: true,
    });
    assert.deepEqual(both.matchedOn, ['email']);
    assert.equal(both.description, 'Melding both');
    assert.equal(both.category.code, 'hondenpoep');
    assert.match(both.trackingCode, /^WP/);
    assert.deepEqual(body.follows, [
      { reportId: ids.someoneElse, email: 'JAN.JANSEN@example.org', language: 'nl', since: body.follows[0].since },
    ]);
    assert.deepEqual(body.staffAccounts, []);
  });

  it('finds a phone number however it is typed', async () => {
    for (const phone of ['0612345678', '+31612345678', '0031 6 12345678', '(06) 1234-5678', '+31 (0)6 12345678']) {
      const body = await search({ phone });
      assert.deepEqual(reportNames(body), ['both', 'phoneOnly'], phone);
      assert.deepEqual(body.subject, { email: null, phone: '+31612345678' });
      assert.deepEqual(body.follows, [], 'follows are kept by e-mail address only');
    }
    assert.deepEqual(reportNames(await search({ phone: '+32 612345678' })), [], 'another country is another number');
  });

  it('finds staff accounts by e-mail address and by an officer’s public phone', async () => {
    const byEmail = await search({ email: 'KCC@haarlem.example' });
    assert.equal(byEmail.staffAccounts.length, 1);
    assert.deepEqual(byEmail.staffAccounts[0].matchedOn, ['email']);
    const { rows } = await db.query<{ user_id: string }>(
      `UPDATE officers SET public_phone = '023 511 4511'
        WHERE user_id = (SELECT id FROM users WHERE email = 'sanne.bakker@haarlem.example') RETURNING user_id`,
    );
    const byPhone = await search({ phone: '+31235114511' });
    assert.deepEqual(
      byPhone.staffAccounts.map((a: { id: string; publicPhone: string }) => [a.id, a.publicPhone]),
      [[rows[0]!.user_id, '023 511 4511']],
    );
  });

  it('records each request with who, when and counts, the address only as a salted hash', async () => {
    const before = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM privacy_requests');
    clock.advance(60_000);
    await search({ email: 'jan.jansen@example.org', phone: '06 12345678' });
    const { rows } = await db.query<Record<string, unknown>>(
      'SELECT * FROM privacy_requests ORDER BY at DESC, id DESC LIMIT 1',
    );
    const row = rows[0]!;
    assert.equal(
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM privacy_requests')).rows[0]!.n,
      before.rows[0]!.n + 1,
    );
    assert.equal(row.kind, 'search');
    assert.equal(row.actor_label, 'Beheerder Wijkpost');
    assert.deepEqual(row.counts, { reports: 3, follows: 1, staffAccounts: 0 });
    const text = JSON.stringify(row);
    for (const secret of ['jan.jansen', 'example.org', '12345678']) assert.ok(!text.includes(secret), secret);
    assert.deepEqual(
      (row.subject_hashes as { kind: string }[]).map((h) => h.kind),
      ['email', 'phone'],
    );
  });

  it('leaves another municipality untouched: its administrator finds and erases nothing here', async () => {
    await db.query(
      `INSERT INTO municipalities (code, name, slug) VALUES ('GM0363', 'Amsterdam', 'amsterdam') ON CONFLICT DO NOTHING`,
    );
    await db.query(
      `INSERT INTO users (municipality_code, email, name, roles) VALUES ('GM0363', 'admin@amsterdam.example', 'Amsterdamse beheerder', '{administrator}')`,
    );
    const stranger = await headersOf('admin@amsterdam.example');
    const subject = { email: 'jan.jansen@example.org', phone: '0612345678' };
    const found = await search(subject, stranger);
    assert.deepEqual([found.reports, found.follows, found.staffAccounts], [[], [], []]);
    const erased = await post('erase', subject, stranger);
    assert.equal(erased.statusCode, 200, erased.body);
    assert.deepEqual(
      { ...erased.json<Record<string, unknown>>(), requestId: null, erasedAt: null },
      {
        requestId: null,
        erasedAt: null,
        reports: 0,
        follows: 0,
        staffAccounts: 0,
      },
    );
    assert.deepEqual(reportNames(await search(subject)), ['both', 'emailOnly', 'phoneOnly']);
  });

  it('erases reporter contact and follows; the reports stay with a history entry; others keep theirs', async () => {
    const versions = await db.query<{ id: string; version: number }>(
      'SELECT id, version FROM reports WHERE id = ANY($1::uuid[])',
      [[ids.both, ids.phoneOnly]],
    );
    const response = await post('erase', { email: 'JAN.jansen@example.org', phone: '+31 6 12345678' });
    assert.equal(response.statusCode, 200, response.body);
    const receipt = response.json();
    assert.deepEqual(
      { ...receipt, requestId: null },
      {
        requestId: null,
        erasedAt: clock.now().toISOString(),
        reports: 3,
        follows: 1,
        staffAccounts: 0,
      },
    );

    const again = await search({ email: 'jan.jansen@example.org', phone: '0612345678' });
    assert.deepEqual([again.reports, again.follows], [[], []]);

    for (const name of ['both', 'emailOnly', 'phoneOnly']) {
      const detail = await app.inject({ method: 'GET', url: `/api/v1/reports/${ids[name]}`, headers: admin });
      assert.equal(detail.statusCode, 200, detail.body);
      const report = detail.json();
      assert.equal(report.description, `Melding ${name}`);
      assert.equal(report.reporter, null, name);
      const last = report.history.at(-1);
      assert.equal(last.action, 'contact_erased');
      assert.equal(last.text, 'Reporter contact erased on request');
      assert.equal(last.actor.label, 'Beheerder Wijkpost');
      for (const secret of ['jan.jansen', 'Jansen', '12345678']) assert.ok(!detail.body.includes(secret), secret);
    }
    const { rows: after } = await db.query<{ id: string; version: number; reporter_consent_share: boolean }>(
      'SELECT id, version, reporter_consent_share FROM reports WHERE id = ANY($1::uuid[])',
      [[ids.both, ids.phoneOnly]],
    );
    for (const row of after) {
      assert.equal(row.version, versions.rows.find((v) => v.id === row.id)!.version + 1, 'a stale screen is refused');
      assert.equal(row.reporter_consent_share, false);
    }

    const other = await search({ email: 'piet@example.org' });
    assert.deepEqual(other.reports[0].reporter, {
      email: 'piet@example.org',
      phone: '0687654321',
      name: null,
      consentToShareWithPartners: true,
    });

    const { rows } = await db.query<Record<string, unknown>>('SELECT * FROM privacy_requests WHERE id = $1', [
      receipt.requestId,
    ]);
    assert.equal(rows[0]!.kind, 'erase');
    assert.deepEqual(rows[0]!.counts, { reports: 3, follows: 1, staffAccounts: 0 });
    assert.ok(!JSON.stringify(rows[0]).includes('jansen'));
  });

  it('counts staff accounts but leaves them to user management', async () => {
    const response = await post('erase', { email: 'kcc@haarlem.example' });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().staffAccounts, 1);
    const { rows } = await db.query<{ active: boolean }>(
      `SELECT active FROM users WHERE email = 'kcc@haarlem.example'`,
    );
    assert.deepEqual(rows, [{ active: true }]);
  });
});
