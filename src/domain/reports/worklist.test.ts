import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { createUser } from '../people/index.ts';
import {
  buildReportsWorld,
  emails,
  GROTE_MARKT,
  HAARLEM,
  pointInDistrict,
  TEST_NOW,
  type ReportsWorld,
} from '../../../test/support/reports-world.ts';

interface Item {
  id: string;
  trackingCode?: string;
  overdue: boolean;
  deadline: string;
  createdAt: string;
  updatedAt: string;
}
type Headers = { authorization: string };

describe('the worklist: filters, holders, search, sort and paging of GET /api/v1/reports', () => {
  let db: Db;
  let app: App;
  let world: ReportsWorld;
  const auth: Record<string, Headers> = {};
  const clock = fixedClock(TEST_NOW);
  const created: Record<string, { id: string; trackingCode: string }> = {};

  const file = async (name: string, body: Record<string, unknown>, headers?: Headers) => {
    clock.advance(60_000);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { description: `Melding ${name}`, ...body },
      remoteAddress: '198.51.100.31',
      ...(headers ? { headers } : {}),
    });
    assert.equal(response.statusCode, 201, response.body);
    created[name] = response.json();
  };
  const change = async (name: string, path: string, payload: Record<string, unknown>) => {
    clock.advance(60_000);
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${created[name]!.id}/${path}`,
      payload,
      headers: auth.coordinator!,
    });
    assert.equal(response.statusCode, 200, response.body);
  };
  const get = (query: string, headers: Headers) =>
    app.inject({ method: 'GET', url: `/api/v1/reports?${query}`, headers });
  const list = async (query: string, headers = auth.coordinator!): Promise<Item[]> => {
    const response = await get(query, headers);
    assert.equal(response.statusCode, 200, response.body);
    return response.json().items;
  };
  const nameOf = (id: string) => Object.keys(created).find((k) => created[k]!.id === id) ?? id;
  const names = async (query: string, headers?: Headers) =>
    (await list(query, headers)).map((i) => nameOf(i.id)).sort();

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    app = await testApp(db, { clock, env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    for (const [key, email] of Object.entries(emails)) auth[key] = await bearerFor(db, world.userId(email));
    auth.coordinatorCentrum = await bearerFor(db, world.userId('coordinator.centrum@haarlem.example'));
    const parkwijk = await pointInDistrict(db, 'WK039209');
    const europawijk = await pointInDistrict(db, 'WK039218');
    await file('parking1', { category: 'parkeeroverlast', location: GROTE_MARKT, address: 'Grote Markt 2' });
    await file('parking2', { category: 'fout-geparkeerd', location: parkwijk, address: 'Kleverlaan 10' });
    await file('dog', { category: 'hondenpoep', location: GROTE_MARKT, address: 'Grote Markt 7' });
    await file('noise', { category: 'geluidsoverlast', location: GROTE_MARKT, source: 'phone' }, auth.contactCentre);
    await file('litter', { category: 'veeg-zwerfvuil', location: europawijk, address: 'Europaweg 1_0%' });
    await file('queued', { category: 'hondenpoep', location: parkwijk });
    await file('wreck', { category: 'fietswrak', location: europawijk, answers: { aantal: ['1'] } });
    for (const name of ['parking1', 'parking2'])
      await change(name, 'assignment', { kind: 'team', id: world.teamId('parkeren'), text: 'Handhaving parkeren' });
    await change('wreck', 'status', { status: 'resolved', text: 'Weggehaald' });
    await change('queued', 'assignment', {
      kind: 'queue',
      id: world.groupId('Oost + Schalkwijk'),
      text: 'Wacht op besluit',
    });
    await change('dog', 'status', { status: 'in_progress' });
    // A member of Team Parkeren, who holds nothing themselves.
    const member = await createUser(
      { db, clock },
      {
        municipalityCode: HAARLEM,
        email: 'piet@haarlem.example',
        name: 'Piet Parkeer',
        roles: ['officer'],
        teamCode: 'parkeren',
      },
    );
    auth.parkeren = await bearerFor(db, member.user.id);
    clock.set('2026-11-30T09:00:00+01:00'); // Monday: what was due in three work days is overdue now
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it("lists a team's reports for its members (heldByMe) and by holder for anyone, such as a coordinator", async () => {
    const parkeren = world.teamId('parkeren');
    assert.deepEqual(await names(`assigneeKind=team&assigneeId=${parkeren}`), ['parking1', 'parking2']);
    assert.deepEqual(await names('heldByMe=true', auth.parkeren), ['parking1', 'parking2']);
    assert.deepEqual(await names('heldByMe=true', auth.centrumOfficer), ['dog', 'noise']);
    assert.deepEqual(await names('assigneeKind=team'), ['parking1', 'parking2']);
  });

  it("lists a queue for the group's coordinator (heldByMe) and for coordinators generally (by holder)", async () => {
    assert.deepEqual(await names('heldByMe=true', auth.coordinator), ['queued']);
    assert.deepEqual(await names('heldByMe=true', auth.coordinatorCentrum), []);
    const queue = world.groupId('Oost + Schalkwijk');
    assert.deepEqual(await names(`assigneeKind=queue&assigneeId=${queue}`, auth.coordinatorCentrum), ['queued']);
  });

  it('filters by status, category (main or sub), district, source and overdue, combined', async () => {
    assert.deepEqual(await names('status=resolved'), ['wreck']);
    assert.deepEqual(await names('categoryCode=parkeren'), ['parking1', 'parking2']);
    assert.deepEqual(await names('categoryCode=hondenpoep'), ['dog', 'queued']);
    assert.deepEqual(await names('districtCode=WK039218'), ['litter', 'wreck']);
    assert.deepEqual(await names('source=phone'), ['noise']);
    assert.deepEqual(await names('source=web,phone&districtCode=WK039201'), ['dog', 'noise', 'parking1']);
    assert.deepEqual(await names('overdue=true'), ['litter', 'noise', 'parking1', 'parking2']);
    assert.deepEqual(await names('overdue=false'), ['dog', 'queued', 'wreck']);
    const parkeren = world.teamId('parkeren');
    assert.deepEqual(await names(`assigneeKind=team&assigneeId=${parkeren}&overdue=true&districtCode=WK039201`), [
      'parking1',
    ]);
    const bad = await get('source=fax&sort=random&assigneeKind=robot', auth.coordinator!);
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['querystring.assigneeKind', 'querystring.sort', 'querystring.source.0'],
    );
  });

  it('finds a report by its tracking code however it is typed, or by part of its address', async () => {
    const code = created.dog!.trackingCode; // WP-XXXX-XXXX-XXXX-XXXX
    const typed = [code, code.toLowerCase().replace(/-/g, ''), ` ${code.slice(3).replace(/-/g, ' ')} `];
    for (const variant of typed) {
      assert.deepEqual(await names(`search=${encodeURIComponent(variant)}`), ['dog'], variant);
    }
    const sloppy = code.replace(/0/g, 'o').replace(/1/g, 'l').toLowerCase();
    assert.deepEqual(await names(`search=${encodeURIComponent(sloppy)}`), ['dog'], sloppy);
    assert.deepEqual(await names('search=grote%20markt'), ['dog', 'parking1']);
    assert.deepEqual(await names('search=1_0%25'), ['litter'], 'LIKE wildcards typed are themselves');
    assert.deepEqual(await names('search=%25%25'), [], '%% matches no address without it');
    // Analysts may not read tracking codes, so for them a code is searched as an address: it finds nothing.
    assert.deepEqual(await names(`search=${code}`, auth.analyst), []);
  });

  const expectedOrder = async (sort: 'created' | 'updated' | 'deadline') => {
    const column = { created: 'created_at DESC', updated: 'updated_at DESC', deadline: 'deadline ASC' }[sort];
    const direction = sort === 'deadline' ? 'ASC' : 'DESC';
    const { rows } = await db.query<{ id: string }>(`SELECT id FROM reports ORDER BY ${column}, id ${direction}`);
    return rows.map((r) => nameOf(r.id));
  };

  for (const sort of ['created', 'updated', 'deadline'] as const) {
    it(`sorts by ${sort} and pages by keyset in that order without gaps or repeats`, async () => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await get(`sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`, auth.coordinator!);
        assert.equal(response.statusCode, 200, response.body);
        const page: { items: Item[]; nextCursor: string | null } = response.json();
        assert.ok(page.items.length <= 2);
        seen.push(...page.items.map((i) => nameOf(i.id)));
        cursor = page.nextCursor;
      } while (cursor);
      assert.equal(seen.length, 7);
      assert.deepEqual(seen, await expectedOrder(sort));
    });
  }

  it('orders as asked: deadline soonest first, updated most recently changed first', async () => {
    const byDeadline = await list('sort=deadline');
    assert.deepEqual(
      byDeadline.map((i) => i.deadline),
      byDeadline.map((i) => i.deadline).sort(),
    );
    const byUpdate = (await list('sort=updated')).map((i) => nameOf(i.id));
    assert.deepEqual(byUpdate.slice(0, 3), ['dog', 'queued', 'wreck'], 'the last changed come first');
    assert.notDeepEqual(
      byUpdate,
      (await list('sort=created')).map((i) => nameOf(i.id)),
    );
  });

  it('refuses a cursor of one sort in another (it would skip or repeat rows) with 400 invalid_cursor', async () => {
    const first = await get('sort=deadline&limit=2', auth.coordinator!);
    const cursor = first.json().nextCursor as string;
    for (const other of ['created', 'updated']) {
      const response = await get(`sort=${other}&limit=2&cursor=${cursor}`, auth.coordinator!);
      assert.equal(response.statusCode, 400, response.body);
      assert.deepEqual(
        response.json().invalidParams.map((p: { name: string; code: string }) => [p.name, p.code]),
        [['query.cursor', 'invalid_cursor']],
      );
    }
    const created = (await get('limit=2', auth.coordinator!)).json().nextCursor as string;
    assert.equal((await get(`sort=deadline&cursor=${created}`, auth.coordinator!)).statusCode, 400);
  });
});
