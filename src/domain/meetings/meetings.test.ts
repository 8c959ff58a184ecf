import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { assertRoleChecks, buildWorld, CENTRUM, type World } from '../../../test/support/fieldwork-world.ts';

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
        allowed: ['officer', 'coordinator'],
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
        allowed: ['officer', 'coordinator'],
      },
      {
        method: 'DELETE',
        url: '/api/v1/district-meetings/00000000-0000-4000-8000-000000000000',
        allowed: ['officer', 'coordinator'],
      },
    ]);
  });
});
