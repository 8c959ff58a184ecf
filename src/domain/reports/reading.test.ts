import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { toRd } from '../geography/index.ts';
import {
  buildReportsWorld,
  emails,
  GROTE_MARKT,
  pointInDistrict,
  TEST_NOW,
  type ReportsWorld,
} from '../../../test/support/reports-world.ts';

interface Item {
  id: string;
  status: string;
  category: { code: string };
  district: { code: string };
  assignee: { id: string };
  location: { coordinates: [number, number] };
  createdAt: string;
  overdue: boolean;
}

describe('reading reports: listing, detail, public status', () => {
  let db: Db;
  let app: App;
  let world: ReportsWorld;
  let coordinator: { authorization: string };
  const clock = fixedClock(TEST_NOW);
  const created: Record<string, { id: string; trackingCode: string }> = {};

  const file = async (name: string, body: Record<string, unknown>) => {
    clock.advance(60_000);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { description: `Melding ${name}`, ...body },
      remoteAddress: '198.51.100.30',
    });
    assert.equal(response.statusCode, 201, response.body);
    created[name] = response.json();
  };
  const list = async (query: string, headers = coordinator): Promise<{ items: Item[]; nextCursor: string | null }> => {
    const response = await app.inject({ method: 'GET', url: `/api/v1/reports${query}`, headers });
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  const names = (items: Item[]) =>
    items.map((item) => Object.keys(created).find((k) => created[k]!.id === item.id)).sort();

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    app = await testApp(db, { clock, env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    coordinator = await bearerFor(db, world.userId(emails.coordinator));
    const parkwijk = await pointInDistrict(db, 'WK039209');
    const europawijk = await pointInDistrict(db, 'WK039218');
    await file('centrumDog', {
      category: 'hondenpoep',
      location: GROTE_MARKT,
      reporter: { email: 'a@example.org', consentToShareWithPartners: false },
    });
    await file('centrumNoise', { category: 'geluidsoverlast', location: GROTE_MARKT });
    await file('parkwijkLitter', {
      category: 'veeg-zwerfvuil',
      location: parkwijk,
      reporter: { email: 'b@example.org', consentToShareWithPartners: true },
    });
    await file('parkwijkGraffiti', { category: 'graffiti-wildplak', location: parkwijk });
    await file('europawijkDog', { category: 'hondenpoep', location: europawijk });
    await file('europawijkWreck', { category: 'fietswrak', location: europawijk });
    await file('centrumParking', { category: 'parkeeroverlast', location: GROTE_MARKT });
    const start = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${created.parkwijkGraffiti!.id}/status`,
      payload: { status: 'in_progress' },
      headers: coordinator,
    });
    assert.equal(start.statusCode, 200, start.body);
    const forward = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${created.parkwijkLitter!.id}/assignment`,
      headers: coordinator,
      payload: { kind: 'partner', id: world.teamId('spaarnelanden') },
    });
    assert.equal(forward.statusCode, 200, forward.body);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('pages newest first with an opaque cursor, without gaps or repeats', async () => {
    const seen: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await list(
        `?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      assert.ok(page.items.length <= 3);
      seen.push(...page.items);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 3);
    assert.equal(seen.length, 7);
    assert.equal(new Set(seen.map((i) => i.id)).size, 7);
    const times = seen.map((i) => i.createdAt);
    assert.deepEqual(times, [...times].sort().reverse());
    const bad = await app.inject({ method: 'GET', url: '/api/v1/reports?cursor=bm9wZQ', headers: coordinator });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().invalidParams[0].name, 'query.cursor');
  });

  it('refuses a forged cursor with 400, also one that JavaScript would parse but PostgreSQL would not', async () => {
    const forgeries = [
      ['1', '------------------------------------'],
      ['1', '00000000-0000-4000-8000-000000000000'],
      ['2026-02-30 10:00:00+00', '00000000-0000-4000-8000-000000000000'],
      ['2026-11-24 08:01:00+00', '------------------------------------'],
    ];
    for (const forged of forgeries) {
      const cursor = Buffer.from(JSON.stringify(forged)).toString('base64url');
      const response = await app.inject({
        method: 'GET',
        url: `/api/v1/reports?cursor=${cursor}`,
        headers: coordinator,
      });
      assert.equal(response.statusCode, 400, `${forged.join(' ')}: ${response.body}`);
      assert.deepEqual(
        response.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]),
        [['query.cursor', 'invalid_cursor']],
      );
    }
  });

  it('filters by district, borough, assignee, category and status (repeated or comma list)', async () => {
    assert.deepEqual(names((await list('?districtCode=WK039201')).items), [
      'centrumDog',
      'centrumNoise',
      'centrumParking',
    ]);
    assert.deepEqual(names((await list('?boroughCode=schalkwijk')).items), ['europawijkDog', 'europawijkWreck']);
    assert.deepEqual(names((await list('?categoryCode=hondenpoep')).items), ['centrumDog', 'europawijkDog']);
    assert.deepEqual(names((await list('?categoryCode=afval')).items), [
      'centrumDog',
      'europawijkDog',
      'europawijkWreck',
      'parkwijkLitter',
    ]);
    assert.deepEqual(names((await list(`?assigneeId=${world.userId(emails.centrumOfficer)}`)).items), [
      'centrumDog',
      'centrumNoise',
      'centrumParking',
    ]);
    assert.deepEqual(names((await list('?status=in_progress&status=forwarded')).items), [
      'parkwijkGraffiti',
      'parkwijkLitter',
    ]);
    assert.deepEqual(names((await list('?status=in_progress,forwarded')).items), [
      'parkwijkGraffiti',
      'parkwijkLitter',
    ]);
    assert.deepEqual(names((await list('?status=in_progress&districtCode=WK039201')).items), []);
    const bad = await app.inject({ method: 'GET', url: '/api/v1/reports?status=gone&limit=500', headers: coordinator });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['querystring.limit', 'querystring.status.0'],
    );
  });

  it('filters by creation period and by overdue', async () => {
    const from = new Date(new Date(TEST_NOW).getTime() + 3 * 60_000 + 1).toISOString();
    const to = new Date(new Date(TEST_NOW).getTime() + 5 * 60_000 + 1).toISOString();
    assert.deepEqual(
      names((await list(`?createdFrom=${encodeURIComponent(from)}&createdTo=${encodeURIComponent(to)}`)).items),
      ['europawijkDog', 'parkwijkGraffiti'],
    );
    assert.deepEqual((await list('?overdue=true')).items, []);
    // Two days later the noise report (deadline: end of the next calendar day) is overdue; the rest is not.
    clock.advance(2 * 86_400_000);
    try {
      const overdue = (await list('?overdue=true')).items;
      assert.deepEqual(names(overdue), ['centrumNoise']);
      assert.equal(overdue[0]!.overdue, true);
      assert.equal((await list('?overdue=false')).items.length, 6);
    } finally {
      clock.advance(-2 * 86_400_000);
    }
  });

  it('filters by a CRS84 or RD bounding box and returns points in the asked CRS with Content-Crs', async () => {
    const [lon, lat] = GROTE_MARKT.coordinates;
    const box = [lon - 0.002, lat - 0.002, lon + 0.002, lat + 0.002].join(',');
    const near = await list(`?bbox=${box}`);
    assert.deepEqual(names(near.items), ['centrumDog', 'centrumNoise', 'centrumParking']);
    const point = near.items[0]!.location.coordinates;
    assert.ok(Math.abs(point[0] - lon) < 1e-6 && Math.abs(point[1] - lat) < 1e-6, `${point}`);

    const [x, y] = toRd(lon, lat);
    const rd = await app.inject({
      method: 'GET',
      url: `/api/v1/reports?bbox=${[x - 100, y - 100, x + 100, y + 100].join(',')}&bboxCrs=EPSG:28992&crs=EPSG:28992`,
      headers: coordinator,
    });
    assert.equal(rd.statusCode, 200);
    assert.match(String(rd.headers['content-crs']), /EPSG\/0\/28992/);
    assert.equal(rd.json().items.length, 3);
    const [rx, ry] = rd.json().items[0].location.coordinates;
    assert.ok(Math.abs(rx - x) < 0.01 && Math.abs(ry - y) < 0.01);
    const crs84 = await app.inject({ method: 'GET', url: '/api/v1/reports?limit=1', headers: coordinator });
    assert.match(String(crs84.headers['content-crs']), /CRS84/);
  });

  it('shows a report with its history and the reporter contact to staff', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${created.centrumDog!.id}`,
      headers: coordinator,
    });
    assert.equal(response.statusCode, 200);
    const report = response.json();
    assert.equal(report.description, 'Melding centrumDog');
    assert.deepEqual(report.reporter, { email: 'a@example.org', phone: null, consentToShareWithPartners: false });
    assert.equal(report.history[0].action, 'created');
    assert.equal(report.routing.rule, 'district-owner');
    assert.equal(
      (
        await app.inject({
          method: 'GET',
          url: '/api/v1/reports/00000000-0000-4000-8000-000000000000',
          headers: coordinator,
        })
      ).statusCode,
      404,
    );
  });

  it('gives reporter contact to those who talk to the reporter, never to analysts or team managers', async () => {
    const reporter = { email: 'c@example.org', phone: '0612345678', consentToShareWithPartners: false };
    await file('contactRoles', { category: 'hondenpoep', location: GROTE_MARKT, reporter });
    const oost = await bearerFor(db, world.userId(emails.oostOfficer));
    const street = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { description: 'Straat', category: 'hondenpoep', location: GROTE_MARKT, source: 'street', reporter },
      headers: oost,
    });
    assert.equal(street.statusCode, 201, street.body);
    const contactFor = async (email: string, reportId: string) => {
      const headers = await bearerFor(db, world.userId(email));
      const response = await app.inject({ method: 'GET', url: `/api/v1/reports/${reportId}`, headers });
      assert.equal(response.statusCode, 200, `${email}: ${response.body}`);
      return response.json().reporter as { email: string; phone: string } | null;
    };
    const held = created.contactRoles!.id; // routed to the Centrum district officer
    const expected = { ...reporter };
    for (const who of [emails.coordinator, emails.contactCentre, emails.administrator, emails.centrumOfficer]) {
      assert.deepEqual(await contactFor(who, held), expected, who);
    }
    for (const who of [emails.analyst, emails.teamManager, emails.oostOfficer]) {
      assert.equal(await contactFor(who, held), null, who);
    }
    // An officer who filed a street report keeps the contact of the person they spoke to.
    const filed = street.json().id as string;
    assert.equal(street.json().assignee.id === world.userId(emails.oostOfficer), false);
    assert.deepEqual(await contactFor(emails.oostOfficer, filed), expected);
    assert.equal(await contactFor(emails.analyst, filed), null);
  });

  it('shows a partner only what was forwarded to them, with contact only by consent', async () => {
    const partner = await bearerFor(db, world.userId(emails.partner));
    assert.deepEqual(names((await list('', partner)).items), ['parkwijkLitter']);
    const mine = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${created.parkwijkLitter!.id}`,
      headers: partner,
    });
    assert.equal(mine.statusCode, 200);
    assert.equal(mine.json().reporter.email, 'b@example.org');
    const notMine = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${created.centrumDog!.id}`,
      headers: partner,
    });
    assert.equal(notMine.statusCode, 404);
    const changeNotMine = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${created.centrumDog!.id}/status`,
      payload: { status: 'planned' },
      headers: partner,
    });
    assert.equal(changeNotMine.statusCode, 404);

    // Forwarded without consent: the partner sees the report but not who sent it.
    const forward = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${created.centrumDog!.id}/assignment`,
      headers: coordinator,
      payload: { kind: 'partner', id: world.teamId('spaarnelanden') },
    });
    assert.equal(forward.statusCode, 200);
    const withoutConsent = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${created.centrumDog!.id}`,
      headers: partner,
    });
    assert.equal(withoutConsent.statusCode, 200);
    assert.equal(withoutConsent.json().reporter, null);
  });

  it('gives the tracking code (opens the status page, admits photos) to handling staff, not to partners or analysts', async () => {
    const codeOf = async (headers: { authorization: string }) => {
      const detail = await app.inject({ method: 'GET', url: `/api/v1/reports/${created.parkwijkLitter!.id}`, headers });
      assert.equal(detail.statusCode, 200, detail.body);
      const item = (await list('', headers)).items.find((i) => i.id === created.parkwijkLitter!.id) as Item & {
        trackingCode?: string;
      };
      return { detail: detail.json().trackingCode as string | undefined, listed: item.trackingCode };
    };
    const code = created.parkwijkLitter!.trackingCode;
    for (const who of [emails.coordinator, emails.centrumOfficer, emails.contactCentre]) {
      assert.deepEqual(await codeOf(await bearerFor(db, world.userId(who))), { detail: code, listed: code }, who);
    }
    for (const who of [emails.partner, emails.analyst]) {
      assert.deepEqual(
        await codeOf(await bearerFor(db, world.userId(who))),
        { detail: undefined, listed: undefined },
        who,
      );
    }
  });

  it('shows staff of another municipality nothing', async () => {
    await db.query(
      `INSERT INTO municipalities (code, name, slug) VALUES ('GM0363', 'Amsterdam', 'amsterdam') ON CONFLICT DO NOTHING`,
    );
    const { rows } = await db.query<{ id: string }>(
      `INSERT INTO users (municipality_code, email, name, roles) VALUES ('GM0363', 'coordinator@amsterdam.example', 'Amsterdamse coördinator', '{coordinator}') RETURNING id`,
    );
    const stranger = await bearerFor(db, rows[0]!.id);
    assert.deepEqual((await list('', stranger)).items, []);
    assert.equal(
      (await app.inject({ method: 'GET', url: `/api/v1/reports/${created.centrumNoise!.id}`, headers: stranger }))
        .statusCode,
      404,
    );
  });

  it('tells the public only status, category, dates and the text for the reporter by tracking code', async () => {
    const { trackingCode, id } = created.centrumParking!;
    const response = await app.inject({ method: 'GET', url: `/api/v1/public/reports/${trackingCode.toLowerCase()}` });
    assert.equal(response.statusCode, 200);
    const body = response.json();
    assert.deepEqual(Object.keys(body).sort(), [
      'category',
      'closedAt',
      'createdAt',
      'deadline',
      'reporterText',
      'status',
      'trackingCode',
      'updatedAt',
    ]);
    assert.equal(body.reporterText, null, 'nothing written for the reporter yet');
    assert.deepEqual(body.category, { name: 'Parkeeroverlast' });
    assert.equal(body.status, 'new');
    assert.equal(body.trackingCode, trackingCode);
    const text = response.body;
    for (const secret of ['Melding centrumParking', id, 'Sanne', 'coordinates', 'example.org'])
      assert.ok(!text.includes(secret), secret);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/public/reports/WP-0000-0000-0000-0000' })).statusCode,
      404,
    );
  });
});
