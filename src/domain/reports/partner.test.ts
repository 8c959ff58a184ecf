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
  pointInDistrict,
  TEST_NOW,
  type ReportsWorld,
} from '../../../test/support/reports-world.ts';

type Headers = { authorization: string };
interface Item {
  id: string;
  status: string;
  overdue: boolean;
  deadline: string;
  assignee: { kind: string; id: string; name: string };
  location: { type: string; coordinates: [number, number] };
}

const INTERNAL_NOTE = 'Intern: buurman is een bekende klager, niet doorvertellen';
const REPORTER_EMAIL = 'melder.partnertest@example.org';
const REPORTER_PHONE = '0612345678';

describe('partner workspace: list, detail, accept, send back, resolve', () => {
  let db: Db;
  let app: App;
  let world: ReportsWorld;
  let coordinator: Headers;
  let officer: Headers;
  let partner: Headers;
  let police: Headers;
  const clock = fixedClock(TEST_NOW);
  const ids: Record<string, string> = {};

  const call = async (method: 'GET' | 'POST', url: string, headers: Headers, payload?: unknown) => {
    const response = await app.inject({
      method,
      url,
      headers,
      ...(payload !== undefined ? { payload: payload as Record<string, unknown> } : {}),
    });
    return { status: response.statusCode, body: response.body, json: () => response.json() };
  };
  const file = async (name: string, body: Record<string, unknown>) => {
    clock.advance(60_000);
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/reports',
      payload: { description: `Melding ${name}`, ...body },
      remoteAddress: '198.51.100.40',
    });
    assert.equal(response.statusCode, 201, response.body);
    ids[name] = response.json().id;
  };
  const forward = async (name: string, by: Headers) => {
    const response = await call('POST', `/api/v1/reports/${ids[name]}/assignment`, by, {
      kind: 'partner',
      id: world.teamId('spaarnelanden'),
      text: 'Graag oppakken',
    });
    assert.equal(response.status, 200, response.body);
  };
  const detail = async (name: string, headers: Headers) => call('GET', `/api/v1/reports/${ids[name]}`, headers);
  const partnerList = async (query = '', headers = partner) => {
    const response = await call('GET', `/api/v1/partner/reports${query}`, headers);
    assert.equal(response.status, 200, response.body);
    return response.json() as { items: Item[]; nextCursor: string | null };
  };
  const action = (name: string, verb: string, payload?: unknown, headers = partner) =>
    call('POST', `/api/v1/partner/reports/${ids[name]}/${verb}`, headers, payload ?? {});

  before(async () => {
    db = await openTestDb({ empty: true });
    world = await buildReportsWorld(db);
    app = await testApp(db, { clock, env: { REPORT_RATE_LIMIT_PER_MINUTE: '1000' } });
    coordinator = await bearerFor(db, world.userId(emails.coordinator));
    officer = await bearerFor(db, world.userId(emails.centrumOfficer));
    partner = await bearerFor(db, world.userId(emails.partner));
    const agent = await createUser(
      { db, clock },
      {
        municipalityCode: 'GM0392',
        email: 'agent@politie.example',
        name: 'Agent Test',
        roles: ['partner'],
        teamCode: 'politie',
        password: 'a-long-enough-password-1',
      },
    );
    police = await bearerFor(db, agent.user.id);
    const parkwijk = await pointInDistrict(db, 'WK039209');
    // Filed first, so its deadline passes once the clock moves on below: the overdue one.
    await file('overdue', { category: 'veeg-zwerfvuil', location: parkwijk });
    clock.advance(30 * 24 * 3600_000);
    for (const name of ['accept', 'sendBack', 'resolve', 'secret', 'byCoordinator', 'paging1', 'paging2']) {
      await file(name, {
        category: 'veeg-zwerfvuil',
        location: name === 'sendBack' ? GROTE_MARKT : parkwijk,
        // Without consent to share: a partner then never gets the reporter's contact (with it, see reading.test.ts).
        reporter: { email: REPORTER_EMAIL, phone: REPORTER_PHONE, consentToShareWithPartners: false },
      });
    }
    await file('notForwarded', { category: 'veeg-zwerfvuil', location: parkwijk });
    await file('police', { category: 'veeg-zwerfvuil', location: parkwijk });
    for (const name of ['overdue', 'accept', 'resolve', 'secret', 'byCoordinator', 'paging1', 'paging2']) {
      await forward(name, coordinator);
    }
    // The Centrum officer holds the Grote Markt report and forwards it: the send-back returns it to them.
    const sendBack = (await detail('sendBack', officer)).json();
    assert.equal(sendBack.assignee.kind, 'officer');
    assert.equal(sendBack.assignee.id, world.userId(emails.centrumOfficer));
    await forward('sendBack', officer);
    const toPolice = await call('POST', `/api/v1/reports/${ids.police}/assignment`, coordinator, {
      kind: 'partner',
      id: world.teamId('politie'),
    });
    assert.equal(toPolice.status, 200, toPolice.body);
    const note = await call('POST', `/api/v1/reports/${ids.secret}/notes`, coordinator, { text: INTERNAL_NOTE });
    assert.equal(note.status, 201, note.body);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('lists only what was forwarded to the own organisation, overdue first, then by deadline, with a map point', async () => {
    const { items } = await partnerList('?limit=200');
    const mine = ['overdue', 'accept', 'sendBack', 'resolve', 'secret', 'byCoordinator', 'paging1', 'paging2'];
    assert.deepEqual(items.map((item) => item.id).sort(), mine.map((name) => ids[name]).sort());
    assert.equal(items[0]!.id, ids.overdue);
    assert.equal(items[0]!.overdue, true);
    assert.ok(items.slice(1).every((item) => !item.overdue));
    const deadlines = items.map((item) => Date.parse(item.deadline));
    assert.deepEqual(
      deadlines,
      [...deadlines].sort((a, b) => a - b),
    );
    assert.equal(items[0]!.location.type, 'Point');
    assert.ok(items.every((item) => item.assignee.name === 'Spaarnelanden'));

    const policeItems = (await partnerList('', police)).items;
    assert.deepEqual(
      policeItems.map((item) => item.id),
      [ids.police],
    );
  });

  it('pages with the keyset cursor without gaps or repeats, and filters by overdue and status', async () => {
    const all = (await partnerList('?limit=200')).items.map((item) => item.id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await partnerList(
        `?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(seen, all);
    assert.deepEqual(
      (await partnerList('?overdue=true')).items.map((item) => item.id),
      [ids.overdue],
    );
    assert.equal((await partnerList('?status=resolved')).items.length, 0);
    const bad = await call('GET', '/api/v1/partner/reports?cursor=nonsense', partner);
    assert.equal(bad.status, 400);
    assert.equal(bad.json().invalidParams[0].name, 'query.cursor');
  });

  it('keeps other organisations out: their reports are 404 to read and to act on', async () => {
    assert.equal((await detail('police', partner)).status, 404);
    assert.equal((await detail('notForwarded', partner)).status, 404);
    assert.equal((await detail('accept', police)).status, 404);
    for (const [verb, payload] of [
      ['accept', {}],
      ['send-back', { reason: 'niet van ons' }],
      ['resolve', { textForReporter: 'opgelost' }],
    ] as const) {
      assert.equal((await action('accept', verb, payload, police)).status, 404, verb);
      assert.equal((await action('notForwarded', verb, payload)).status, 404, verb);
    }
    // Officers are not partners: the workspace is not theirs.
    assert.equal((await call('GET', '/api/v1/partner/reports', officer)).status, 403);
    assert.equal((await detail('accept', partner)).json().status, 'forwarded');
  });

  it('never sends internal notes, nor reporter contact without consent, to a partner, in any answer', async () => {
    const officerView = (await detail('secret', coordinator)).json();
    assert.ok(officerView.history.some((entry: { text: string | null }) => entry.text === INTERNAL_NOTE));
    assert.equal(officerView.reporter.email, REPORTER_EMAIL);

    const answers = [
      await detail('secret', partner),
      await call('GET', '/api/v1/partner/reports?limit=200', partner),
      await call('POST', `/api/v1/reports/${ids.secret}/notes`, partner, { text: 'Wij komen morgen' }),
      await action('secret', 'accept'),
      await action('secret', 'resolve', { textForReporter: 'Het zwerfvuil is opgeruimd.' }),
    ];
    for (const answer of answers) {
      assert.ok(answer.status < 300, answer.body);
      assert.ok(!answer.body.includes(INTERNAL_NOTE), answer.body);
      assert.ok(!answer.body.includes(REPORTER_EMAIL), answer.body);
      assert.ok(!answer.body.includes(REPORTER_PHONE), answer.body);
    }
    const seen = (await detail('secret', partner)).json();
    assert.equal(seen.reporter, null);
    assert.equal(seen.trackingCode, undefined);
    const notes = seen.history.filter((entry: { action: string }) => entry.action === 'note');
    // The partner's own note stays in its history; the municipality's is not there.
    assert.deepEqual(
      notes.map((entry: { text: string }) => entry.text),
      ['Wij komen morgen'],
    );
  });

  it('accepts a forwarded report: in progress, still the partner’s, "accepted" by the organisation in the history', async () => {
    const accepted = await action('accept', 'accept');
    assert.equal(accepted.status, 200, accepted.body);
    const report = accepted.json();
    assert.equal(report.status, 'in_progress');
    assert.equal(report.assignee.kind, 'partner');
    assert.equal(report.assignee.id, world.teamId('spaarnelanden'));
    const last = report.history.at(-1);
    assert.equal(last.action, 'accepted');
    assert.equal(last.fromStatus, 'forwarded');
    assert.equal(last.toStatus, 'in_progress');
    assert.equal(last.data.by.name, 'Spaarnelanden');
    assert.equal(last.actor.id, world.userId(emails.partner));
    // Accepting twice is not a status change the workflow knows.
    const again = await action('accept', 'accept');
    assert.equal(again.status, 409);
    assert.equal(again.json().code, 'invalid_transition');
  });

  it('sends a report back to the officer who forwarded it, in progress, with the reason in the history', async () => {
    const empty = await action('sendBack', 'send-back', { reason: '  ' });
    assert.equal(empty.status, 400);
    assert.equal(empty.json().invalidParams[0].name, 'body.reason');
    assert.equal((await detail('sendBack', partner)).json().status, 'forwarded');

    const back = await action('sendBack', 'send-back', { reason: 'Dit ligt op particulier terrein' });
    assert.equal(back.status, 200, back.body);
    assert.equal(back.json().status, 'in_progress');
    const report = (await detail('sendBack', officer)).json();
    assert.equal(report.status, 'in_progress');
    assert.deepEqual(report.assignee, {
      kind: 'officer',
      id: world.userId(emails.centrumOfficer),
      name: report.assignee.name,
    });
    const last = report.history.at(-1);
    assert.equal(last.action, 'sent_back');
    assert.equal(last.text, 'Dit ligt op particulier terrein');
    assert.equal(last.data.to.id, world.userId(emails.centrumOfficer));
    assert.equal(last.data.from.name, 'Spaarnelanden');
    // No longer theirs: the partner neither reads it nor finds it in the list.
    assert.equal((await detail('sendBack', partner)).status, 404);
    assert.ok(!(await partnerList('?limit=200')).items.some((item) => item.id === ids.sendBack));
  });

  it('sends back a report a coordinator forwarded to whoever held it before the forward', async () => {
    const before = (await detail('byCoordinator', coordinator)).json();
    const forwardEntry = before.history.findLast((entry: { action: string }) => entry.action === 'forwarded');
    const back = await action('byCoordinator', 'send-back', { reason: 'Niet ons werkgebied' });
    assert.equal(back.status, 200, back.body);
    const after = (await detail('byCoordinator', coordinator)).json();
    assert.equal(after.assignee.kind, forwardEntry.data.from.kind);
    assert.equal(after.assignee.id, forwardEntry.data.from.id);
  });

  it('resolves with the text for the reporter; without a text nothing changes', async () => {
    const missing = await action('resolve', 'resolve', {});
    assert.equal(missing.status, 400);
    assert.equal(missing.json().invalidParams[0].name, 'body.textForReporter');
    assert.equal((await detail('resolve', partner)).json().status, 'forwarded');

    const resolved = await action('resolve', 'resolve', { textForReporter: 'De container is geleegd.' });
    assert.equal(resolved.status, 200, resolved.body);
    const report = resolved.json();
    assert.equal(report.status, 'resolved');
    assert.ok(report.closedAt);
    const last = report.history.at(-1);
    assert.equal(last.action, 'status_changed');
    assert.equal(last.toStatus, 'resolved');
    assert.equal(last.text, 'De container is geleegd.');
    // Closed reports come after the open ones, and the cursor pages across that boundary too.
    const { items } = await partnerList('?limit=200');
    const closedAt = items.findIndex((item) => item.status === 'resolved');
    assert.ok(closedAt > 0);
    assert.ok(items.slice(closedAt).every((item) => item.status === 'resolved'));
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await partnerList(
        `?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(
      paged,
      items.map((item) => item.id),
    );
  });

  it('refuses an action on a stale version (If-Match) with 409', async () => {
    const current = await detail('paging1', partner);
    const stale = Number(current.json().version) - 1;
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/partner/reports/${ids.paging1}/accept`,
      headers: { ...partner, 'if-match': `"${stale}"` },
    });
    assert.equal(response.statusCode, 409);
    assert.equal((await detail('paging1', partner)).json().status, 'forwarded');
  });

  it('shows officers the contact person of the partner: in the teams list and on a report it holds', async () => {
    const teams = (await call('GET', '/api/v1/teams', officer)).json() as Array<{
      code: string;
      contact: { name: string; phone: string | null; email: string | null } | null;
    }>;
    const spaarnelanden = teams.find((team) => team.code === 'spaarnelanden')!;
    assert.equal(spaarnelanden.contact?.name, 'Wim de Boer');
    assert.ok(spaarnelanden.contact?.phone);
    assert.equal(teams.find((team) => team.code === 'parkeren')!.contact, null);
    const held = (await detail('paging2', officer)).json();
    assert.deepEqual(held.partnerContact, spaarnelanden.contact);
    assert.equal((await detail('sendBack', officer)).json().partnerContact, null);
    // The list of organisations and their contact people is the municipality's, not another partner's.
    assert.equal((await call('GET', '/api/v1/teams', police)).status, 403);
  });
});
