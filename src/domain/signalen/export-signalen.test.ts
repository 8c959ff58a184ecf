import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import type { Role, StaffUser } from '../../shared/staff.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { assignReport, changeReportStatus, createReport } from '../reports/index.ts';
import { parseCategoryMapping } from './category-mapping.ts';
import { importSignalen } from './import-signalen.ts';
import { readSignals } from './read-signals.ts';
import type { SignalenSignal } from './schemas.ts';
import { districtPoints, generateSignals, testMappingCsv } from './test-fixtures.ts';

const NOW = '2026-11-24T09:00:00+01:00';
const clock = fixedClock(NOW);

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

async function userId(db: Db, email: string): Promise<string> {
  return (await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email])).rows[0]!.id;
}

interface Snapshot {
  key: string;
  status: string;
  category: string;
  district: string;
  neighbourhood: string | null;
  description: string;
  address: string | null;
  created: string;
  occurred: string | null;
  closed: string | null;
  deadline: string;
  urgent: boolean;
  x: number;
  y: number;
  history: string;
}

/** Everything a move must keep, per report, keyed by the text (unique in these tests). */
async function snapshot(db: Db): Promise<Map<string, Snapshot>> {
  const { rows } = await db.query<Snapshot>(
    `SELECT r.description AS key, r.status, c.code AS category, r.district_code AS district,
            r.neighbourhood_code AS neighbourhood, r.description, r.address_text AS address,
            to_char(r.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS created,
            to_char(r.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS occurred,
            to_char(r.closed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS closed,
            to_char(r.deadline AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS') AS deadline, r.urgent,
            ST_X(r.location) AS x, ST_Y(r.location) AS y,
            (SELECT string_agg(h.action || ':' || coalesce(h.to_status, '') || ':' || coalesce(h.text, '') || '@' ||
                               to_char(h.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS'), ' | ' ORDER BY h.id)
               FROM report_history h WHERE h.report_id = r.id AND h.action IN ('status_changed', 'note')) AS history
       FROM reports r JOIN categories c ON c.id = r.category_id`,
  );
  return new Map(rows.map((row) => [row.key, row]));
}

describe('GET /api/v1/exports/signalen', () => {
  let source: Db;
  let app: App;
  let admin: { authorization: string };
  const pages: Array<Record<string, unknown>> = [];

  before(async () => {
    source = await openTestDb();
    const points = await districtPoints(source, 3);
    const generated = generateSignals(points, 250, 5);
    const summary = await importSignalen(
      { db: source, clock },
      { municipalityCode: 'GM0392', mapping: parseCategoryMapping(testMappingCsv, 'm.csv') },
      readSignals(once(JSON.stringify(generated.signals))),
    );
    assert.equal(summary.imported, 250);
    await fileNativeReports(source);
    app = await testApp(source, { clock });
    admin = await bearerFor(source, await userId(source, 'admin@haarlem.example'), clock);
    let url: string | null = '/api/v1/exports/signalen?pageSize=100';
    while (url !== null) {
      const response: { statusCode: number; body: string; json(): unknown } = await app.inject({
        method: 'GET',
        url,
        headers: admin,
      });
      assert.equal(response.statusCode, 200, response.body);
      const page = response.json() as Record<string, unknown> & { _links: { next: { href: string | null } } };
      pages.push(page);
      url = page._links.next.href;
    }
  });
  after(async () => {
    await app.close();
    await source.close();
  });

  it('is for administrators only', async () => {
    const coordinator = await bearerFor(source, await userId(source, 'coordinator.oost@haarlem.example'), clock);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/exports/signalen' })).statusCode, 401);
    const refused = await app.inject({ method: 'GET', url: '/api/v1/exports/signalen', headers: coordinator });
    assert.equal(refused.statusCode, 403);
    assert.match(String(refused.headers['content-type']), /application\/problem\+json/);
  });

  it('pages like the Signalen API: count, results, _links.next until null; a foreign cursor is a 400', async () => {
    assert.equal(pages.length, 3);
    assert.deepEqual(
      pages.map((page) => (page.results as unknown[]).length),
      [100, 100, 54],
    );
    assert.ok(pages.every((page) => page.count === 254));
    assert.equal((pages[2]!._links as { next: { href: null } }).next.href, null);
    const ids = pages.flatMap((page) => (page.results as Array<{ id: string }>).map((signal) => signal.id));
    assert.equal(new Set(ids).size, 254, 'no report twice, none left out');
    const bad = await app.inject({ method: 'GET', url: '/api/v1/exports/signalen?cursor=bm9wZQ', headers: admin });
    assert.equal(bad.statusCode, 400);
  });

  it('writes the Signalen item shape and never reporter contact', async () => {
    const all = pages.flatMap((page) => page.results as SignalenSignal[]);
    const native = all.find((signal) => signal.text === 'Export: opgelost met contact')!;
    assert.equal(native.status.state, 'o');
    assert.equal(native.status.state_display, 'Afgehandeld');
    assert.equal(native.status.text, 'Netjes opgeruimd');
    assert.deepEqual(native.reporter, { email: '*****', phone: '*****', sharing_allowed: true, allows_contact: true });
    assert.equal(native.category.sub_slug, 'grofvuil');
    assert.equal(native.category.main_slug, 'afval');
    assert.equal(native.location.geometrie.type, 'Point');
    assert.ok(native.history.some((h) => h.action === 'Status gewijzigd naar: Afgehandeld'));
    const imported = all.find((signal) => signal.id_display === 'SIG-100001')!;
    assert.equal(imported.source, 'signalen');
    const body = JSON.stringify(pages);
    assert.ok(!body.includes('@example.org'), 'no e-mail address of a reporter');
    assert.ok(!body.includes('0612345678') && !body.includes('0698765432'), 'no phone number of a reporter');
  });

  it('round-trips: export → import into a municipality without reports gives the same reports', async () => {
    const target = await openTestDb();
    try {
      // Pages one after the other, as `curl "$next" >> dump.json` makes them.
      const dump = pages.map((page) => JSON.stringify(page)).join('\n');
      const summary = await importSignalen(
        { db: target, clock },
        { municipalityCode: 'GM0392', mapping: null },
        readSignals(once(dump)),
      );
      assert.equal(summary.imported, 254, JSON.stringify(summary.skipped.slice(0, 3)));
      const [before, after] = [await snapshot(source), await snapshot(target)];
      assert.equal(after.size, before.size);
      for (const [key, original] of before) {
        const copy = after.get(key);
        assert.ok(copy, `${key} is missing after the round trip`);
        // Forwarded means "with a partner", which the Signalen shape cannot say: it comes back as in progress.
        const expected =
          original.status === 'forwarded' ? { ...original, status: 'in_progress', history: copy.history } : original;
        // The point goes through CRS84 and back: the same place within a millimetre.
        assert.ok(Math.hypot(copy.x - original.x, copy.y - original.y) < 0.001, `${key} moved`);
        assert.deepEqual({ ...copy, x: 0, y: 0 }, { ...expected, x: 0, y: 0 });
      }
      const contact = await target.query(
        `SELECT 1 FROM reports WHERE reporter_email IS NOT NULL OR reporter_phone IS NOT NULL`,
      );
      assert.equal(contact.rows.length, 0, "masked contact ('*****') is not taken for an address");
      const again = await importSignalen(
        { db: source, clock },
        { municipalityCode: 'GM0392', mapping: null },
        readSignals(once(dump)),
      );
      assert.equal(again.imported, 0, 'read back into the installation it came from, nothing is added');
    } finally {
      await target.close();
    }
  });
});

