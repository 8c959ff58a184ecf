import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db.ts';
import { fixedClock } from '../../shared/clock.ts';
import { districtVisibility } from '../../domain/fieldwork/index.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { ensureHaarlem, HAARLEM_CODE } from '../../../test/support/fieldwork-world.ts';
import { seedDemoFieldwork } from './demo-fieldwork.ts';
import { seedDemoMeetings } from './demo-meetings.ts';
import { seedHaarlemTeam } from './haarlem-team.ts';

describe('demo field work and meetings', () => {
  let db: Db;
  const clock = fixedClock('2026-11-24T09:00:00+01:00');
  before(async () => {
    db = await openTestDb({ empty: true });
    await ensureHaarlem(db);
    await seedHaarlemTeam({ db }, { password: 'fieldwork-demo-password' });
  });
  after(() => db.close());

  it('fills four weeks of rounds, contacts and observations in the districts of their officers, once', async () => {
    const first = await seedDemoFieldwork({ db, clock });
    assert.ok(first.rounds > 0 && first.contacts > 0 && first.observations > 0, JSON.stringify(first));
    assert.deepEqual(await seedDemoFieldwork({ db, clock }), { rounds: 0, contacts: 0, observations: 0 });
    const misplaced = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM observations o JOIN districts d ON d.code = o.district_code WHERE NOT ST_Covers(d.geom, o.location)',
    );
    assert.equal(misplaced.rows[0]!.n, 0, 'every observation lies in its district');
    const future = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM presence_rounds WHERE ended_at > $1', [
      clock.now(),
    ]);
    assert.equal(future.rows[0]!.n, 0);
    const coordinator = {
      id: '00000000-0000-4000-8000-000000000000',
      municipalityCode: HAARLEM_CODE,
      name: 'x',
      email: 'x',
      roles: ['coordinator' as const],
      teamId: null,
    };
    const overview = await districtVisibility({ db, clock }, coordinator, {});
    assert.ok(overview.districts.length > 1 && overview.districts.every((d) => d.hoursPresent > 0));
  });

  it('plans one upcoming meeting per district with an officer, on a weekday evening', async () => {
    const { created } = await seedDemoMeetings({ db, clock });
    assert.ok(created > 1);
    const { rows } = await db.query<{ starts_at: Date; officer_id: string | null }>(
      'SELECT starts_at, officer_id FROM district_meetings',
    );
    assert.equal(rows.length, created);
    for (const row of rows) {
      assert.ok(row.starts_at > clock.now() && row.officer_id);
      const local = new Intl.DateTimeFormat('en-GB', {
        timeZone: 'Europe/Amsterdam',
        weekday: 'short',
        hour: '2-digit',
        minute: '2-digit',
      }).format(row.starts_at);
      assert.match(local, /^(Mon|Tue|Wed|Thu) 19:30$/);
    }
    assert.deepEqual(await seedDemoMeetings({ db, clock }), { created: 0 });
  });
});

describe('demo field work and meetings of a municipality in another time zone', () => {
  let db: Db;
  const clock = fixedClock('2026-11-24T09:00:00+01:00');
  before(async () => {
    db = await openTestDb({ empty: true });
    await ensureHaarlem(db);
    await db.query("UPDATE municipalities SET timezone = 'Europe/London' WHERE code = $1", [HAARLEM_CODE]);
    await seedHaarlemTeam({ db }, { password: 'fieldwork-demo-password' });
  });
  after(() => db.close());

  const londonClock = (instant: Date) =>
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
    }).format(instant);

  it("plans meetings and walks rounds on the municipality's own wall clock", async () => {
    assert.ok((await seedDemoMeetings({ db, clock })).created > 1);
    const meetings = await db.query<{ starts_at: Date }>('SELECT starts_at FROM district_meetings');
    for (const row of meetings.rows) assert.match(londonClock(row.starts_at), /^(Mon|Tue|Wed|Thu) 19:30$/);
    assert.ok((await seedDemoFieldwork({ db, clock })).rounds > 0);
    const rounds = await db.query<{ started_at: Date }>('SELECT started_at FROM presence_rounds');
    for (const row of rounds.rows) assert.match(londonClock(row.started_at), /^\w{3} 10:\d{2}$/);
  });
});
