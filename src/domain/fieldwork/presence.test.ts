import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { buildWorld, CENTRUM, insertStaff, type World } from '../../../test/support/fieldwork-world.ts';

describe('presence rounds', () => {
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

  const start = (headers: { authorization: string }, districtCode = CENTRUM) =>
    app.inject({ method: 'POST', url: '/api/v1/presence/rounds', headers, payload: { districtCode } });
  const stop = (headers: { authorization: string }) =>
    app.inject({ method: 'POST', url: '/api/v1/presence/rounds/current/stop', headers });
  const current = (headers: { authorization: string }) =>
    app.inject({ method: 'GET', url: '/api/v1/presence/rounds/current', headers });

  it('starts, shows and stops a round, counting its real length', async () => {
    clock.set('2026-11-24T09:00:00+01:00');
    const started = await start(officer);
    assert.equal(started.statusCode, 201, started.body);
    assert.equal(started.json().closedRound, null);
    clock.set('2026-11-24T10:30:00+01:00');
    const open = (await current(officer)).json().round;
    assert.equal(open.districtCode, CENTRUM);
    assert.equal(open.endedAt, null);
    assert.equal(open.countedHours, 1.5);
    clock.set('2026-11-24T11:15:00+01:00');
    const stopped = await stop(officer);
    assert.equal(stopped.statusCode, 200, stopped.body);
    assert.equal(stopped.json().endedReason, 'stopped');
    assert.equal(stopped.json().countedHours, 2.25);
    assert.equal(stopped.json().capped, false);
    assert.equal((await current(officer)).json().round, null);
  });

  it('answers 409 when there is no open round to stop', async () => {
    const response = await stop(officer);
    assert.equal(response.statusCode, 409);
    assert.match(String(response.headers['content-type']), /problem\+json/);
  });

  it('keeps one open round: starting a new one closes the previous at the new start', async () => {
    clock.set('2026-11-24T13:00:00+01:00');
    await start(officer);
    clock.set('2026-11-24T14:00:00+01:00');
    const second = await start(officer, 'WK039218');
    assert.equal(second.statusCode, 201, second.body);
    const { round, closedRound } = second.json();
    assert.equal(closedRound.endedAt, '2026-11-24T13:00:00.000Z');
    assert.equal(closedRound.endedReason, 'next_round_started');
    assert.equal(closedRound.countedHours, 1);
    assert.equal(round.districtCode, 'WK039218');
    const open = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM presence_rounds WHERE officer_id = $1 AND ended_at IS NULL',
      [world.officer.id],
    );
    assert.equal(open.rows[0]!.n, 1);
    clock.set('2026-11-24T15:00:00+01:00');
    await stop(officer);
  });

  it("caps a round left open at the officer's work end, and one closed by next morning's start too", async () => {
    const late = await insertStaff(db, 'Laura Laat', ['officer'], { workEnd: '16:00' });
    const headers = await bearerFor(db, late.id);
    clock.set('2026-11-24T14:00:00+01:00');
    await start(headers);
    clock.set('2026-11-24T20:00:00+01:00');
    const forgotten = (await current(headers)).json().round;
    assert.equal(forgotten.countedUntil, '2026-11-24T15:00:00.000Z');
    assert.equal(forgotten.countedHours, 2);
    assert.equal(forgotten.capped, true);
    clock.set('2026-11-25T08:30:00+01:00');
    const next = (await start(headers)).json();
    assert.equal(next.closedRound.endedAt, '2026-11-25T07:30:00.000Z');
    assert.equal(next.closedRound.countedHours, 2);
    assert.equal(next.closedRound.capped, true);
  });

  it('caps any round at 8 hours, also one started after work end or stopped explicitly', async () => {
    const night = await insertStaff(db, 'Nina Nacht', ['officer'], { workEnd: '17:00' });
    const headers = await bearerFor(db, night.id);
    clock.set('2026-11-24T18:00:00+01:00');
    await start(headers);
    clock.set('2026-11-25T07:00:00+01:00');
    const stopped = (await stop(headers)).json();
    assert.equal(stopped.endedReason, 'stopped');
    assert.equal(stopped.countedHours, 8);
    assert.equal(stopped.countedUntil, '2026-11-25T01:00:00.000Z');
    assert.equal(stopped.capped, true);
  });

  it('lists rounds overlapping a period for coordinators, by district', async () => {
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/presence/rounds?districtCode=${CENTRUM}&from=2026-11-24T00:00:00%2B01:00&to=2026-11-24T12:00:00%2B01:00`,
      headers: coordinator,
    });
    assert.equal(response.statusCode, 200, response.body);
    const items = response.json().items;
    assert.ok(items.length >= 1);
    assert.ok(
      items.every(
        (r: { districtCode: string; startedAt: string }) =>
          r.districtCode === CENTRUM && r.startedAt < '2026-11-24T11:00:00.000Z',
      ),
    );
    assert.ok(
      items.some(
        (r: { officerId: string; countedHours: number }) => r.officerId === world.officer.id && r.countedHours === 2.25,
      ),
    );
  });

  it('refuses a district of no municipality of the officer', async () => {
    const response = await start(officer, 'WK999999');
    assert.equal(response.statusCode, 400);
    assert.equal(response.json().invalidParams[0].name, 'districtCode');
  });

  it('keeps one open round when two starts arrive at the same moment', async () => {
    const hurried = await insertStaff(db, 'Henk Haast', ['officer']);
    const headers = await bearerFor(db, hurried.id);
    clock.set('2026-11-26T09:00:00+01:00');
    const responses = await Promise.all([start(headers), start(headers, 'WK039218'), start(headers)]);
    for (const response of responses) assert.ok([201, 409].includes(response.statusCode), response.body);
    assert.ok(responses.some((r) => r.statusCode === 201));
    const open = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM presence_rounds WHERE officer_id = $1 AND ended_at IS NULL',
      [hurried.id],
    );
    assert.equal(open.rows[0]!.n, 1);
  });
});
