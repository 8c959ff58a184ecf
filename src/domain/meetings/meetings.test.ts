import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import {
  assertRoleChecks,
  buildWorld,
  CENTRUM,
  insertStaff,
  type World,
} from '../../../test/support/fieldwork-world.ts';

describe('district council meetings', () => {
  let db: Db;
  let app: App;
  let world: World;
  let officer: { authorization: string };
  let coordinator: { authorization: string };
  const clock = fixedClock('2026-11-24T09:00:00+01:00');

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildWorld(db);
    // Fatima owns Centrum; Coby coordinates the group of every borough (see buildWorld).
    await db.query(
      `INSERT INTO district_assignments (district_code, owner_id, valid_from) VALUES ($1, $2, '2026-01-01T00:00:00Z')`,
      [CENTRUM, world.officer.id],
    );
    app = await testApp(db, { clock });
    officer = await bearerFor(db, world.officer.id);
    coordinator = await bearerFor(db, world.coordinator.id);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const create = (headers: { authorization: string }, body: object) =>
    app.inject({ method: 'POST', url: '/api/v1/district-meetings', headers, payload: body });

  it("an officer enters a meeting; residents see upcoming ones with only the officer's name", async () => {
    const created = await create(officer, {
      districtCode: CENTRUM,
      startsAt: '2026-12-03T19:30:00+01:00',
      title: 'Wijkraad Binnenstad',
      locationText: 'Stadhuis, Grote Markt 2',
      officerId: world.officer.id,
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(created.json().officer, { id: world.officer.id, name: 'Fatima de Vries' });
    await create(coordinator, {
      districtCode: CENTRUM,
      startsAt: '2026-11-20T19:30:00+01:00',
      title: 'Wijkraad november (geweest)',
    });
    await create(coordinator, {
      districtCode: CENTRUM,
      startsAt: '2026-11-30T20:00:00+01:00',
      title: 'Wijkraad extra',
    });

    const response = await app.inject({ method: 'GET', url: `/api/v1/public/districts/${CENTRUM}/meetings` });
    assert.equal(response.statusCode, 200, response.body);
    const { meetings } = response.json();
    assert.deepEqual(
      meetings.map((m: { title: string }) => m.title),
      ['Wijkraad extra', 'Wijkraad Binnenstad'],
    );
    assert.equal(meetings[1].officerName, 'Fatima de Vries');
    assert.deepEqual(Object.keys(meetings[1]).sort(), ['id', 'locationText', 'officerName', 'startsAt', 'title']);
    assert.equal(response.body.includes('@'), false, 'no e-mail addresses');
    assert.equal(response.body.includes(world.coordinator.id), false, 'not who entered it');
  });

  it('answers 404 for an unknown district and 400 for a malformed code on the public route', async () => {
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/public/districts/WK999999/meetings' })).statusCode,
      404,
    );
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/public/districts/centrum/meetings' })).statusCode,
      400,
    );
  });

  it('lists every problem with a new meeting and stores nothing', async () => {
    const response = await create(officer, {
      districtCode: 'WK999999',
      startsAt: '2026-12-03T19:30:00+01:00',
      title: 'x',
      officerId: world.coordinator.id,
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['districtCode', 'officerId'],
    );
    const schema = await create(officer, { districtCode: CENTRUM, startsAt: 'tomorrow', title: '' });
    assert.deepEqual(
      schema
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['body.startsAt', 'body.title'],
    );
  });

  it('changes and removes a meeting; staff list it by district', async () => {
    const created = (
      await create(officer, {
        districtCode: CENTRUM,
        startsAt: '2026-12-10T19:30:00+01:00',
        title: 'Wijkraad december',
        locationText: 'Buurthuis',
      })
    ).json();
    clock.set('2026-11-24T10:00:00+01:00');
    const patched = await app.inject({
      method: 'PATCH',
      url: `/api/v1/district-meetings/${created.id}`,
      headers: coordinator,
      payload: { startsAt: '2026-12-11T19:30:00+01:00', locationText: null, officerId: world.otherOfficer.id },
    });
    assert.equal(patched.statusCode, 200, patched.body);
    assert.equal(patched.json().startsAt, '2026-12-11T18:30:00.000Z');
    assert.equal(patched.json().locationText, null);
    assert.equal(patched.json().title, 'Wijkraad december');
    assert.equal(patched.json().officer.name, 'Daan Jansen');
    assert.equal(patched.json().updatedAt, '2026-11-24T09:00:00.000Z');
    const empty = await app.inject({
      method: 'PATCH',
      url: `/api/v1/district-meetings/${created.id}`,
      headers: coordinator,
      payload: {},
    });
    assert.equal(empty.statusCode, 400);

    const listed = (
      await app.inject({ method: 'GET', url: `/api/v1/district-meetings?districtCode=${CENTRUM}`, headers: officer })
    ).json();
    assert.ok(listed.items.some((m: { id: string }) => m.id === created.id));

    assert.equal(
      (await app.inject({ method: 'DELETE', url: `/api/v1/district-meetings/${created.id}`, headers: officer }))
        .statusCode,
      204,
    );
    assert.equal(
      (await app.inject({ method: 'DELETE', url: `/api/v1/district-meetings/${created.id}`, headers: officer }))
        .statusCode,
      404,
    );
    assert.equal(
      (
        await app.inject({
          method: 'PATCH',
          url: `/api/v1/district-meetings/${created.id}`,
          headers: officer,
          payload: { title: 'x' },
        })
      ).statusCode,
      404,
    );
  });

  it("lets only the district's officers, its group's coordinator and administrators manage its meetings", async () => {
    const meeting = (
      await create(officer, { districtCode: CENTRUM, startsAt: '2026-12-18T19:30:00+01:00', title: 'Van Centrum' })
    ).json();
    const other = await bearerFor(db, world.otherOfficer.id);
    const strangerCoordinator = await bearerFor(db, (await insertStaff(db, 'Cor Elders', ['coordinator'])).id);
    const backup = await insertStaff(db, 'Bas Backup', ['officer']);
    const patch = (headers: { authorization: string }, id: string, payload: object) =>
      app.inject({ method: 'PATCH', url: `/api/v1/district-meetings/${id}`, headers, payload });
    const remove = (headers: { authorization: string }, id: string) =>
      app.inject({ method: 'DELETE', url: `/api/v1/district-meetings/${id}`, headers });

    for (const outsider of [other, strangerCoordinator]) {
      const body = { districtCode: CENTRUM, startsAt: '2026-12-19T19:30:00+01:00', title: 'Niet van mij' };
      assert.equal((await create(outsider, body)).statusCode, 403);
      const changed = await patch(outsider, meeting.id, { title: 'Gekaapt' });
      assert.equal(changed.statusCode, 403, changed.body);
      assert.equal(changed.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal((await remove(outsider, meeting.id)).statusCode, 403);
    }
    // The owner may not move a meeting to a district that is not theirs.
    assert.equal((await patch(officer, meeting.id, { districtCode: 'WK039209' })).statusCode, 403);
    const unchanged = await app.inject({
      method: 'GET',
      url: `/api/v1/district-meetings?districtCode=${CENTRUM}`,
      headers: other,
    });
    const stored = unchanged.json().items.find((m: { id: string }) => m.id === meeting.id);
    assert.equal(stored.title, 'Van Centrum');
    assert.equal(stored.districtCode, CENTRUM);

    // The backup, the group's coordinator and an administrator may.
    await db.query(`UPDATE district_assignments SET backup_id = $1 WHERE district_code = $2 AND valid_to IS NULL`, [
      backup.id,
      CENTRUM,
    ]);
    assert.equal((await patch(await bearerFor(db, backup.id), meeting.id, { title: 'Door backup' })).statusCode, 200);
    assert.equal((await patch(coordinator, meeting.id, { title: 'Door coördinator' })).statusCode, 200);
    const admin = await bearerFor(db, world.administrator.id);
    assert.equal((await patch(admin, meeting.id, { title: 'Door beheer' })).statusCode, 200);
    assert.equal((await remove(admin, meeting.id)).statusCode, 204);
  });

  it('checks roles on every staff endpoint: 401 without sign-in, 403 for other roles', async () => {
    const meeting = (
      await create(officer, {
        districtCode: CENTRUM,
        startsAt: '2026-12-17T19:30:00+01:00',
        title: 'Voor de rollentest',
      })
    ).json();
    await assertRoleChecks(app, db, world, [
      {
        method: 'POST',
        url: '/api/v1/district-meetings',
        payload: { districtCode: CENTRUM, startsAt: '2026-12-18T19:30:00+01:00', title: 'Rollen' },
        allowed: ['officer', 'coordinator', 'administrator'],
      },
      {
        method: 'GET',
        url: '/api/v1/district-meetings',
        allowed: ['officer', 'coordinator', 'team_manager', 'analyst'],
      },
      {
        method: 'PATCH',
        url: `/api/v1/district-meetings/${meeting.id}`,
        payload: { title: 'Rollen' },
        allowed: ['officer', 'coordinator', 'administrator'],
      },
      {
        method: 'DELETE',
        url: '/api/v1/district-meetings/00000000-0000-4000-8000-000000000000',
        allowed: ['officer', 'coordinator', 'administrator'],
      },
    ]);
  });
});
