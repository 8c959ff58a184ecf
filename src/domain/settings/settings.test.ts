import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { loadRoutingData } from '../routing/index.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { emails, TEST_NOW } from '../../../test/support/reports-world.ts';

type Headers = { authorization: string };

describe('municipality settings', () => {
  let db: Db;
  let app: App;
  let admin: Headers;
  let coordinator: Headers;

  const userId = async (email: string) =>
    (await db.query<{ id: string }>('SELECT id FROM users WHERE email = $1', [email])).rows[0]!.id;
  const stored = async () =>
    (
      await db.query<{ timezone: string; reporter_retention_days: number; photo_retention_days: number }>(
        `SELECT timezone, reporter_retention_days, photo_retention_days FROM municipalities WHERE code = 'GM0392'`,
      )
    ).rows[0]!;
  const patch = (payload: object, headers: Headers | Record<string, never> = admin) =>
    app.inject({ method: 'PATCH', url: '/api/v1/municipality/settings', headers, payload });

  before(async () => {
    db = await openTestDb();
    app = await testApp(db, { clock: fixedClock(TEST_NOW) });
    admin = await bearerFor(db, await userId(emails.administrator));
    coordinator = await bearerFor(db, await userId(emails.coordinator));
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('shows the time zone and retention periods to administrators', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/municipality/settings', headers: admin });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), {
      municipalityCode: 'GM0392',
      name: 'Haarlem',
      timeZone: 'Europe/Amsterdam',
      reporterRetentionDays: 365,
      photoRetentionDays: 90,
    });
  });

  it('changes the time zone and a retention period, and the routing data sees the new zone', async () => {
    const response = await patch({ timeZone: 'Europe/London', reporterRetentionDays: 30 });
    assert.equal(response.statusCode, 200, response.body);
    assert.equal(response.json().timeZone, 'Europe/London');
    assert.deepEqual(await stored(), {
      timezone: 'Europe/London',
      reporter_retention_days: 30,
      photo_retention_days: 90,
    });
    assert.equal((await loadRoutingData(db, 'GM0392'))?.timeZone, 'Europe/London');
    const back = await patch({ timeZone: 'Europe/Amsterdam' });
    assert.equal(back.json().reporterRetentionDays, 30, 'only the settings given change');
  });

  it('lists every field problem at once and changes nothing', async () => {
    const before = await stored();
    const response = await patch({ timeZone: 'Mars/Olympus_Mons', reporterRetentionDays: 0, photoRetentionDays: 1.5 });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['body.photoRetentionDays', 'body.reporterRetentionDays', 'body.timeZone'],
    );
    for (const zone of ['+01:00', 'CET; DROP TABLE', '']) {
      const bad = await patch({ timeZone: zone });
      assert.equal(bad.statusCode, 400, zone);
      assert.equal(bad.json().invalidParams[0].name, 'body.timeZone');
    }
    assert.equal((await patch({})).statusCode, 400, 'an empty change');
    assert.equal((await patch({ colour: 'red' })).statusCode, 400, 'an unknown setting');
    assert.deepEqual(await stored(), before);
  });

  it('is for administrators only', async () => {
    const before = await stored();
    assert.equal((await patch({ reporterRetentionDays: 10 }, coordinator)).statusCode, 403);
    assert.equal((await patch({ reporterRetentionDays: 10 }, {})).statusCode, 401);
    const read = await app.inject({ method: 'GET', url: '/api/v1/municipality/settings', headers: coordinator });
    assert.equal(read.statusCode, 403);
    assert.deepEqual(await stored(), before);
  });
});
