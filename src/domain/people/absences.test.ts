import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db, Queryable } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { createAbsence, type RerouteOpenReports } from './create-absence.ts';
import type { StaffUser } from '../../shared/staff.ts';
import { addUser, seedMiniGeography } from './test-fixtures.ts';

const staff = (id: string, roles: StaffUser['roles'], municipalityCode = 'GM0392'): StaffUser => ({
  id,
  roles,
  municipalityCode,
  name: `user ${id.slice(0, 4)}`,
  email: 'x@example',
  teamId: null,
});

describe('absences', () => {
  let db: Db;
  let app: App;
  const clock = fixedClock('2026-11-24T09:00:00+01:00');
  const ids: Record<string, string> = {};
  const auth: Record<string, { authorization: string }> = {};
  const calls: Array<{ absence: Parameters<RerouteOpenReports>[1]; absenceVisibleInTransaction: boolean }> = [];
  // Observes the contract with the reports area: called inside the transaction that inserted the absence.
  const observingReroute: RerouteOpenReports = async (deps, absence) => {
    const { rows } = await (deps.db as Queryable).query('SELECT 1 FROM absences WHERE id = $1', [absence.id]);
    calls.push({ absence, absenceVisibleInTransaction: rows.length === 1 });
    return { rerouted: 3, overdue: 1 };
  };

  before(async () => {
    db = await openTestDb({ empty: true });
    await seedMiniGeography(db);
    ids.fatima = await addUser(db, { email: 'fatima@haarlem.example', name: 'Fatima de Vries', roles: ['officer'] });
    ids.kevin = await addUser(db, { email: 'kevin@haarlem.example', name: 'Kevin Tjon A Fong', roles: ['officer'] });
    ids.coordinator = await addUser(db, {
      email: 'coordinator@haarlem.example',
      name: 'Marieke Hoekstra',
      roles: ['coordinator'],
    });
    ids.analyst = await addUser(db, { email: 'analist@haarlem.example', roles: ['analyst'] });
    ids.agent = await addUser(db, { email: 'kcc@haarlem.example', roles: ['contact_centre'] });
    ids.amsterdam = await addUser(db, {
      email: 'officer@amsterdam.example',
      roles: ['officer'],
      municipalityCode: 'GM0363',
    });
    ids.amsterdamManager = await addUser(db, {
      email: 'tm@amsterdam.example',
      roles: ['team_manager'],
      municipalityCode: 'GM0363',
    });
    for (const who of ['fatima', 'kevin', 'coordinator', 'analyst', 'agent', 'amsterdamManager'])
      auth[who] = await bearerFor(db, ids[who]!);
    app = await testApp(db, { clock });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const deps = () => ({ db, clock, rerouteReports: observingReroute });
  const sickWeek = {
    kind: 'sick',
    startsAt: '2026-11-24T08:00:00+01:00',
    endsAt: '2026-11-28T17:00:00+01:00',
    note: 'griep',
  };

  it('registers an absence and hands it, inside the same transaction, to the re-routing of reports', async () => {
    const coordinator = staff(ids.coordinator!, ['coordinator']);
    const result = await createAbsence(deps(), { ...coordinator, name: 'Marieke Hoekstra' }, ids.fatima!, sickWeek);
    assert.equal(result.reroutedReports, 3);
    assert.equal(result.absence.kind, 'sick');
    assert.equal(result.absence.officerName, 'Fatima de Vries');
    assert.equal(result.absence.startsAt.toISOString(), '2026-11-24T07:00:00.000Z');
    assert.equal(result.absence.createdById, ids.coordinator);
    const call = calls.at(-1)!;
    assert.equal(call.absenceVisibleInTransaction, true);
    assert.deepEqual(call.absence, {
      id: result.absence.id,
      officerId: ids.fatima,
      startsAt: new Date('2026-11-24T07:00:00Z'),
      endsAt: new Date('2026-11-28T16:00:00Z'),
      actor: { id: ids.coordinator, name: 'Marieke Hoekstra' },
    });
  });

  it('registers no absence when re-routing fails', async () => {
    const failing: RerouteOpenReports = async () => {
      throw new Error('routing unavailable');
    };
    const count = async () => (await db.query('SELECT 1 FROM absences WHERE officer_id = $1', [ids.kevin])).rows.length;
    const before = await count();
    await assert.rejects(
      createAbsence(
        { db, clock, rerouteReports: failing },
        staff(ids.coordinator!, ['coordinator']),
        ids.kevin!,
        sickWeek,
      ),
      /routing unavailable/,
    );
    assert.equal(await count(), before);
  });

  it('lets an officer register their own absence but not a colleague’s', async () => {
    const own = await createAbsence(deps(), staff(ids.kevin!, ['officer']), ids.kevin!, {
      kind: 'training',
      startsAt: '2026-12-02T08:00:00+01:00',
      endsAt: '2026-12-02T17:00:00+01:00',
    });
    assert.equal(own.absence.note, null);
    await assert.rejects(
      createAbsence(deps(), staff(ids.kevin!, ['officer']), ids.fatima!, sickWeek),
      (e: unknown) => e instanceof DomainError && e.code === 'forbidden',
    );
    await assert.rejects(
      createAbsence(deps(), staff(ids.amsterdamManager!, ['team_manager'], 'GM0363'), ids.fatima!, sickWeek),
      (e: unknown) => e instanceof DomainError && e.code === 'not_found',
    );
  });

  it('lists every problem of an absence together over HTTP, and registers nothing', async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/officers/${ids.fatima}/absences`,
      headers: auth.coordinator,
      payload: { kind: 'holiday', startsAt: '2026-11-30', endsAt: '2026-11-29T08:00:00+01:00', note: 'x'.repeat(501) },
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['kind', 'note', 'startsAt'],
    );
    const backwards = await app.inject({
      method: 'POST',
      url: `/api/v1/officers/${ids.fatima}/absences`,
      headers: auth.coordinator,
      payload: { kind: 'leave', startsAt: '2026-11-30T08:00:00+01:00', endsAt: '2026-11-29T08:00:00+01:00' },
    });
    assert.deepEqual(
      backwards.json().invalidParams.map((p: { name: string; code: string }) => `${p.name}:${p.code}`),
      ['endsAt:not_after_start'],
    );
    const forbidden = await app.inject({
      method: 'POST',
      url: `/api/v1/officers/${ids.fatima}/absences`,
      headers: auth.kevin,
      payload: sickWeek,
    });
    assert.equal(forbidden.statusCode, 403);
    const foreign = await app.inject({
      method: 'POST',
      url: `/api/v1/officers/${ids.fatima}/absences`,
      headers: auth.amsterdamManager,
      payload: sickWeek,
    });
    assert.equal(foreign.statusCode, 404);
  });

  it("registers through the API with the reports area's re-routing and reports the count", async () => {
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/officers/${ids.kevin}/absences`,
      headers: auth.coordinator,
      payload: { kind: 'leave', startsAt: '2026-12-14T00:00:00+01:00', endsAt: '2026-12-19T00:00:00+01:00' },
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().reroutedReports, 0, 'Kevin has no open reports');
    assert.equal(response.json().absence.kind, 'leave');
  });

  it("lists an officer's absences (cancelled included) and the team view of a period (not cancelled)", async () => {
    const mine = await app.inject({
      method: 'GET',
      url: `/api/v1/officers/${ids.fatima}/absences`,
      headers: auth.coordinator,
    });
    assert.equal(mine.statusCode, 200);
    assert.deepEqual(
      mine.json().map((a: { kind: string }) => a.kind),
      ['sick'],
    );
    const week = await app.inject({
      method: 'GET',
      url: '/api/v1/absences?from=2026-11-23T00:00:00%2B01:00&to=2026-11-30T00:00:00%2B01:00',
      headers: auth.coordinator,
    });
    assert.equal(week.statusCode, 200);
    assert.deepEqual(
      week.json().map((a: { officerName: string }) => a.officerName),
      ['Fatima de Vries'],
    );
    const defaultPeriod = await app.inject({ method: 'GET', url: '/api/v1/absences', headers: auth.coordinator });
    assert.deepEqual(
      defaultPeriod.json().map((a: { kind: string }) => a.kind),
      ['sick', 'training'],
      'from now to two weeks ahead: the leave from 14 December is outside',
    );
    const bad = await app.inject({
      method: 'GET',
      url: '/api/v1/absences?from=yesterday&to=2026-11-01T00:00:00Z',
      headers: auth.coordinator,
    });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(
      bad.json().invalidParams.map((p: { name: string }) => p.name),
      ['from'],
    );
    const foreign = await app.inject({ method: 'GET', url: '/api/v1/absences', headers: auth.amsterdamManager });
    assert.deepEqual(foreign.json(), []);
    assert.equal(
      (
        await app.inject({
          method: 'GET',
          url: `/api/v1/officers/${ids.fatima}/absences`,
          headers: auth.amsterdamManager,
        })
      ).statusCode,
      404,
    );
  });

  it('shows absences (kind and note) only to those who plan the team, and to an officer their own', async () => {
    const teamView = '/api/v1/absences?from=2026-11-23T00:00:00%2B01:00&to=2026-11-30T00:00:00%2B01:00';
    for (const who of ['analyst', 'agent', 'fatima']) {
      assert.equal((await app.inject({ method: 'GET', url: teamView, headers: auth[who] })).statusCode, 403, who);
    }
    for (const who of ['analyst', 'agent', 'kevin']) {
      assert.equal(
        (await app.inject({ method: 'GET', url: `/api/v1/officers/${ids.fatima}/absences`, headers: auth[who] }))
          .statusCode,
        403,
        who,
      );
    }
    const own = await app.inject({
      method: 'GET',
      url: `/api/v1/officers/${ids.fatima}/absences`,
      headers: auth.fatima,
    });
    assert.equal(own.statusCode, 200);
    assert.deepEqual(
      own.json().map((a: { kind: string; note: string | null }) => [a.kind, a.note]),
      [['sick', 'griep']],
    );
  });

  it('cancels an absence (kept, marked cancelled), only by a manager or the officer themself', async () => {
    const [sick] = (
      await app.inject({ method: 'GET', url: `/api/v1/officers/${ids.fatima}/absences`, headers: auth.coordinator })
    ).json();
    assert.equal(
      (await app.inject({ method: 'DELETE', url: `/api/v1/absences/${sick.id}`, headers: auth.kevin })).statusCode,
      403,
    );
    assert.equal(
      (await app.inject({ method: 'DELETE', url: `/api/v1/absences/${sick.id}`, headers: auth.amsterdamManager }))
        .statusCode,
      404,
    );
    clock.advance(3_600_000);
    const cancelled = await app.inject({ method: 'DELETE', url: `/api/v1/absences/${sick.id}`, headers: auth.fatima });
    assert.equal(cancelled.statusCode, 200);
    assert.equal(cancelled.json().cancelledAt, '2026-11-24T09:00:00.000Z');
    const again = await app.inject({ method: 'DELETE', url: `/api/v1/absences/${sick.id}`, headers: auth.coordinator });
    assert.equal(again.json().cancelledAt, '2026-11-24T09:00:00.000Z', 'cancelling twice keeps the first moment');
    const list = (
      await app.inject({ method: 'GET', url: `/api/v1/officers/${ids.fatima}/absences`, headers: auth.coordinator })
    ).json();
    assert.equal(list[0].cancelledAt, '2026-11-24T09:00:00.000Z');
    const week = await app.inject({
      method: 'GET',
      url: '/api/v1/absences?from=2026-11-23T00:00:00Z&to=2026-11-30T00:00:00Z',
      headers: auth.coordinator,
    });
    assert.deepEqual(week.json(), []);
    assert.equal(
      (
        await app.inject({
          method: 'DELETE',
          url: '/api/v1/absences/00000000-0000-4000-8000-000000000000',
          headers: auth.coordinator,
        })
      ).statusCode,
      404,
    );
    clock.set('2026-11-24T09:00:00+01:00');
  });
});
