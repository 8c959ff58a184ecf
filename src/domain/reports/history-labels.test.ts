import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import {
  buildReportsWorld,
  emails,
  GROTE_MARKT,
  TEST_NOW,
  type ReportsWorld,
} from '../../../test/support/reports-world.ts';

interface Entry {
  action: string;
  actor: { id: string | null; label: string; kind: string };
  fromStatus: string | null;
  toStatus: string | null;
  text: string | null;
  holder: { kind: string; id: string; name: string } | null;
}

describe('a true history: notes, holders by name, the reporter as "melder", the reason of a reassignment', () => {
  let db: Db;
  let app: App;
  let world: ReportsWorld;
  let coordinator: { authorization: string };
  const clock = fixedClock(TEST_NOW);

  const newReport = async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category: 'hondenpoep', description: 'Poep op de stoep', location: GROTE_MARKT },
      remoteAddress: '198.51.100.50',
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json() as { id: string };
  };
  const post = async (id: string, path: string, payload: Record<string, unknown>) => {
    clock.advance(60_000);
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/${path}`,
      payload,
      headers: coordinator,
    });
    assert.ok(response.statusCode < 300, response.body);
    return response.json() as { history: Entry[]; routing: { rule: string; reason: { nl: string; en: string } } };
  };

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    app = await testApp(db, { clock, env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    coordinator = await bearerFor(db, world.userId(emails.coordinator));
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('names the resident "melder" and a note as a note, without a status change', async () => {
    const { id } = await newReport();
    await post(id, 'status', { status: 'in_progress' });
    const detail = await post(id, 'notes', { text: 'Buurman gesproken' });
    const [created, started, note] = detail.history;
    assert.deepEqual(created!.actor, { id: null, label: 'melder', kind: 'reporter' });
    assert.equal(started!.toStatus, 'in_progress');
    assert.deepEqual(
      [note!.action, note!.fromStatus, note!.toStatus, note!.text],
      ['note', null, null, 'Buurman gesproken'],
    );
    assert.equal(note!.actor.kind, 'staff');
  });

  it('names the new holder of an assignment and a forward, and a reassignment replaces the routing reason', async () => {
    const { id } = await newReport();
    const parkeren = world.teamId('parkeren');
    const toTeam = await post(id, 'assignment', { kind: 'team', id: parkeren, text: 'Is een parkeerzaak' });
    const assigned = toTeam.history.at(-1)!;
    assert.equal(assigned.action, 'assigned');
    assert.deepEqual(assigned.holder, { kind: 'team', id: parkeren, name: 'Team Parkeren' });
    assert.equal(assigned.fromStatus, null, 'an assignment that keeps the status shows no status change');
    assert.equal(toTeam.routing.rule, 'manual');
    assert.equal(
      toTeam.routing.reason.nl,
      'Handmatig toegewezen aan Team Parkeren door Marieke Hoekstra: Is een parkeerzaak',
    );
    assert.equal(toTeam.routing.reason.en, 'Assigned to Team Parkeren by Marieke Hoekstra: Is een parkeerzaak');

    const partner = world.teamId('spaarnelanden');
    const forwarded = (await post(id, 'assignment', { kind: 'partner', id: partner })).history.at(-1)!;
    assert.equal(forwarded.action, 'forwarded');
    assert.deepEqual(forwarded.holder, { kind: 'partner', id: partner, name: 'Spaarnelanden' });
    assert.equal(forwarded.toStatus, 'forwarded');
  });

  it('names the holder of older entries (and re-routings) that kept only its id', async () => {
    const { id } = await newReport();
    const fatima = world.userId(emails.oostOfficer);
    await db.query(
      `INSERT INTO report_history (report_id, at, actor_id, actor_label, action, from_status, to_status, text, data)
       VALUES ($1, $2, NULL, 'system', 'rerouted', 'new', 'new', NULL, $3::jsonb)`,
      [id, clock.now(), JSON.stringify({ to: { kind: 'officer', id: fatima } })],
    );
    const detail = await app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: coordinator });
    const rerouted = (detail.json().history as Entry[]).at(-1)!;
    assert.deepEqual(rerouted.holder, { kind: 'officer', id: fatima, name: 'Fatima de Vries' });
    assert.deepEqual(rerouted.actor, { id: null, label: 'system', kind: 'system' });
    assert.equal(rerouted.toStatus, null);
  });
});
