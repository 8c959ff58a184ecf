import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { assignDistrict } from './assign-district.ts';
import { addUser, seedMiniGeography } from './test-fixtures.ts';

describe('officers, schedules, district ownership and the public officer card', () => {
  let db: Db;
  let app: App;
  const clock = fixedClock('2026-11-24T09:00:00+01:00');
  const ids: Record<string, string> = {};
  const auth: Record<string, { authorization: string }> = {};
  before(async () => {
    db = await openTestDb({ empty: true });
    await seedMiniGeography(db);
    ids.fatima = await addUser(db, {
      email: 'fatima.devries@haarlem.example',
      name: 'Fatima de Vries',
      roles: ['officer'],
      publicPhone: '14 023',
    });
    ids.kevin = await addUser(db, { email: 'kevin@haarlem.example', name: 'Kevin Tjon A Fong', roles: ['officer'] });
    ids.gone = await addUser(db, { email: 'gone@haarlem.example', name: 'Former Officer', roles: ['officer'] });
    await db.query('UPDATE users SET active = false WHERE id = $1', [ids.gone]);
    ids.coordinator = await addUser(db, { email: 'coordinator.oost@haarlem.example', roles: ['coordinator'] });
    ids.analyst = await addUser(db, { email: 'analist@haarlem.example', roles: ['analyst'] });
    ids.amsterdam = await addUser(db, {
      email: 'officer@amsterdam.example',
      roles: ['officer'],
      municipalityCode: 'GM0363',
    });
    ids.amsterdamCoordinator = await addUser(db, {
      email: 'coordinator@amsterdam.example',
      roles: ['coordinator'],
      municipalityCode: 'GM0363',
    });
    for (const who of ['coordinator', 'analyst', 'amsterdamCoordinator', 'fatima'])
      auth[who] = await bearerFor(db, ids[who]!);
    await db.query(
      `UPDATE officers SET introduction = 'Hallo, ik ben Fatima.', photo_url = '/photos/fatima.jpg' WHERE user_id = $1`,
      [ids.fatima],
    );
    app = await testApp(db, { clock });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const put = (url: string, who: string, payload: unknown) =>
    app.inject({ method: 'PUT', url, headers: auth[who], payload: payload as object });
  const get = (url: string, who?: string) => app.inject({ method: 'GET', url, ...(who ? { headers: auth[who] } : {}) });

  it('lists the active officers of your own municipality only', async () => {
    const response = await get('/api/v1/officers', 'analyst');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(
      response.json().map((o: { name: string }) => o.name),
      ['Fatima de Vries', 'Kevin Tjon A Fong'],
    );
    const fatima = response.json()[0];
    assert.deepEqual(fatima.districtWeekdays, [2, 4]);
    assert.equal(fatima.workEnd, '17:00');
  });

  it("answers 404 for another municipality's officer", async () => {
    assert.equal((await get(`/api/v1/officers/${ids.amsterdam}`, 'coordinator')).statusCode, 404);
    assert.equal((await get(`/api/v1/officers/${ids.fatima}`, 'amsterdamCoordinator')).statusCode, 404);
    assert.equal((await get('/api/v1/officers/not-a-uuid', 'coordinator')).statusCode, 404);
    assert.equal((await get(`/api/v1/officers/${ids.fatima}`, 'coordinator')).json().name, 'Fatima de Vries');
  });

  it('lists every schedule problem together and changes nothing', async () => {
    const response = await put(`/api/v1/officers/${ids.kevin}/schedule`, 'coordinator', {
      workingWeekdays: [1, 2, 2, 9],
      districtWeekdays: [3, 0],
      workStart: '17:00',
      workEnd: '08:00',
    });
    assert.equal(response.statusCode, 400);
    const problems = response
      .json()
      .invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`)
      .sort();
    assert.deepEqual(problems, [
      'districtWeekdays.1:invalid_weekday',
      'districtWeekdays:not_subset',
      'workEnd:not_after_start',
      'workingWeekdays.3:invalid_weekday',
      'workingWeekdays:duplicate',
    ]);
    const empty = await put(`/api/v1/officers/${ids.kevin}/schedule`, 'coordinator', {
      workingWeekdays: [],
      districtWeekdays: [],
      workStart: '8:00',
      workEnd: '25:00',
    });
    assert.deepEqual(
      empty
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['districtWeekdays', 'workEnd', 'workStart', 'workingWeekdays'],
    );
    const unchanged = (await get(`/api/v1/officers/${ids.kevin}`, 'coordinator')).json();
    assert.deepEqual(unchanged.workingWeekdays, [1, 2, 3, 4, 5]);
  });

  it('sets an evening shift with other district days', async () => {
    const response = await put(`/api/v1/officers/${ids.kevin}/schedule`, 'coordinator', {
      workingWeekdays: [6, 2, 3, 4, 5],
      districtWeekdays: [5, 3],
      workStart: '12:00',
      workEnd: '21:00',
    });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json().workingWeekdays, [2, 3, 4, 5, 6]);
    assert.deepEqual(response.json().districtWeekdays, [3, 5]);
    const stored = (await get(`/api/v1/officers/${ids.kevin}`, 'analyst')).json();
    assert.equal(stored.workStart, '12:00');
    assert.equal(stored.workEnd, '21:00');
    assert.equal(
      (
        await put(`/api/v1/officers/${ids.kevin}/schedule`, 'amsterdamCoordinator', {
          workingWeekdays: [1],
          districtWeekdays: [1],
          workStart: '08:00',
          workEnd: '12:00',
        })
      ).statusCode,
      404,
    );
  });

  it('keeps the ownership history: each re-assignment closes the open row and opens a new one', async () => {
    const url = '/api/v1/districts/WK039209/assignment';
    const first = await put(url, 'coordinator', { ownerId: ids.kevin });
    assert.equal(first.statusCode, 200);
    clock.set('2026-12-01T09:00:00+01:00');
    const second = await put(url, 'coordinator', { ownerId: ids.fatima, backupId: ids.kevin });
    assert.equal(second.statusCode, 200);
    assert.deepEqual(second.json().owner, { id: ids.fatima, name: 'Fatima de Vries' });
    assert.equal(second.json().backup.name, 'Kevin Tjon A Fong');
    // one officer may own several districts
    assert.equal(
      (await put('/api/v1/districts/WK039207/assignment', 'coordinator', { ownerId: ids.fatima })).statusCode,
      200,
    );
    const history = (await get('/api/v1/districts/WK039209/assignments', 'analyst')).json();
    assert.equal(history.length, 2);
    assert.deepEqual(
      history.map((a: { current: boolean }) => a.current),
      [true, false],
    );
    assert.equal(history[0].startedAt, '2026-12-01T08:00:00.000Z');
    assert.equal(history[1].startedAt, '2026-11-24T08:00:00.000Z');
    assert.equal(history[1].endedAt, '2026-12-01T08:00:00.000Z');
    assert.equal(history[1].owner.id, ids.kevin);
    const fatima = (await get(`/api/v1/officers/${ids.fatima}`, 'analyst')).json();
    assert.deepEqual(
      fatima.districts.map((d: { code: string; duty: string }) => `${d.code}:${d.duty}`),
      ['WK039207:owner', 'WK039209:owner'],
    );
    clock.set('2026-11-24T09:00:00+01:00');
  });

  it('refuses owners who are not active officers of the municipality, and a backup equal to the owner', async () => {
    const url = '/api/v1/districts/WK039218/assignment';
    for (const [body, expected] of [
      [{ ownerId: ids.analyst }, ['ownerId']],
      [{ ownerId: ids.gone }, ['ownerId']],
      [{ ownerId: ids.amsterdam, backupId: ids.coordinator }, ['backupId', 'ownerId']],
      [{ ownerId: ids.kevin, backupId: ids.kevin }, ['backupId']],
      [{ ownerId: 'nope' }, ['body.ownerId']],
    ] as const) {
      const response = await put(url, 'coordinator', body);
      assert.equal(response.statusCode, 400, JSON.stringify(body));
      assert.deepEqual(
        response
          .json()
          .invalidParams.map((p: { name: string }) => p.name)
          .sort(),
        expected,
      );
    }
    assert.deepEqual((await get('/api/v1/districts/WK039218/assignments', 'analyst')).json(), []);
    assert.equal(
      (await put('/api/v1/districts/WK036301/assignment', 'coordinator', { ownerId: ids.kevin })).statusCode,
      404,
    );
    assert.equal((await get('/api/v1/districts/WK036301/assignments', 'coordinator')).statusCode, 404);
    assert.equal(
      (await put('/api/v1/districts/WK039299/assignment', 'coordinator', { ownerId: ids.kevin })).statusCode,
      404,
    );
  });

  it('shows the public officer card without login and without private data', async () => {
    await db.query(
      `INSERT INTO absences (officer_id, kind, starts_at, ends_at, note, created_at) VALUES ($1, 'sick', '2026-11-23T00:00:00Z', '2026-11-30T00:00:00Z', 'griep', now())`,
      [ids.fatima],
    );
    const response = await get('/api/v1/public/districts/WK039209/officer');
    assert.equal(response.statusCode, 200);
    assert.deepEqual(response.json(), {
      districtCode: 'WK039209',
      districtName: 'Parkwijk',
      name: 'Fatima de Vries',
      photoUrl: '/photos/fatima.jpg',
      introduction: 'Hallo, ik ben Fatima.',
      districtWeekdays: [2, 4],
      publicPhone: '14 023',
    });
    assert.doesNotMatch(response.body, /@|griep|sick|ziek/);
    assert.equal((await get('/api/v1/public/districts/WK039218/officer')).statusCode, 404);
    assert.equal((await get('/api/v1/public/districts/WK039299/officer')).statusCode, 404);
  });
});

describe('concurrent re-assignments of one district', () => {
  it('leave exactly one current owner and a gap-free history', async () => {
    const db = await openTestDb({ empty: true });
    try {
      await seedMiniGeography(db);
      const officers = await Promise.all(
        ['a', 'b', 'c', 'd'].map((name) => addUser(db, { email: `${name}@haarlem.example`, roles: ['officer'] })),
      );
      const coordinator = {
        id: officers[0]!,
        municipalityCode: 'GM0392',
        name: 'C',
        email: 'c@x',
        roles: ['coordinator' as const],
        teamId: null,
      };
      const clock = fixedClock('2026-11-24T09:00:00+01:00');
      await assignDistrict({ db, clock }, coordinator, 'WK039208', { ownerId: officers[0]! });
      clock.set('2026-11-25T09:00:00+01:00');
      const results = await Promise.allSettled(
        officers.slice(1).map((ownerId) => assignDistrict({ db, clock }, coordinator, 'WK039208', { ownerId })),
      );
      assert.ok(
        results.every((r) => r.status === 'fulfilled' || /conflict/.test(String((r.reason as { code?: string }).code))),
        JSON.stringify(results),
      );
      const { rows } = await db.query<{ owner_id: string; valid_to: Date | null }>(
        "SELECT owner_id, valid_to FROM district_assignments WHERE district_code = 'WK039208' ORDER BY valid_from, valid_to NULLS LAST",
      );
      assert.equal(rows.filter((row) => row.valid_to === null).length, 1);
      assert.equal(rows[0]!.owner_id, officers[0], 'the first owner is closed, not lost');
    } finally {
      await db.close();
    }
  });
});
