import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { seedHaarlemCategories } from '../../db/seed/haarlem-categories.ts';
import { computeDeadline } from '../../shared/time/index.ts';
import { seedHaarlemRoutingRules } from '../../db/seed/haarlem-routing-rules.ts';
import { decideRouting, loadRoutingSnapshot, type RoutingInput } from './index.ts';

const square = `ST_Multi(ST_MakeEnvelope(100000, 480000, 101000, 481000, 28992))`;

async function insertUser(db: Db, name: string, roles: string[], schedule?: { district: number[] }): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (municipality_code, email, name, roles) VALUES ('GM0392', $1, $2, $3) RETURNING id`,
    [`${name.toLowerCase().replaceAll(' ', '.')}@haarlem.example`, name, roles],
  );
  const id = rows[0]!.id;
  if (schedule)
    await db.query('INSERT INTO officers (user_id, district_weekdays) VALUES ($1, $2)', [id, schedule.district]);
  return id;
}

describe('routing with the database', () => {
  let db: Db;
  let app: App;
  const people = {} as Record<'fatima' | 'jan' | 'kees' | 'carla' | 'anne' | 'olaf', string>;
  let groupId = '';
  let parkingTeamId = '';
  let admin: { authorization: string };

  const receivedAt = new Date('2026-11-30T09:00:00Z'); // Monday 10:00 in Haarlem
  const input = (overrides: Partial<RoutingInput> = {}): RoutingInput & { municipalityCode: string } => ({
    municipalityCode: 'GM0392',
    receivedAt,
    timeZone: 'Europe/Amsterdam',
    categoryCode: 'jongerenoverlast',
    parentCategoryCode: 'openbare-orde',
    urgent: false,
    deadline: computeDeadline({ amount: 3, unit: 'workdays' }, receivedAt, 'Europe/Amsterdam'),
    source: 'web',
    districtCode: 'WK039206',
    boroughCode: 'oost',
    ...overrides,
  });

  before(async () => {
    db = await openTestDb({ empty: true });
    await db.query(`INSERT INTO municipalities (code, name, slug) VALUES ('GM0392', 'Haarlem', 'haarlem')`);
    const boroughs = await db.query<{ id: string; code: string }>(
      `INSERT INTO boroughs (municipality_code, code, name) VALUES ('GM0392', 'oost', 'Oost'), ('GM0392', 'schalkwijk', 'Schalkwijk') RETURNING id, code`,
    );
    const borough = (code: string) => boroughs.rows.find((b) => b.code === code)!.id;
    await db.query(
      `INSERT INTO districts (code, municipality_code, borough_id, name, geom) VALUES
         ('WK039206', 'GM0392', $1, 'Parkwijk', ${square}), ('WK039207', 'GM0392', $1, 'Oostwijk', ${square}),
         ('WK039218', 'GM0392', $2, 'Boerhaavewijk', ${square})`,
      [borough('oost'), borough('schalkwijk')],
    );
    people.fatima = await insertUser(db, 'Fatima de Vries', ['officer'], { district: [2, 4] });
    people.jan = await insertUser(db, 'Jan Bakker', ['officer'], { district: [1, 3] });
    people.kees = await insertUser(db, 'Kees Visser', ['officer'], { district: [1, 3] });
    people.carla = await insertUser(db, 'Carla Coördinator', ['coordinator']);
    people.anne = await insertUser(db, 'Anne Admin', ['administrator']);
    people.olaf = await insertUser(db, 'Olaf Officer', ['officer']);
    const assign = (district: string, owner: string, backup: string | null) =>
      db.query(
        `INSERT INTO district_assignments (district_code, owner_id, backup_id, valid_from) VALUES ($1, $2, $3, '2026-01-01T00:00:00Z')`,
        [district, owner, backup],
      );
    await assign('WK039206', people.fatima, people.jan);
    await assign('WK039207', people.jan, people.fatima);
    await assign('WK039218', people.kees, null);
    const group = await db.query<{ id: string }>(
      `INSERT INTO coordinator_groups (municipality_code, name, coordinator_id) VALUES ('GM0392', 'Oost + Schalkwijk', $1) RETURNING id`,
      [people.carla],
    );
    groupId = group.rows[0]!.id;
    await db.query(`INSERT INTO coordinator_group_boroughs (group_id, borough_id) VALUES ($1, $2), ($1, $3)`, [
      groupId,
      borough('oost'),
      borough('schalkwijk'),
    ]);
    const teams = await db.query<{ id: string; code: string }>(
      `INSERT INTO teams (municipality_code, code, name, kind) VALUES ('GM0392', 'parkeren', 'Team Parkeren', 'team'), ('GM0392', 'spaarnelanden', 'Spaarnelanden', 'partner') RETURNING id, code`,
    );
    parkingTeamId = teams.rows.find((t) => t.code === 'parkeren')!.id;
    await seedHaarlemCategories({ db });
    admin = await bearerFor(db, people.anne);
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('loads the snapshot: district, officers with boroughs, group, teams', async () => {
    const snapshot = await loadRoutingSnapshot(db, 'GM0392', 'WK039206');
    assert.deepEqual(snapshot.district, {
      code: 'WK039206',
      name: 'Parkwijk',
      boroughCode: 'oost',
      boroughName: 'Oost',
      ownerId: people.fatima,
      backupId: people.jan,
    });
    const fatima = snapshot.officers.find((o) => o.id === people.fatima)!;
    assert.deepEqual(
      { ...fatima, id: 'x' },
      {
        id: 'x',
        name: 'Fatima de Vries',
        workingWeekdays: [1, 2, 3, 4, 5],
        districtWeekdays: [2, 4],
        workStart: '08:00',
        workEnd: '17:00',
        absences: [],
        openReportCount: 0,
        boroughCodes: ['oost'],
      },
    );
    assert.deepEqual(
      snapshot.officers.map((o) => o.name).sort(),
      ['Fatima de Vries', 'Jan Bakker', 'Kees Visser'],
      'only users with an officer profile',
    );
    assert.deepEqual(snapshot.coordinatorGroup, {
      id: groupId,
      name: 'Oost + Schalkwijk',
      coordinatorName: 'Carla Coördinator',
      boroughCodes: ['oost', 'schalkwijk'],
    });
    assert.deepEqual(
      snapshot.teams.map((t) => t.code),
      ['parkeren', 'spaarnelanden'],
    );
  });

  it('answers 404-style not_found for a district of another municipality', async () => {
    await assert.rejects(loadRoutingSnapshot(db, 'GM0392', 'WK039999'), { code: 'not_found' });
  });

  it('routes to the owner, and to the backup while the owner is absent', async () => {
    assert.equal((await decideRouting({ db }, input())).assignee.id, people.fatima);
    await db.query(
      `INSERT INTO absences (officer_id, kind, starts_at, ends_at, created_at) VALUES ($1, 'sick', '2026-11-29T00:00:00Z', '2026-12-05T00:00:00Z', now())`,
      [people.fatima],
    );
    const cancelled = await db.query<{ id: string }>(
      `INSERT INTO absences (officer_id, kind, starts_at, ends_at, created_at, cancelled_at) VALUES ($1, 'leave', '2026-11-01T00:00:00Z', '2026-12-31T00:00:00Z', now(), now()) RETURNING id`,
      [people.jan],
    );
    assert.ok(cancelled.rows[0]);
    const decision = await decideRouting({ db }, input());
    assert.equal(decision.rule, 'district-backup');
    assert.equal(decision.assignee.name, 'Jan Bakker');
    assert.match(decision.reasonNl, /is afwezig tot zaterdag 5 december/);
    assert.doesNotMatch(decision.reasonNl, /ziek/, 'the kind of absence is health data: never in a reason (1eeecb0)');
    const snapshot = await loadRoutingSnapshot(db, 'GM0392', 'WK039206', { absencesFrom: receivedAt });
    assert.equal(
      snapshot.officers.find((o) => o.id === people.jan)!.absences.length,
      0,
      'cancelled absences are left out',
    );
  });

  it('counts only open reports assigned to an officer', async () => {
    const category = await db.query<{ id: string }>(`SELECT id FROM categories WHERE code = 'jongerenoverlast'`);
    for (const [index, status] of ['new', 'in_progress', 'resolved', 'cancelled'].entries()) {
      await db.query(
        `INSERT INTO reports (municipality_code, tracking_code, category_id, description, source, location, district_code, status, urgent, deadline,
                              assignee_kind, assignee_id, routing_rule, routing_reason_nl, routing_reason_en, created_at, updated_at)
         VALUES ('GM0392', $1, $2, 'test', 'web', ST_SetSRID(ST_MakePoint(100500, 480500), 28992), 'WK039206', $3, false, now(),
                 'officer', $4, 'district-owner', 'r', 'r', now(), now())`,
        [`T-${index}`, category.rows[0]!.id, status, people.kees],
      );
    }
    const snapshot = await loadRoutingSnapshot(db, 'GM0392', 'WK039206');
    assert.equal(snapshot.officers.find((o) => o.id === people.kees)!.openReportCount, 2);
  });

  it('seeds the Haarlem rules once and routes parking to Team Parkeren', async () => {
    assert.deepEqual(await seedHaarlemRoutingRules({ db }), {
      created: ['parkeeroverlast naar Team Parkeren', 'huisafval naast container naar Spaarnelanden'],
      skipped: [],
    });
    assert.equal((await seedHaarlemRoutingRules({ db })).created.length, 0);
    const parking = await decideRouting(
      { db },
      input({ categoryCode: 'fout-geparkeerd', parentCategoryCode: 'parkeren' }),
    );
    assert.deepEqual(parking.assignee, { kind: 'team', id: parkingTeamId, name: 'Team Parkeren' });
    assert.equal(parking.rule, 'rule:parkeeroverlast naar Team Parkeren');
    const waste = await decideRouting(
      { db },
      input({ categoryCode: 'huisafval-naast-container', parentCategoryCode: 'afval' }),
    );
    assert.equal(waste.assignee.kind, 'partner');
  });

  it('lists rules for coordinators and team managers, not for officers', async () => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/routing-rules',
      headers: await bearerFor(db, people.carla),
    });
    assert.equal(response.statusCode, 200);
    assert.deepEqual(
      response.json().rules.map((r: { position: number; target: { name: string } }) => [r.position, r.target.name]),
      [
        [1, 'Team Parkeren'],
        [2, 'Spaarnelanden'],
      ],
    );
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/routing-rules', headers: await bearerFor(db, people.olaf) }))
        .statusCode,
      403,
    );
  });

  it('replaces the ordered list at once', async () => {
    const rules = [
      {
        name: 'nacht naar de wachtrij',
        conditions: { timeFrom: '22:00', timeTo: '06:00' },
        target: { kind: 'queue', id: groupId },
      },
      {
        name: 'parkeren',
        conditions: { categoryCodes: ['parkeren'], sources: ['web', 'phone'] },
        target: { kind: 'team', id: parkingTeamId },
      },
      { name: 'uit', active: false, conditions: {}, target: { kind: 'officer', id: people.kees } },
    ];
    const response = await app.inject({
      method: 'PUT',
      url: '/api/v1/routing-rules',
      headers: admin,
      payload: { rules },
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(
      response.json().rules.map((r: { name: string; position: number }) => `${r.position} ${r.name}`),
      ['1 nacht naar de wachtrij', '2 parkeren', '3 uit'],
    );
    const night = await decideRouting({ db }, input({ receivedAt: new Date('2026-11-30T22:30:00Z') }));
    assert.equal(night.rule, 'rule:nacht naar de wachtrij');
    assert.equal(
      (await decideRouting({ db }, input())).rule,
      'district-backup',
      'the inactive catch-all rule is ignored',
    );
  });

  it('rejects the whole list with every problem, changing nothing', async () => {
    const rules = [
      {
        name: 'dubbel',
        conditions: { categoryCodes: ['bestaat-niet'], timeFrom: '22:00' },
        target: { kind: 'team', id: groupId },
      },
      {
        name: 'dubbel',
        conditions: { districtCodes: ['WK039299'], boroughCodes: ['nergens'] },
        target: { kind: 'partner', id: parkingTeamId },
      },
    ];
    const response = await app.inject({
      method: 'PUT',
      url: '/api/v1/routing-rules',
      headers: admin,
      payload: { rules },
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      [
        'body.rules.0.conditions.categoryCodes',
        'body.rules.0.conditions.timeTo',
        'body.rules.0.target.id',
        'body.rules.1.conditions.boroughCodes',
        'body.rules.1.conditions.districtCodes',
        'body.rules.1.name',
        'body.rules.1.target.id',
      ],
    );
    const schemaProblems = await app.inject({
      method: 'PUT',
      url: '/api/v1/routing-rules',
      headers: admin,
      payload: {
        rules: [
          {
            name: '',
            conditions: { weekdays: [8], sources: ['fax'], timeFrom: '25:00' },
            target: { kind: 'robot', id: 'x' },
          },
        ],
      },
    });
    assert.equal(schemaProblems.statusCode, 400);
    assert.ok(schemaProblems.json().invalidParams.length >= 5);
    const list = await app.inject({ method: 'GET', url: '/api/v1/routing-rules', headers: admin });
    assert.equal(list.json().rules.length, 3);
  });

  it('serialises two replacements at the same time: the last one wins whole', async () => {
    const list = (name: string) => ({
      rules: [{ name, conditions: { categoryCodes: ['parkeren'] }, target: { kind: 'team', id: parkingTeamId } }],
    });
    const [first, second] = await Promise.all([
      app.inject({ method: 'PUT', url: '/api/v1/routing-rules', headers: admin, payload: list('een') }),
      app.inject({ method: 'PUT', url: '/api/v1/routing-rules', headers: admin, payload: list('twee') }),
    ]);
    assert.deepEqual([first.statusCode, second.statusCode], [200, 200]);
    const rules = (await app.inject({ method: 'GET', url: '/api/v1/routing-rules', headers: admin })).json().rules;
    assert.equal(rules.length, 1);
    assert.ok(['een', 'twee'].includes(rules[0].name));
  });

  it('lets only administrators and coordinators replace rules', async () => {
    const headers = await bearerFor(db, people.olaf);
    assert.equal(
      (await app.inject({ method: 'PUT', url: '/api/v1/routing-rules', headers, payload: { rules: [] } })).statusCode,
      403,
    );
    const coordinator = await bearerFor(db, people.carla);
    assert.equal(
      (await app.inject({ method: 'PUT', url: '/api/v1/routing-rules', headers: coordinator, payload: { rules: [] } }))
        .statusCode,
      200,
    );
  });
});
