import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { createAbsence, resolveSession, startSession, type StaffUser } from '../people/index.ts';
import {
  buildReportsWorld,
  emails,
  GROTE_MARKT,
  pointInDistrict,
  TEST_NOW,
  type ReportsWorld,
} from '../../../test/support/reports-world.ts';

describe('re-routing on absence', () => {
  let db: Db;
  let app: App;
  let world: ReportsWorld;
  let coordinator: StaffUser;
  const clock = fixedClock(TEST_NOW);

  const file = async (category: string): Promise<{ id: string; assignee: { id: string; name: string } }> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category, description: 'Overlast', location: GROTE_MARKT },
      remoteAddress: '198.51.100.40',
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json();
  };
  const assigneeOf = async (id: string) =>
    (await db.query<{ assignee_id: string }>('SELECT assignee_id FROM reports WHERE id = $1', [id])).rows[0]!
      .assignee_id;

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    app = await testApp(db, { clock, env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    const { token } = await startSession({ db, clock }, world.userId(emails.coordinator), 'bearer', 1);
    coordinator = (await resolveSession({ db, clock }, token))!;
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('hands the open reports due during the absence to a colleague, with the reason in the history', async () => {
    const sanne = world.userId(emails.centrumOfficer);
    const dueSoon = await file('geluidsoverlast'); // urgent: due end of tomorrow
    const dueLater = await file('hondenpoep'); // 21 days: due after the absence
    const closed = await file('vuurwerkoverlast');
    const staff = await bearerFor(db, sanne);
    const close = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${closed.id}/status`,
      payload: { status: 'cancelled' },
      headers: staff,
    });
    assert.equal(close.statusCode, 200);
    for (const report of [dueSoon, dueLater, closed]) assert.equal(report.assignee.id, sanne);

    const { absence, reroutedReports } = await createAbsence({ db, clock }, coordinator, sanne, {
      kind: 'sick',
      startsAt: '2026-11-24T08:00:00+01:00',
      endsAt: '2026-11-30T08:00:00+01:00',
    });
    assert.equal(reroutedReports, 1);
    const newAssignee = await assigneeOf(dueSoon.id);
    assert.notEqual(newAssignee, sanne);
    assert.equal(await assigneeOf(dueLater.id), sanne, 'due after the absence: stays with the district officer');
    assert.equal(await assigneeOf(closed.id), sanne, 'closed reports are not re-routed');

    const detail = await app.inject({ method: 'GET', url: `/api/v1/reports/${dueSoon.id}`, headers: staff });
    const rerouted = detail.json().history.at(-1);
    assert.equal(rerouted.action, 'rerouted');
    assert.deepEqual(rerouted.actor, { id: coordinator.id, label: coordinator.name, kind: 'staff' });
    assert.equal(rerouted.data.absenceId, absence.id);
    assert.equal(rerouted.data.to.id, newAssignee);
    assert.match(rerouted.text, /Sanne Bakker/);
    assert.equal(detail.json().assignee.id, newAssignee);
    assert.equal(detail.json().routing.reason.nl, rerouted.text);
  });

  it('never tells the kind of absence (health data) in the public answer or in any history entry', async () => {
    const absenceKindWords = /ziek|sick|verlof|leave|opleiding|training|cursus/i;
    const during = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category: 'geluidsoverlast', description: 'Overlast', location: GROTE_MARKT },
      remoteAddress: '198.51.100.41',
    });
    assert.equal(during.statusCode, 201, during.body);
    assert.match(during.body, /afwezig tot/, 'the reason still says the officer is away');
    assert.doesNotMatch(during.body, absenceKindWords);
    const staff = await bearerFor(db, world.userId(emails.centrumOfficer));
    const { rows } = await db.query<{ id: string }>('SELECT id FROM reports');
    for (const { id } of rows) {
      const history = (await app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: staff })).json()
        .history as Array<{ text: string | null; data: unknown }>;
      for (const entry of history) assert.doesNotMatch(JSON.stringify(entry), absenceKindWords);
    }
    const stored = await db.query<{ routing_reason_nl: string; routing_reason_en: string }>(
      'SELECT routing_reason_nl, routing_reason_en FROM reports',
    );
    for (const row of stored.rows)
      assert.doesNotMatch(`${row.routing_reason_nl} ${row.routing_reason_en}`, absenceKindWords);
  });

  it("also moves the officer's overdue reports, and the answer says how many moved and how many were overdue", async () => {
    const fatima = world.userId(emails.oostOfficer);
    const { rows } = await db.query<{ code: string }>(
      `SELECT d.code FROM district_assignments a JOIN districts d ON d.code = a.district_code
        WHERE a.owner_id = $1 AND a.valid_to IS NULL ORDER BY d.code LIMIT 1`,
      [fatima],
    );
    const location = await pointInDistrict(db, rows[0]!.code);
    const fileHere = async (category: string) => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: { category, description: 'Overlast', location },
        remoteAddress: '198.51.100.42',
      });
      assert.equal(response.statusCode, 201, response.body);
      return response.json() as { id: string; assignee: { id: string }; deadline: string };
    };
    const late = await fileHere('veeg-zwerfvuil'); // 3 work days
    const notYetDue = await fileHere('hondenpoep'); // 21 days
    for (const report of [late, notYetDue]) assert.equal(report.assignee.id, fatima);
    // A week on, the litter report is overdue; the absence starts tomorrow and lasts two days.
    clock.set('2026-12-02T09:00:00+01:00');
    assert.ok(new Date(late.deadline) < clock.now());
    const officer = await bearerFor(db, world.userId(emails.coordinator), clock);
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/officers/${fatima}/absences`,
      payload: { kind: 'leave', startsAt: '2026-12-03T08:00:00+01:00', endsAt: '2026-12-05T08:00:00+01:00' },
      headers: officer,
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().reroutedReports, 1);
    assert.equal(response.json().reroutedOverdueReports, 1);
    assert.notEqual(await assigneeOf(late.id), fatima, 'the overdue report went to a colleague');
    assert.equal(await assigneeOf(notYetDue.id), fatima, 'due after the absence: stays');
    clock.set(TEST_NOW);
  });

  it('routes new reports past the absent officer, and to them again once they are back', async () => {
    const sanne = world.userId(emails.centrumOfficer);
    const during = await file('geluidsoverlast');
    assert.notEqual(during.assignee.id, sanne);
    clock.set('2026-11-30T09:00:00+01:00'); // Monday, one of her district days
    const back = await file('hondenpoep');
    assert.equal(back.assignee.id, sanne);
  });
});
