import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { importSignalenCommand } from '../../cli/commands/import-signalen.ts';
import { fixedClock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { parseCategoryMapping } from './category-mapping.ts';
import { importSignalen, type SignalenImportSummary } from './import-signalen.ts';
import { readSignals } from './read-signals.ts';
import { districtPoints, generateSignals, slugPairs, testMappingCsv, type DistrictPoint } from './test-fixtures.ts';

const NOW = '2026-11-24T09:00:00+01:00';
const clock = fixedClock(NOW);
const mapping = parseCategoryMapping(testMappingCsv, 'mapping.csv');
const statusOf: Record<string, string> = {
  m: 'new',
  i: 'new',
  b: 'in_progress',
  h: 'in_progress',
  ingepland: 'planned',
  o: 'resolved',
  a: 'cancelled',
  reopened: 'reopened',
  s: 'cancelled',
  'reaction requested': 'waiting_for_reporter',
  sent: 'in_progress',
};

/** The signals as Signalen pages (`{_links, count, results}`) one after the other, cut into odd-sized chunks. */
async function* pagesInChunks(signals: unknown[], pageSize = 400, chunkSize = 8191): AsyncGenerator<string> {
  let text = '';
  for (let at = 0; at < signals.length; at += pageSize)
    text += JSON.stringify({
      _links: { self: { href: `page${at}` }, next: { href: null }, previous: { href: null } },
      count: signals.length,
      results: signals.slice(at, at + pageSize),
    });
  for (let at = 0; at < text.length; at += chunkSize) yield text.slice(at, at + chunkSize);
}

async function* failingAfter(items: unknown[], count: number): AsyncGenerator<unknown> {
  for (const [index, item] of items.entries()) {
    if (index === count) throw new Error('the import process died');
    yield item;
  }
}

async function tableCounts(db: Db) {
  const { rows } = await db.query<{ reports: number; history: number; refs: number; version: string }>(
    `SELECT (SELECT count(*)::int FROM reports) AS reports, (SELECT count(*)::int FROM report_history) AS history,
            (SELECT count(*)::int FROM report_external_refs) AS refs,
            (SELECT version::text FROM analysis_data_versions WHERE municipality_code = 'GM0392') AS version`,
  );
  return rows[0]!;
}

describe('wijkpost import signalen', () => {
  let db: Db;
  let points: DistrictPoint[];
  let generated: ReturnType<typeof generateSignals>;
  let first: SignalenImportSummary;
  const good = () => generated.good;

  before(async () => {
    db = await openTestDb();
    points = await districtPoints(db, 8);
    generated = generateSignals(points, 1200);
    first = await importSignalen(
      { db, clock },
      { municipalityCode: 'GM0392', mapping, batchSize: 250 },
      readSignals(pagesInChunks(generated.signals)),
    );
  });
  after(() => db.close());

  it('imports every good signal of a 1,215-signal dump and skips each bad row with its reason', async () => {
    assert.ok(generated.signals.length >= 1000);
    assert.equal(first.read, generated.signals.length);
    assert.equal(first.imported, 1200);
    assert.deepEqual(
      first.skipped.map((s) => ({ position: s.position, code: s.code })),
      generated.bad,
    );
    for (const skipped of first.skipped) assert.ok(skipped.reason.length > 5, skipped.reason);
    const expectedCounts: Record<string, number> = {};
    for (const bad of generated.bad) expectedCounts[bad.code] = (expectedCounts[bad.code] ?? 0) + 1;
    assert.deepEqual(first.skippedByCode, expectedCounts);
    const reasons = new Map(first.skipped.map((s) => [s.id, s.reason]));
    assert.match(reasons.get('900004')!, /none of its districts/);
    assert.match(reasons.get('900006')!, /ratten/);
    assert.match(reasons.get('100001')!, /earlier in the file/);
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM reports WHERE source = 'signalen' AND routing_rule = 'signalen-import'`,
    );
    assert.equal(rows[0]!.n, 1200);
    const bad = await db.query(`SELECT 1 FROM report_external_refs WHERE external_id LIKE '9000%'`);
    assert.equal(bad.rows.length, 0, 'no bad row is half-imported');
  });

  it('maps category (mapping file, equal codes, category_url), district by the point, state, dates and urgency', async () => {
    const expected = good().map((signal, i) => ({
      id: String(signal.id),
      category: slugPairs[i % slugPairs.length]!.code,
      district: generated.districtOf.get(String(signal.id)),
      status: statusOf[signal.status.state],
      createdAt: signal.created_at,
      statusAt: signal.status.created_at,
      occurredAt: signal.incident_date_start,
      high: signal.priority.priority === 'high',
    }));
    const { rows } = await db.query<{ mismatches: string[] }>(
      `SELECT coalesce(array_agg(e.id ORDER BY e.id), '{}') AS mismatches
         FROM jsonb_to_recordset($1::jsonb) AS e(id text, category text, district text, status text, "createdAt" timestamptz,
                                                 "statusAt" timestamptz, "occurredAt" timestamptz, high boolean)
         LEFT JOIN report_external_refs x ON x.external_id = e.id AND x.system = 'signalen'
         LEFT JOIN reports r ON r.id = x.report_id
         LEFT JOIN categories c ON c.id = r.category_id
        WHERE r.id IS NULL OR c.code <> e.category OR r.district_code <> e.district OR r.status <> e.status
           OR r.created_at <> e."createdAt" OR r.occurred_at IS DISTINCT FROM e."occurredAt"
           OR (r.closed_at IS NOT NULL) <> (r.status IN ('resolved', 'cancelled'))
           OR (r.closed_at IS NOT NULL AND r.closed_at <> e."statusAt")
           OR (e.high AND NOT r.urgent)`,
      [JSON.stringify(expected)],
    );
    assert.deepEqual(rows[0]!.mismatches, []);
    const micro = await db.query<{ us: string }>(
      `SELECT to_char(r.created_at, 'US') AS us FROM reports r JOIN report_external_refs x ON x.report_id = r.id
        WHERE x.external_id = '100002'`,
    );
    assert.equal(micro.rows[0]!.us, good()[1]!.created_at.slice(20, 26), 'microseconds are kept');
  });

  it("places every report in the queue of its district's coordinator group, with the deadline of its category", async () => {
    const { rows } = await db.query<{ wrong: number; overdue_rule: number }>(
      `SELECT count(*) FILTER (WHERE r.assignee_kind <> 'queue' OR r.assignee_id <> coalesce(gb.group_id, fallback.id))::int AS wrong,
              count(*) FILTER (WHERE r.deadline <= r.created_at)::int AS overdue_rule
         FROM reports r
         JOIN districts d ON d.code = r.district_code
         LEFT JOIN coordinator_group_boroughs gb ON gb.borough_id = d.borough_id
         CROSS JOIN (SELECT id FROM coordinator_groups WHERE municipality_code = 'GM0392' ORDER BY name, id LIMIT 1) fallback
        WHERE r.source = 'signalen'`,
    );
    assert.equal(rows[0]!.wrong, 0);
    assert.equal(rows[0]!.overdue_rule, 0);
  });

  async function historyOf(externalId: string) {
    const { rows } = await db.query<{ action: string; from_status: string; to_status: string; text: string; at: Date }>(
      `SELECT h.action, h.from_status, h.to_status, h.text, h.at FROM report_history h
         JOIN report_external_refs x ON x.report_id = h.report_id WHERE x.external_id = $1 ORDER BY h.id`,
      [externalId],
    );
    return rows;
  }

  it('keeps the status history: Signalen history when the dump has it, else the current status', async () => {
    // 100007: with history, resolved; its location entry is Signalen bookkeeping and is left out.
    const withHistory = await historyOf('100007');
    assert.deepEqual(
      withHistory.map((h) => [h.action, h.from_status, h.to_status]),
      [
        ['created', null, 'new'],
        ['note', null, null],
        ['status_changed', 'new', 'resolved'],
      ],
    );
    assert.equal(withHistory[1]!.text, 'Notitie bij 100007');
    assert.equal(withHistory[2]!.text, 'Opgeruimd, dank voor uw melding.');
    assert.equal(withHistory[2]!.at.getTime(), Date.parse(good()[6]!.status.created_at));
    // 100003: no history, in behandeling.
    assert.deepEqual(
      (await historyOf('100003')).map((h) => [h.action, h.to_status]),
      [
        ['created', 'new'],
        ['status_changed', 'in_progress'],
      ],
    );
    // 100002: "in afwachting van behandeling" is new in Wijkpost: nothing to add.
    assert.deepEqual(
      (await historyOf('100002')).map((h) => h.action),
      ['created'],
    );
  });

  it('keeps a text longer than a report holds whole in a note, and contact only for open reports', async () => {
    const { rows } = await db.query<{ id: string; description: string; email: string | null; phone: string | null }>(
      `SELECT x.external_id AS id, r.description, r.reporter_email AS email, r.reporter_phone AS phone
         FROM reports r JOIN report_external_refs x ON x.report_id = r.id
        WHERE x.external_id IN ('100001', '100002', '100006', '100009')`,
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    const long = byId.get('100006')!;
    assert.equal(long.description.length, 1000);
    assert.ok(long.description.endsWith('…'));
    const note = (await historyOf('100006')).find((h) => h.action === 'note')!;
    assert.equal(note.text, `Volledige tekst uit Signalen: ${good()[5]!.text}`);
    assert.equal(byId.get('100001')!.email, 'melder100001@example.org', 'open (gemeld): contact kept to answer');
    assert.equal(byId.get('100001')!.phone, '0612345678');
    assert.equal(byId.get('100002')!.email, null, "'*****' is Signalen's mask, not an address");
    assert.equal(byId.get('100009')!.email, null, 'closed (geannuleerd): contact not taken over');
  });

  it('changes nothing when the same file is imported again: 0 imported, all skipped as already there', async () => {
    const before = await tableCounts(db);
    const again = await importSignalen(
      { db, clock },
      { municipalityCode: 'GM0392', mapping, batchSize: 250 },
      readSignals(pagesInChunks(generated.signals)),
    );
    assert.equal(again.imported, 0);
    assert.equal(again.skippedByCode.already_imported, 1200);
    assert.equal(again.skipped.length, generated.signals.length);
    assert.deepEqual(await tableCounts(db), before);
  });

  it('continues after a crash: committed batches stay, the re-run imports the rest once', async () => {
    const more = generateSignals(points, 600, 7, 200001);
    const crashed = importSignalen(
      { db, clock },
      { municipalityCode: 'GM0392', mapping, batchSize: 150 },
      failingAfter(more.signals, 400),
    );
    await assert.rejects(crashed, /the import process died/);
    const committed = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM report_external_refs WHERE external_id LIKE '2%'`,
    );
    const goodIds = new Set(more.good.map((signal) => signal.id));
    const committedGood = more.signals.slice(0, 300).filter((s) => goodIds.has((s as { id: number })?.id));
    const committedIds = new Set(committedGood.map((signal) => (signal as { id: number }).id));
    assert.equal(committed.rows[0]!.n, committedIds.size, 'the two batches of 150 before the crash, not the third');
    const rerun = await importSignalen(
      { db, clock },
      { municipalityCode: 'GM0392', mapping, batchSize: 150 },
      readSignals(pagesInChunks(more.signals)),
    );
    assert.equal(rerun.imported + (rerun.skippedByCode.already_imported ?? 0), 600);
    const total = await db.query<{ n: number; distinct: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT external_id)::int AS distinct FROM report_external_refs
        WHERE external_id LIKE '2%'`,
    );
    assert.deepEqual(total.rows[0], { n: 600, distinct: 600 });
  });

  it('refuses a mapping that names an unknown code before writing anything', async () => {
    const before = await tableCounts(db);
    const broken = parseCategoryMapping('main_slug,sub_slug,category\nafval,grofvuil,grof-vuil', 'm.csv');
    await assert.rejects(
      importSignalen(
        { db, clock },
        { municipalityCode: 'GM0392', mapping: broken },
        readSignals(pagesInChunks(generateSignals(points, 5, 3, 400001).signals)),
      ),
      (error: unknown) => error instanceof DomainError && /grof-vuil/.test(JSON.stringify(error.fieldProblems)),
    );
    assert.deepEqual(await tableCounts(db), before);
  });

  it('accepts the Haarlem example mapping of docs/: every code it names is in the demo tree', async () => {
    const example = parseCategoryMapping(
      readFileSync(new URL('../../../docs/signalen/haarlem-category-mapping.csv', import.meta.url), 'utf8'),
      'haarlem-category-mapping.csv',
    );
    assert.ok(example.size >= 15);
    const summary = await importSignalen(
      { db, clock },
      { municipalityCode: 'GM0392', mapping: example },
      readSignals(
        (async function* () {
          yield '[]';
        })(),
      ),
    );
    assert.equal(summary.read, 0);
  });

  it('counts imported reports in the analysis by their Signalen dates', async () => {
    const analyst = await db.query<{ id: string }>(`SELECT id FROM users WHERE email = 'analist@haarlem.example'`);
    const app = await testApp(db, { clock });
    try {
      const from = '2026-05-01T00:00:00Z';
      const to = '2026-08-01T00:00:00Z';
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/analysis/hotspots?from=${from}&to=${to}`,
        headers: await bearerFor(db, analyst.rows[0]!.id, clock),
      });
      assert.equal(response.statusCode, 200, response.body);
      const { rows } = await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM reports WHERE source = 'signalen' AND created_at >= $1 AND created_at < $2`,
        [from, to],
      );
      assert.ok(rows[0]!.n > 50, `${rows[0]!.n} imported reports in the period`);
      assert.equal(response.json().total, rows[0]!.n);
    } finally {
      await app.close();
    }
  });

  it('the CLI reads a plain array from a file and prints the summary without texts or contact', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wijkpost-signalen-'));
    try {
      const small = generateSignals(points, 40, 11, 500001);
      const file = join(dir, 'signalen.json');
      const mappingFile = join(dir, 'mapping.csv');
      writeFileSync(file, JSON.stringify(small.signals));
      writeFileSync(mappingFile, testMappingCsv);
      const lines: string[] = [];
      const summary = await importSignalenCommand({ db, clock }, (line) => lines.push(line), file, {
        mapping: mappingFile,
        municipality: 'GM0392',
        quiet: true,
      });
      assert.equal(summary.imported, 40);
      assert.equal(
        lines[0],
        `GM0392: ${small.signals.length} signal(s) read, 40 imported, ${small.bad.length} skipped.`,
      );
      assert.ok(
        lines.some((line) => /^ {2}#\d+ \(id 900001\): no_location: /.test(line)),
        lines.join('\n'),
      );
      assert.ok(!lines.some((line) => line.includes('@') || line.includes('Melding')), 'no contact, no text');
      await assert.rejects(
        importSignalenCommand({ db, clock }, () => {}, join(dir, 'missing.json'), { quiet: true }),
        /missing\.json does not exist/,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
