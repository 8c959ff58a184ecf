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
import type { ReportStatus } from './workflow.ts';

describe('handling reports: status, assignment, notes, history', () => {
  let db: Db;
  let app: App;
  let world: ReportsWorld;
  let officer: { authorization: string };
  const clock = fixedClock(TEST_NOW);

  const newReport = async (category = 'hondenpoep'): Promise<string> => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { category, description: 'Afval bij de kerk', location: GROTE_MARKT },
      remoteAddress: '198.51.100.20',
    });
    assert.equal(response.statusCode, 201, response.body);
    return response.json().id;
  };
  const setStatus = (id: string, status: ReportStatus, text?: string, headers: Record<string, string> = officer) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/status`,
      payload: text ? { status, text } : { status },
      headers,
    });
  const forwardToPartner = (id: string) =>
    app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/assignment`,
      headers: officer,
      payload: { kind: 'partner', id: world.teamId('spaarnelanden') },
    });
  /** Walks a fresh report along `path` (each step must succeed) and returns its id. */
  const reportIn = async (path: ReportStatus[]): Promise<string> => {
    const id = await newReport();
    for (const status of path) {
      const response =
        status === 'forwarded' ? await forwardToPartner(id) : await setStatus(id, status, 'Uitleg bij de wijziging');
      assert.equal(response.statusCode, 200, `${status}: ${response.body}`);
    }
    return id;
  };

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    app = await testApp(db, { clock, env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    officer = await bearerFor(db, world.userId(emails.centrumOfficer));
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const paths: Record<ReportStatus, ReportStatus[]> = {
    new: [],
    planned: ['planned'],
    in_progress: ['in_progress'],
    waiting_for_reporter: ['waiting_for_reporter'],
    forwarded: ['forwarded'],
    resolved: ['resolved'],
    cancelled: ['cancelled'],
    reopened: ['resolved', 'reopened'],
  };
  const cases: Array<[ReportStatus, ReportStatus, number]> = [
    ['new', 'in_progress', 200],
    ['new', 'resolved', 200],
    ['new', 'reopened', 409],
    ['new', 'forwarded', 409],
    ['in_progress', 'forwarded', 409],
    ['planned', 'in_progress', 200],
    ['in_progress', 'planned', 200],
    ['in_progress', 'new', 409],
    ['waiting_for_reporter', 'in_progress', 200],
    ['waiting_for_reporter', 'planned', 409],
    ['forwarded', 'cancelled', 200],
    ['forwarded', 'waiting_for_reporter', 409],
    ['resolved', 'reopened', 200],
    ['resolved', 'in_progress', 409],
    ['cancelled', 'reopened', 409],
    ['cancelled', 'in_progress', 409],
    ['reopened', 'planned', 200],
  ];
  for (const [from, to, expected] of cases) {
    it(`${from} → ${to} answers ${expected}`, async () => {
      const id = await reportIn(paths[from]);
      const response = await setStatus(id, to, 'Uitleg bij de wijziging');
      assert.equal(response.statusCode, expected, response.body);
      if (expected === 409) {
        assert.equal(response.json().code, 'invalid_transition');
        const stored = await db.query<{ status: string }>('SELECT status FROM reports WHERE id = $1', [id]);
        assert.equal(stored.rows[0]!.status, from, 'a refused change changes nothing');
      } else {
        assert.equal(response.json().status, to);
      }
    });
  }

  it('needs a text to resolve; closing sets closedAt; every change is in the history', async () => {
    const id = await newReport();
    const withoutText = await setStatus(id, 'resolved');
    assert.equal(withoutText.statusCode, 400);
    assert.equal(withoutText.json().invalidParams[0].name, 'body.text');
    assert.equal((await setStatus(id, 'in_progress')).statusCode, 200);
    clock.advance(3_600_000);
    const resolved = await setStatus(id, 'resolved', 'Eigenaar aangesproken, stoep schoon');
    assert.equal(resolved.statusCode, 200);
    const report = resolved.json();
    assert.equal(report.closedAt, clock.now().toISOString());
    const steps = report.history.map(
      (h: { action: string; fromStatus: string | null; toStatus: string; actor: { label: string } }) => [
        h.action,
        h.fromStatus,
        h.toStatus,
        h.actor.label,
      ],
    );
    assert.deepEqual(steps, [
      ['created', null, 'new', 'melder'],
      ['status_changed', 'new', 'in_progress', 'Sanne Bakker'],
      ['status_changed', 'in_progress', 'resolved', 'Sanne Bakker'],
    ]);
    assert.equal(report.history[2].text, 'Eigenaar aangesproken, stoep schoon');
  });

  it('refuses a change made on a stale version (If-Match) with 409', async () => {
    const id = await newReport();
    const read = await app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: officer });
    const etag = String(read.headers.etag);
    assert.equal(etag, `"${read.json().version}"`);
    const first = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/status`,
      payload: { status: 'planned' },
      headers: { ...officer, 'if-match': etag },
    });
    assert.equal(first.statusCode, 200);
    assert.notEqual(first.headers.etag, etag);
    const stale = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/status`,
      payload: { status: 'in_progress' },
      headers: { ...officer, 'if-match': etag },
    });
    assert.equal(stale.statusCode, 409);
    assert.equal(stale.json().code, 'conflict');
  });

  it('keeps the history append-only: UPDATE and DELETE fail in the database', async () => {
    const id = await newReport();
    await assert.rejects(
      db.query(`UPDATE report_history SET text = 'rewritten' WHERE report_id = $1`, [id]),
      /append-only/,
    );
    await assert.rejects(db.query('DELETE FROM report_history WHERE report_id = $1', [id]), /append-only/);
    const { rows } = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM report_history WHERE report_id = $1 AND text IS DISTINCT FROM $2',
      [id, 'rewritten'],
    );
    assert.equal(rows[0]!.n, 1);
  });

  it('reassigns to a team and forwards to a partner, which makes the report forwarded', async () => {
    const id = await newReport();
    const coordinator = await bearerFor(db, world.userId(emails.coordinator));
    const toTeam = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/assignment`,
      headers: coordinator,
      payload: { kind: 'team', id: world.teamId('parkeren'), text: 'Past beter bij het parkeerteam' },
    });
    assert.equal(toTeam.statusCode, 200, toTeam.body);
    assert.deepEqual(toTeam.json().assignee, { kind: 'team', id: world.teamId('parkeren'), name: 'Team Parkeren' });
    assert.equal(toTeam.json().status, 'new');

    const toPartner = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/assignment`,
      headers: coordinator,
      payload: { kind: 'partner', id: world.teamId('spaarnelanden'), text: 'Afval: Spaarnelanden ruimt op' },
    });
    assert.equal(toPartner.statusCode, 200, toPartner.body);
    assert.equal(toPartner.json().status, 'forwarded');
    assert.equal(toPartner.json().assignee.name, 'Spaarnelanden');
    const actions = toPartner.json().history.map((h: { action: string }) => h.action);
    assert.deepEqual(actions, ['created', 'assigned', 'forwarded']);
    assert.deepEqual(toPartner.json().history[2].data.to, {
      kind: 'partner',
      id: world.teamId('spaarnelanden'),
      name: 'Spaarnelanden',
    });
  });

  it('forwards only by assigning to a partner; taking it back from the partner makes it in progress', async () => {
    const id = await newReport();
    const bare = await setStatus(id, 'forwarded');
    assert.equal(bare.statusCode, 409);
    assert.match(bare.json().detail, /only by assigning it to a partner/);
    assert.equal((await forwardToPartner(id)).json().status, 'forwarded');
    const back = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/assignment`,
      headers: officer,
      payload: { kind: 'officer', id: world.userId(emails.centrumOfficer), text: 'Spaarnelanden kan hier niets mee' },
    });
    assert.equal(back.statusCode, 200, back.body);
    assert.equal(back.json().status, 'in_progress');
    assert.equal(back.json().assignee.kind, 'officer');
    const last = back.json().history.at(-1);
    assert.deepEqual([last.action, last.fromStatus, last.toStatus], ['assigned', 'forwarded', 'in_progress']);
    const read = await app.inject({ method: 'GET', url: `/api/v1/reports/${id}`, headers: officer });
    assert.equal(read.json().version, back.json().version);
  });

  it('refuses an unknown assignee (400) and reassigning a closed report (409)', async () => {
    const id = await newReport();
    const unknown = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/assignment`,
      headers: officer,
      payload: { kind: 'officer', id: world.teamId('parkeren') },
    });
    assert.equal(unknown.statusCode, 400);
    assert.equal(unknown.json().invalidParams[0].name, 'body.id');
    const closed = await reportIn(['cancelled']);
    const refused = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${closed}/assignment`,
      headers: officer,
      payload: { kind: 'officer', id: world.userId(emails.oostOfficer) },
    });
    assert.equal(refused.statusCode, 409);
  });

  it('adds notes to the history without changing the report', async () => {
    const id = await newReport();
    const note = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/notes`,
      headers: officer,
      payload: { text: 'Buurtbewoner gesproken' },
    });
    assert.equal(note.statusCode, 201, note.body);
    const last = note.json().history.at(-1);
    assert.equal(last.action, 'note');
    assert.equal(last.text, 'Buurtbewoner gesproken');
    assert.equal(last.actor.id, world.userId(emails.centrumOfficer));
    assert.equal(note.json().version, 1);
  });

  it('checks roles on every staff endpoint: 401 signed out, 403 with a wrong role', async () => {
    const id = await newReport();
    const analyst = await bearerFor(db, world.userId(emails.analyst));
    const partner = await bearerFor(db, world.userId(emails.partner));
    const writes = [
      { url: `/api/v1/reports/${id}/status`, payload: { status: 'planned' }, wrong: [analyst] },
      {
        url: `/api/v1/reports/${id}/assignment`,
        payload: { kind: 'officer', id: world.userId(emails.oostOfficer) },
        wrong: [analyst, partner],
      },
      { url: `/api/v1/reports/${id}/notes`, payload: { text: 'x' }, wrong: [analyst] },
    ];
    for (const write of writes) {
      const anonymous = await app.inject({ method: 'POST', url: write.url, payload: write.payload });
      assert.equal(anonymous.statusCode, 401, write.url);
      assert.match(String(anonymous.headers['content-type']), /application\/problem\+json/);
      for (const headers of write.wrong) {
        assert.equal(
          (await app.inject({ method: 'POST', url: write.url, payload: write.payload, headers })).statusCode,
          403,
          write.url,
        );
      }
    }
    for (const url of ['/api/v1/reports', `/api/v1/reports/${id}`]) {
      assert.equal((await app.inject({ method: 'GET', url })).statusCode, 401, url);
    }
    // Signed out, a bad request is still a 401: roles are checked before the body.
    assert.equal(
      (await app.inject({ method: 'POST', url: `/api/v1/reports/${id}/status`, payload: { status: 'nonsense' } }))
        .statusCode,
      401,
    );
    const stored = await db.query<{ status: string; n: number }>(
      'SELECT r.status, (SELECT count(*)::int FROM report_history h WHERE h.report_id = r.id) AS n FROM reports r WHERE r.id = $1',
      [id],
    );
    assert.deepEqual({ ...stored.rows[0] }, { status: 'new', n: 1 });
  });
});