/** Four reports filed in Wijkpost: with contact, resolved, forwarded to a partner, and a note. */
async function fileNativeReports(db: Db) {
  const file = async (description: string, category: string, reporter?: Record<string, unknown>) => {
    const outcome = await createReport(
      { db, clock },
      {
        body: {
          category,
          description,
          location: { type: 'Point', coordinates: [4.6365, 52.3812] },
          address: 'Grote Markt 2, Haarlem',
          ...(reporter ? { reporter } : {}),
        },
        contentCrs: undefined,
        caller: { staff: null, ip: '127.0.0.1' },
        idempotencyKey: undefined,
      },
    );
    return outcome.report.id;
  };
  const actor = await staffUser(db, 'admin@haarlem.example');
  const resolved = await file('Export: opgelost met contact', 'grofvuil', {
    email: 'bewoner@example.org',
    phone: '0698765432',
    consentToShareWithPartners: true,
  });
  await changeReportStatus({ db, clock }, { actor, reportId: resolved, status: 'in_progress' });
  await changeReportStatus({ db, clock }, { actor, reportId: resolved, status: 'resolved', text: 'Netjes opgeruimd' });
  await file('Export: nieuw', 'hondenpoep');
  const forwarded = await file('Export: bij de partner', 'veeg-zwerfvuil');
  const partner = await db.query<{ id: string }>(`SELECT id FROM teams WHERE kind = 'partner' LIMIT 1`);
  await assignReport({ db, clock }, { actor, reportId: forwarded, kind: 'partner', id: partner.rows[0]!.id });
  const planned = await file('Export: ingepland', 'fietswrak');
  await changeReportStatus({ db, clock }, { actor, reportId: planned, status: 'planned', text: 'Donderdag' });
}

async function staffUser(db: Db, email: string): Promise<StaffUser> {
  const { rows } = await db.query<{ id: string; name: string; municipality_code: string; roles: Role[] }>(
    'SELECT id, name, municipality_code, roles FROM users WHERE email = $1',
    [email],
  );
  const row = rows[0]!;
  return { id: row.id, name: row.name, email, municipalityCode: row.municipality_code, roles: row.roles, teamId: null };
}
