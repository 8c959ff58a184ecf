import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { resolve } from 'node:path';
import type { Db } from '../db.ts';
import type { App } from '../../http/deps.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { testApp, testConfig } from '../../../test/support/app.ts';
import { seedHaarlemGeography } from './haarlem-geography.ts';
import { seedHaarlemTeam } from './haarlem-team.ts';

const PASSWORD = 'demo-password-for-tests';

describe('the Haarlem demo team', () => {
  let db: Db;
  let app: App;
  let logins: Awaited<ReturnType<typeof seedHaarlemTeam>>['logins'];
  before(async () => {
    db = await openTestDb({ empty: true });
    await seedHaarlemGeography({ db }, resolve(testConfig().SHARED_DATA_DIR));
    ({ logins } = await seedHaarlemTeam({ db }, { password: PASSWORD }));
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('gives every Haarlem district exactly one current owner, an active officer', async () => {
    const { rows } = await db.query<{ code: string; owners: number; active_officer_owners: number }>(
      `SELECT d.code, count(a.id)::int AS owners,
              count(*) FILTER (WHERE u.active AND 'officer' = ANY(u.roles))::int AS active_officer_owners
         FROM districts d
         LEFT JOIN district_assignments a ON a.district_code = d.code AND a.valid_to IS NULL
         LEFT JOIN users u ON u.id = a.owner_id
        WHERE d.municipality_code = 'GM0392' GROUP BY d.code ORDER BY d.code`,
    );
    assert.equal(rows.length, 21);
    for (const row of rows) assert.deepEqual([row.code, row.owners, row.active_officer_owners], [row.code, 1, 1]);
  });

  it('has Fatima de Vries own Parkwijk, and officers owning several small districts', async () => {
    const card = await app.inject({ method: 'GET', url: '/api/v1/public/districts/WK039209/officer' });
    assert.equal(card.json().name, 'Fatima de Vries');
    assert.match(card.json().introduction, /Parkwijk/);
    const { rows } = await db.query<{ owner_id: string; n: number }>(
      'SELECT owner_id, count(*)::int AS n FROM district_assignments WHERE valid_to IS NULL GROUP BY owner_id',
    );
    assert.ok(rows.length >= 15 && rows.length <= 18, `${rows.length} owners`);
    assert.ok(rows.some((row) => row.n >= 2));
  });

  it('puts at least two officers in the field on every weekday (Monday to Friday)', async () => {
    const { rows } = await db.query<{ district_weekdays: number[] }>(
      'SELECT o.district_weekdays FROM officers o JOIN users u ON u.id = o.user_id WHERE u.active',
    );
    for (let day = 1; day <= 5; day++) {
      const count = rows.filter((row) => row.district_weekdays.map(Number).includes(day)).length;
      assert.ok(count >= 2, `weekday ${day} has ${count} officers`);
    }
    assert.ok(rows.every((row) => row.district_weekdays.length === 2));
  });

  it('gives backups (colleagues of the same borough) to about half the districts', async () => {
    const { rows } = await db.query<{ backup_borough: string | null; district_borough: string | null }>(
      `SELECT d.borough_id AS district_borough,
              (SELECT d2.borough_id FROM district_assignments a2 JOIN districts d2 ON d2.code = a2.district_code
                WHERE a2.owner_id = a.backup_id AND a2.valid_to IS NULL LIMIT 1) AS backup_borough
         FROM district_assignments a JOIN districts d ON d.code = a.district_code
        WHERE a.valid_to IS NULL AND a.backup_id IS NOT NULL`,
    );
    assert.ok(rows.length >= 8 && rows.length <= 14, `${rows.length} backups`);
    for (const row of rows) assert.equal(row.backup_borough, row.district_borough);
  });

  it('creates both coordinator groups, the teams and one login per role', async () => {
    const admin = logins.find((login) => login.email === 'admin@haarlem.example')!;
    const session = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: admin.email, password: PASSWORD, tokenType: 'bearer' },
    });
    assert.equal(session.statusCode, 201);
    const headers = { authorization: `Bearer ${session.json().token}` };
    const groups = (await app.inject({ method: 'GET', url: '/api/v1/coordinator-groups', headers })).json();
    assert.deepEqual(
      groups.map((g: { name: string; coordinator: { name: string }; boroughs: Array<{ code: string }> }) => [
        g.name,
        g.boroughs.map((b) => b.code).sort(),
        Boolean(g.coordinator),
      ]),
      [
        ['Centrum + Noord + Zuid-West', ['centrum', 'noord', 'zuid-west'], true],
        ['Oost + Schalkwijk', ['oost', 'schalkwijk'], true],
      ],
    );
    const teams = (await app.inject({ method: 'GET', url: '/api/v1/teams', headers })).json();
    assert.deepEqual(teams.map((t: { code: string; kind: string }) => `${t.code}:${t.kind}`).sort(), [
      'parkeren:team',
      'politie:partner',
      'spaarnelanden:partner',
    ]);
    const emails = logins.map((login) => login.email);
    for (const email of [
      'fatima.devries@haarlem.example',
      'coordinator.oost@haarlem.example',
      'kcc@haarlem.example',
      'analist@haarlem.example',
      'teammanager@haarlem.example',
      'spaarnelanden@partner.example',
      'admin@haarlem.example',
    ]) {
      assert.ok(emails.includes(email), email);
    }
    const partner = await db.query<{ code: string }>(
      "SELECT t.code FROM users u JOIN teams t ON t.id = u.team_id WHERE u.email = 'spaarnelanden@partner.example'",
    );
    assert.equal(partner.rows[0]?.code, 'spaarnelanden');
  });

  it('stores one argon2id hash for all demo users, and running it again changes nothing', async () => {
    const hashes = await db.query<{ password_hash: string }>(
      "SELECT DISTINCT password_hash FROM users WHERE municipality_code = 'GM0392'",
    );
    assert.equal(hashes.rows.length, 1);
    assert.match(hashes.rows[0]!.password_hash, /^\$argon2id\$/);
    const snapshot = async () =>
      (
        await db.query(
          'SELECT (SELECT count(*) FROM users)::int AS users, (SELECT count(*) FROM district_assignments)::int AS assignments, (SELECT count(*) FROM teams)::int AS teams, (SELECT count(*) FROM coordinator_group_boroughs)::int AS links',
        )
      ).rows[0];
    const before = await snapshot();
    const again = await seedHaarlemTeam({ db }, { password: 'another-password' });
    assert.deepEqual(await snapshot(), before);
    assert.equal(again.logins.length, logins.length);
  });
});
