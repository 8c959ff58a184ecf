import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { createMeeting } from '../meetings/index.ts';
import type { Role } from '../people/index.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import {
  assertRoleChecks,
  buildWorld,
  CENTRUM,
  GROTE_MARKT,
  HAARLEM_CODE,
  type World,
} from '../../../test/support/fieldwork-world.ts';
import { startRound } from './start-round.ts';
import { stopRound } from './stop-round.ts';

describe('contacts and district visibility', () => {
  let db: Db;
  let app: App;
  let world: World;
  let officer: { authorization: string };
  let manager: { authorization: string };
  const clock = fixedClock('2026-11-24T16:00:00+01:00');

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildWorld(db);
    app = await testApp(db, { clock });
    officer = await bearerFor(db, world.officer.id);
    manager = await bearerFor(db, world.teamManager.id);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const staffOf = (user: World['officer']) => ({
    id: user.id,
    municipalityCode: HAARLEM_CODE,
    name: user.name,
    email: '',
    roles: user.roles,
    teamId: null,
  });

  it('logs a contact with a partner organisation', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: officer,
      payload: {
        counterpart: 'partner',
        topic: 'Afvalbakken Grote Markt vaker legen',
        districtCode: CENTRUM,
        partnerTeamId: world.partnerTeamId,
        occurredAt: '2026-11-24T11:00:00+01:00',
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().partnerTeamId, world.partnerTeamId);
    assert.equal(response.json().occurredAt, '2026-11-24T10:00:00.000Z');
  });

  it('lists every contact problem together', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: officer,
      payload: {
        counterpart: 'resident',
        topic: 'Parkeren',
        districtCode: 'WK999999',
        partnerTeamId: '00000000-0000-4000-8000-000000000000',
        occurredAt: '2027-01-01T00:00:00Z',
      },
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['districtCode', 'occurredAt', 'partnerTeamId'],
    );
    const tooLong = await app.inject({
      method: 'POST',
      url: '/api/v1/contacts',
      headers: officer,
      payload: { counterpart: 'neighbour', topic: 'x'.repeat(201), districtCode: CENTRUM },
    });
    assert.equal(tooLong.statusCode, 400);
    assert.deepEqual(
      tooLong
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['body.counterpart', 'body.topic'],
    );
  });

  it('documents in the API that a contact topic holds no personal data', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json();
    const body = doc.paths['/contacts'].post.requestBody.content['application/json'].schema;
    assert.match(body.properties.topic.description, /NO PERSONAL DATA/);
    assert.match(doc.paths['/contacts'].post.summary, /personal data/);
  });

  it('lists contacts by counterpart', async () => {
    const list = (
      await app.inject({ method: 'GET', url: '/api/v1/contacts?counterpart=partner', headers: manager })
    ).json();
    assert.equal(list.items.length, 1);
    const none = (
      await app.inject({ method: 'GET', url: '/api/v1/contacts?counterpart=school', headers: manager })
    ).json();
    assert.equal(none.items.length, 0);
  });

  it('sums round hours (clipped to the period), contacts and meetings per district', async () => {
    const deps = (at: string) => ({ db, clock: fixedClock(at) });
    const fatima = staffOf(world.officer);
    await startRound(deps('2026-11-23T09:00:00+01:00'), fatima, CENTRUM);
    await stopRound(deps('2026-11-23T12:00:00+01:00'), fatima);
    await startRound(deps('2026-11-23T23:00:00+01:00'), fatima, 'WK039218');
    await stopRound(deps('2026-11-24T01:00:00+01:00'), fatima);
    await createMeeting(deps('2026-11-20T09:00:00+01:00'), staffOf(world.coordinator), {
      districtCode: CENTRUM,
      startsAt: '2026-11-23T19:30:00+01:00',
      title: 'Wijkraad Centrum',
    });
    await createMeeting(deps('2026-11-20T09:00:00+01:00'), staffOf(world.coordinator), {
      districtCode: CENTRUM,
      startsAt: '2026-12-10T19:30:00+01:00',
      title: 'Wijkraad Centrum december',
    });

    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/visibility?from=2026-11-23T00:00:00%2B01:00&to=2026-11-24T00:00:00%2B01:00',
      headers: manager,
    });
    assert.equal(response.statusCode, 200, response.body);
    const byDistrict = Object.fromEntries(
      response.json().districts.map((d: { districtCode: string }) => [d.districtCode, d]),
    );
    assert.deepEqual(byDistrict[CENTRUM], { districtCode: CENTRUM, hoursPresent: 3, contacts: 0, meetings: 1 });
    assert.deepEqual(byDistrict.WK039218, { districtCode: 'WK039218', hoursPresent: 1, contacts: 0, meetings: 0 });

    const defaultWindow = (await app.inject({ method: 'GET', url: '/api/v1/visibility', headers: manager })).json();
    assert.equal(defaultWindow.to, '2026-11-24T15:00:00.000Z');
    assert.equal(defaultWindow.from, '2026-10-27T15:00:00.000Z');
    const centrum = defaultWindow.districts.find((d: { districtCode: string }) => d.districtCode === CENTRUM);
    assert.deepEqual(centrum, { districtCode: CENTRUM, hoursPresent: 3, contacts: 1, meetings: 1 });
  });

  it('refuses a period longer than the limit', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/visibility?from=2024-01-01T00:00:00Z&to=2026-01-01T00:00:00Z',
      headers: manager,
    });
    assert.equal(response.statusCode, 400);
  });

  it('checks roles on every field-work endpoint: 401 without sign-in, 403 for other roles', async () => {
    const readers: Role[] = ['officer', 'coordinator', 'team_manager', 'analyst'];
    await assertRoleChecks(app, db, world, [
      {
        method: 'POST',
        url: '/api/v1/observations',
        payload: { categoryCode: 'hondenpoep', location: GROTE_MARKT },
        allowed: ['officer'],
      },
      { method: 'GET', url: '/api/v1/observations', allowed: readers },
      {
        method: 'POST',
        url: '/api/v1/contacts',
        payload: { counterpart: 'school', topic: 'Rollentest', districtCode: CENTRUM },
        allowed: ['officer'],
      },
      { method: 'GET', url: '/api/v1/contacts', allowed: readers },
      { method: 'POST', url: '/api/v1/presence/rounds', payload: { districtCode: CENTRUM }, allowed: ['officer'] },
      { method: 'GET', url: '/api/v1/presence/rounds/current', allowed: ['officer'] },
      { method: 'POST', url: '/api/v1/presence/rounds/current/stop', allowed: ['officer'] },
      { method: 'GET', url: '/api/v1/presence/rounds', allowed: readers },
      { method: 'GET', url: '/api/v1/visibility', allowed: ['coordinator', 'team_manager', 'analyst'] },
    ]);
  });
});
