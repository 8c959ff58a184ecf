import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { addDays, isoWeekday, localDateOf, localMinutesOf, zonedInstant } from '../../shared/time/index.ts';
import { innerCell, insertObservations, insertReports, userIds } from './test-data.ts';

/** Tuesday 24 November 2026, 09:00 in Haarlem; the coming week starts Monday 30 November. */
const NOW = '2026-11-24T09:00:00+01:00';
const WEEK = '2026-11-30';
const TZ = 'Europe/Amsterdam';
const OUDE_STAD = 'WK039201';
const PARKWIJK = 'WK039209';

interface Visit {
  id: string;
  districtCode: string;
  cellId: string;
  startsAt: string;
  endsAt: string;
  reason: { nl: string; en: string };
}
interface Plan {
  id: string;
  officer: { id: string; name: string };
  weekStartDate: string;
  visits: Visit[];
}

/** Unfolds an iCalendar text into its content lines (RFC 5545 §3.1). */
function unfold(ics: string): string[] {
  return ics
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
}

describe('patrol plans: generation, reading, iCalendar and evaluation', () => {
  let db: Db;
  let app: App;
  let users: Map<string, string>;
  const auth: Record<string, { authorization: string }> = {};
  const sanne = () => users.get('sanne.bakker@haarlem.example')!;

  before(async () => {
    db = await openTestDb();
    users = await userIds(db);
    for (const [role, email] of Object.entries({
      analyst: 'analist@haarlem.example',
      coordinator: 'coordinator.centrum@haarlem.example',
      manager: 'teammanager@haarlem.example',
      sanne: 'sanne.bakker@haarlem.example',
      fatima: 'fatima.devries@haarlem.example',
      partner: 'spaarnelanden@partner.example',
    }))
      auth[role] = await bearerFor(db, users.get(email)!);
    // Reports in Oude Stad and Parkwijk over the last 8 weeks, mostly on Monday and Tuesday mornings 8–10.
    for (const district of [OUDE_STAD, PARKWIJK]) {
      const cell = await innerCell(db, district, 125);
      const items = [];
      for (let week = 0; week < 8; week++)
        for (let i = 0; i < 4; i++) {
          const day = zonedInstant(addDays('2026-09-28', week * 7 + (i % 2)), 8 * 60 + 20, TZ);
          items.push({
            at: day,
            place: { x: cell.centre.x + i * 5, y: cell.centre.y },
            category: 'hondenpoep',
            district,
          });
        }
      await insertReports(db, items);
    }
    // Fatima is away all of Thursday 3 December (one of her district days: Tue/Thu).
    await db.query(
      `INSERT INTO absences (officer_id, kind, starts_at, ends_at, created_at) VALUES ($1, 'leave', '2026-12-03T00:00:00+01:00', '2026-12-04T00:00:00+01:00', now())`,
      [users.get('fatima.devries@haarlem.example')],
    );
    app = await testApp(db, { clock: fixedClock(NOW) });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const generate = (who = 'analyst', weekStart = WEEK) =>
    app.inject({ method: 'POST', url: '/api/v1/analysis/patrol-plans', headers: auth[who], payload: { weekStart } });

  it('plans 2–4 visits of 15 minutes per district day, within working hours, two hours apart, with reasons', async () => {
    const response = await generate();
    assert.equal(response.statusCode, 200, response.body);
    const { plans, weekStartDate } = response.json() as { plans: Plan[]; weekStartDate: string };
    assert.equal(weekStartDate, WEEK);
    const schedules = new Map(
      (
        await db.query<{ user_id: string; district_weekdays: number[]; work_start: string; work_end: string }>(
          `SELECT user_id, district_weekdays::int[], to_char(work_start, 'HH24:MI') AS work_start, to_char(work_end, 'HH24:MI') AS work_end FROM officers`,
        )
      ).rows.map((row) => [row.user_id, row]),
    );
    const sannePlan = plans.find((p) => p.officer.id === sanne());
    assert.ok(sannePlan, 'Sanne (Oude Stad) gets a plan');
    assert.ok(plans.some((p) => p.visits.some((v) => v.districtCode === PARKWIJK)));
    for (const plan of plans) {
      const schedule = schedules.get(plan.officer.id)!;
      const [startH, startM] = schedule.work_start.split(':').map(Number);
      const [endH, endM] = schedule.work_end.split(':').map(Number);
      const perDay = new Map<string, Visit[]>();
      for (const visit of plan.visits) {
        const start = new Date(visit.startsAt);
        const date = localDateOf(start, TZ);
        assert.ok(schedule.district_weekdays.includes(isoWeekday(date)), `${plan.officer.name} on ${date}`);
        assert.ok(localMinutesOf(start, TZ) >= startH! * 60 + startM!);
        assert.ok(localMinutesOf(new Date(visit.endsAt), TZ) <= endH! * 60 + endM!);
        const minutes = (Date.parse(visit.endsAt) - Date.parse(visit.startsAt)) / 60_000;
        assert.ok(minutes >= 10 && minutes <= 15);
        assert.match(visit.reason.nl, /^hier \d+ meldingen? .* in 4 weken/);
        assert.match(visit.reason.en, /^here \d+ reports? .* in 4 weeks/);
        perDay.set(date, [...(perDay.get(date) ?? []), visit]);
      }
      for (const [date, visits] of perDay) {
        assert.ok(visits.length >= 2 && visits.length <= 4, `${plan.officer.name} ${date}: ${visits.length}`);
        for (let i = 1; i < visits.length; i++)
          assert.ok(Date.parse(visits[i]!.startsAt) - Date.parse(visits[i - 1]!.startsAt) >= 2 * 3_600_000);
      }
    }
    const days = new Set(sannePlan.visits.map((v) => localDateOf(new Date(v.startsAt), TZ)));
    assert.deepEqual([...days].sort(), ['2026-11-30', '2026-12-02'], 'Monday and Wednesday are her district days');
    const first = sannePlan.visits.find((v) => v.districtCode === OUDE_STAD)!;
    assert.match(first.reason.nl, /^hier \d+ meldingen hondenpoep in 4 weken, vooral (ma|di) 8–10 u$/);
    // Placed in the busiest hours of the cell: the first visit on Monday lies between 8 and 10.
    const monday = sannePlan.visits.filter((v) => localDateOf(new Date(v.startsAt), TZ) === '2026-11-30');
    assert.ok(monday.some((v) => [8, 9].includes(Math.floor(localMinutesOf(new Date(v.startsAt), TZ) / 60))));
  });

  it('plans nothing during an absence', async () => {
    const list = await app.inject({
      method: 'GET',
      url: `/api/v1/patrol-plans?weekStart=${WEEK}`,
      headers: auth.manager,
    });
    const fatima = (list.json().plans as Plan[]).find(
      (p) => p.officer.id === users.get('fatima.devries@haarlem.example'),
    );
    const days = new Set((fatima?.visits ?? []).map((v) => localDateOf(new Date(v.startsAt), TZ)));
    assert.ok(!days.has('2026-12-03'));
  });

  it('replaces unstarted plans on regeneration and keeps started ones', async () => {
    const before = (
      await app.inject({ method: 'GET', url: `/api/v1/patrol-plans?weekStart=${WEEK}`, headers: auth.manager })
    ).json();
    const again = await generate('coordinator');
    assert.equal(again.statusCode, 200, again.body);
    assert.equal(again.json().replaced, before.plans.length);
    assert.equal(again.json().kept, 0);
    assert.equal(again.json().plans.length, before.plans.length);
    const stored = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM patrol_plans WHERE week_start = $1`, [
      WEEK,
    ]);
    assert.equal(stored.rows[0]!.n, before.plans.length);
    // Monday afternoon: Sanne's Monday visits have started, so her plan stays.
    const later = await testApp(db, { clock: fixedClock('2026-11-30T16:00:00+01:00') });
    try {
      const response = await later.inject({
        method: 'POST',
        url: '/api/v1/analysis/patrol-plans',
        headers: auth.analyst,
        payload: { weekStart: WEEK },
      });
      assert.equal(response.statusCode, 200, response.body);
      assert.ok(response.json().kept >= 1);
      const sannePlan = (response.json().plans as Plan[]).find((p) => p.officer.id === sanne())!;
      assert.equal(sannePlan.id, (again.json().plans as Plan[]).find((p) => p.officer.id === sanne())!.id);
    } finally {
      await later.close();
    }
  });

  it('checks the week and the roles', async () => {
    const tuesday = await generate('analyst', '2026-12-01');
    assert.equal(tuesday.statusCode, 400);
    assert.equal(tuesday.json().invalidParams[0].name, 'body.weekStart');
    assert.equal((await generate('sanne')).statusCode, 403);
    assert.equal((await generate('manager')).statusCode, 403);
    const own = await app.inject({ method: 'GET', url: `/api/v1/patrol-plans?weekStart=${WEEK}`, headers: auth.sanne });
    assert.equal(own.statusCode, 200);
    assert.deepEqual(
      (own.json().plans as Plan[]).map((p) => p.officer.id),
      [sanne()],
    );
    const team = await app.inject({
      method: 'GET',
      url: `/api/v1/patrol-plans?weekStart=${WEEK}`,
      headers: auth.coordinator,
    });
    assert.ok(team.json().plans.length > 1);
    const mine = await app.inject({ method: 'GET', url: '/api/v1/patrol-plans/mine', headers: auth.sanne });
    assert.equal(mine.statusCode, 200, mine.body);
    assert.equal(mine.json().plans[0].weekStartDate, WEEK);
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/patrol-plans', headers: auth.partner })).statusCode,
      403,
    );
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/patrol-plans' })).statusCode, 401);
  });

  it('serves the officer’s plan as valid iCalendar behind a rotating calendar token', async () => {
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/patrol-plans/calendar-token',
      headers: auth.sanne,
    });
    assert.equal(created.statusCode, 201, created.body);
    const { token, url } = created.json();
    const stored = await db.query<{ token_hash: string }>(
      'SELECT token_hash FROM calendar_tokens WHERE officer_id = $1',
      [sanne()],
    );
    assert.notEqual(stored.rows[0]!.token_hash, token, 'only the hash is stored');
    const response = await app.inject({ method: 'GET', url });
    assert.equal(response.statusCode, 200, response.body);
    assert.match(String(response.headers['content-type']), /^text\/calendar/);
    const ics = response.body;
    assert.ok(ics.endsWith('\r\n'));
    assert.ok(!/[^\r]\n/.test(ics), 'every line ends in CRLF');
    for (const physical of ics.split('\r\n')) assert.ok(Buffer.byteLength(physical) <= 75, physical);
    const lines = unfold(ics);
    assert.equal(lines[0], 'BEGIN:VCALENDAR');
    assert.equal(lines.at(-1), 'END:VCALENDAR');
    const plan = (
      (await app.inject({ method: 'GET', url: '/api/v1/patrol-plans/mine', headers: auth.sanne })).json()
        .plans as Plan[]
    )[0]!;
    const events = lines.filter((l) => l === 'BEGIN:VEVENT').length;
    assert.equal(events, plan.visits.length);
    const visit = plan.visits[0]!;
    assert.ok(lines.includes(`UID:${visit.id}@wijkpost`));
    const stamp = (iso: string) => new Date(iso).toISOString().replace(/[-:]/g, '').replace('.000', '');
    assert.ok(lines.includes(`DTSTART:${stamp(visit.startsAt)}`));
    assert.ok(lines.includes(`DTEND:${stamp(visit.endsAt)}`));
    const description = lines.find((l) => l.startsWith('DESCRIPTION:'))!;
    assert.ok(description.includes('\\n') && description.includes('\\,') === visit.reason.nl.includes(','));
    assert.ok(lines.some((l) => /^DTSTAMP:\d{8}T\d{6}Z$/.test(l)));
    // A wrong token, no token, or the token after rotation: 404.
    assert.equal(
      (await app.inject({ method: 'GET', url: `/api/v1/patrol-plans/${sanne()}/calendar?token=nope` })).statusCode,
      404,
    );
    assert.equal(
      (await app.inject({ method: 'GET', url: `/api/v1/patrol-plans/${sanne()}/calendar` })).statusCode,
      404,
    );
    await app.inject({ method: 'POST', url: '/api/v1/patrol-plans/calendar-token', headers: auth.sanne });
    assert.equal((await app.inject({ method: 'GET', url })).statusCode, 404);
  });

  it('evaluates the plan against presence rounds and observations', async () => {
    const plan = (
      (await app.inject({ method: 'GET', url: '/api/v1/patrol-plans/mine', headers: auth.sanne })).json()
        .plans as Plan[]
    )[0]!;
    const visit = plan.visits[0]!;
    await db.query(
      `INSERT INTO presence_rounds (municipality_code, officer_id, district_code, started_at, ended_at, ended_reason)
       VALUES ('GM0392', $1, $2, $3::timestamptz - interval '5 minutes', $3::timestamptz + interval '10 minutes', 'stopped')`,
      [sanne(), visit.districtCode, visit.startsAt],
    );
    const [col, row] = visit.cellId.split(':').map(Number);
    await insertObservations(db, sanne(), [
      {
        at: new Date(Date.parse(visit.startsAt) + 3 * 3_600_000),
        place: { x: (col! + 0.5) * 125, y: (row! + 0.5) * 125 },
        category: 'hondenpoep',
        district: visit.districtCode,
      },
    ]);
    const response = await app.inject({
      method: 'GET',
      url: `/api/v1/patrol-plans/${plan.id}/evaluation`,
      headers: auth.coordinator,
    });
    assert.equal(response.statusCode, 200, response.body);
    const evaluation = response.json();
    const first = evaluation.visits.find((v: { visitId: string }) => v.visitId === visit.id);
    assert.equal(first.covered, true);
    assert.equal(first.roundMinutes, 10);
    assert.equal(first.observationsInCellThatDay, 1);
    const others = evaluation.visits.filter((v: { visitId: string }) => v.visitId !== visit.id);
    assert.ok(others.every((v: { covered: boolean }) => !v.covered));
    assert.equal(evaluation.coveredShare, 1 / evaluation.visits.length);
    const foreign = await app.inject({
      method: 'GET',
      url: `/api/v1/patrol-plans/${plan.id}/evaluation`,
      headers: auth.fatima,
    });
    assert.equal(foreign.statusCode, 404, "another officer's plan is not found");
  });
});
