import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { fixedClock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { importTeam, listCoordinatorGroups, listTeams, verifyPassword, type TeamImport } from './index.ts';
import { seedMiniGeography } from './test-fixtures.ts';

const PASSWORD = 'import-team-password';
const SINCE = '2024-01-01T00:00:00+01:00';

/** Two officers in Oost (one backs the other up), a coordinator for Oost + Schalkwijk, a partner user. */
const team: TeamImport = {
  teams: [{ code: 'politie', name: 'Politie', kind: 'partner' }],
  officers: [
    {
      name: 'Olga Oost',
      email: 'Olga@Example.org',
      districts: [{ code: 'WK039206', backupEmail: 'piet@example.org' }, { code: 'WK039207' }],
      districtWeekdays: [1, 3],
      introduction: 'Hallo, ik ben Olga.',
      publicPhone: '14 023',
    },
    {
      name: 'Piet Park',
      email: 'piet@example.org',
      districts: [{ code: 'WK039209' }],
      workingWeekdays: [2, 3, 4, 5, 6],
      districtWeekdays: [4, 6],
      workStart: '12:00',
      workEnd: '21:00',
    },
  ],
  staff: [
    { name: 'Carla Coördinator', email: 'carla@example.org', roles: ['coordinator'] },
    { name: 'Wim Partner', email: 'wim@partner.example', roles: ['partner'], teamCode: 'spaarnelanden' },
    { name: 'Agent Jansen', email: 'jansen@politie.example', roles: ['partner'], teamCode: 'politie' },
  ],
  coordinatorGroups: [
    { name: 'Oost + Schalkwijk', coordinatorEmail: 'carla@example.org', boroughCodes: ['oost', 'schalkwijk'] },
  ],
};

describe('importTeam', () => {
  let db: Db;
  const clock = fixedClock(SINCE);
  before(async () => {
    db = await openTestDb({ empty: true });
    await seedMiniGeography(db);
  });
  after(() => db.close());

  const officerRow = (email: string) =>
    db.query<{
      working_weekdays: number[];
      district_weekdays: number[];
      work_start: string;
      introduction: string | null;
    }>(
      `SELECT o.working_weekdays, o.district_weekdays, o.work_start::text, o.introduction
         FROM officers o JOIN users u ON u.id = o.user_id WHERE u.email = $1`,
      [email],
    );

  it('creates the users, officer profiles, ownership with backups, teams and groups, at the clock', async () => {
    assert.deepEqual(await importTeam({ db, clock }, 'GM0392', team, { password: PASSWORD }), {
      usersCreated: 5,
      assignmentsOpened: 3,
    });
    const { rows: owners } = await db.query<{
      district_code: string;
      owner: string;
      backup: string | null;
      valid_from: Date;
    }>(
      `SELECT a.district_code, o.email AS owner, b.email AS backup, a.valid_from FROM district_assignments a
         JOIN users o ON o.id = a.owner_id LEFT JOIN users b ON b.id = a.backup_id ORDER BY a.district_code`,
    );
    assert.deepEqual(
      owners.map((row) => [row.district_code, row.owner, row.backup, row.valid_from.toISOString()]),
      [
        ['WK039206', 'olga@example.org', 'piet@example.org', '2023-12-31T23:00:00.000Z'],
        ['WK039207', 'olga@example.org', null, '2023-12-31T23:00:00.000Z'],
        ['WK039209', 'piet@example.org', null, '2023-12-31T23:00:00.000Z'],
      ],
    );
    const olga = (await officerRow('olga@example.org')).rows[0]!;
    assert.deepEqual(
      [olga.working_weekdays.map(Number), olga.district_weekdays.map(Number), olga.work_start],
      [[1, 2, 3, 4, 5], [1, 3], '08:00:00'],
    );
    assert.equal(olga.introduction, 'Hallo, ik ben Olga.');
    assert.equal((await officerRow('piet@example.org')).rows[0]!.work_start, '12:00:00');
    const { rows: partners } = await db.query<{ email: string; code: string; password_hash: string }>(
      `SELECT u.email, t.code, u.password_hash FROM users u JOIN teams t ON t.id = u.team_id ORDER BY u.email`,
    );
    assert.deepEqual(
      partners.map((row) => [row.email, row.code]),
      [
        ['jansen@politie.example', 'politie'],
        ['wim@partner.example', 'spaarnelanden'],
      ],
    );
    assert.ok(await verifyPassword(partners[0]!.password_hash, PASSWORD));
    const groups = await listCoordinatorGroups(db, 'GM0392');
    assert.deepEqual(
      groups.map((g) => [g.name, g.coordinator?.name, g.boroughs.map((b) => b.code).sort()]),
      [['Oost + Schalkwijk', 'Carla Coördinator', ['oost', 'schalkwijk']]],
    );
  });

  it('leaves existing users and current owners alone when run again', async () => {
    const changed: TeamImport = {
      ...team,
      officers: [
        { ...team.officers![0]!, districtWeekdays: [2, 4] },
        { ...team.officers![1]!, districts: [{ code: 'WK039208' }] },
      ],
    };
    const later = fixedClock('2026-11-24T09:00:00+01:00');
    assert.deepEqual(await importTeam({ db, clock: later }, 'GM0392', changed, { password: 'another-password' }), {
      usersCreated: 0,
      assignmentsOpened: 1,
    });
    const olga = (await officerRow('olga@example.org')).rows[0]!;
    assert.deepEqual(olga.district_weekdays.map(Number), [1, 3], 'an existing officer keeps their schedule');
    const { rows } = await db.query<{ n: number; hashes: number }>(
      'SELECT count(*)::int AS n, count(DISTINCT password_hash)::int AS hashes FROM users',
    );
    assert.deepEqual(rows[0], { n: 5, hashes: 1 });
  });

  it('names every problem of the description at once and writes nothing', async () => {
    const stored = await db.query('SELECT count(*)::int AS n FROM users');
    const broken: TeamImport = {
      officers: [
        {
          name: 'A',
          email: 'not-an-email',
          districts: [{ code: 'WK039218', backupEmail: 'nobody@example.org' }],
          districtWeekdays: [6],
        },
        {
          name: 'B',
          email: 'b@example.org',
          districts: [{ code: 'WK039218' }],
          districtWeekdays: [1],
          workEnd: '07:00',
        },
      ],
      staff: [
        { name: 'B again', email: 'B@example.org', roles: ['analyst'] },
        { name: 'P', email: 'p@example.org', roles: ['partner'], teamCode: 'parkeren' },
        { name: 'X', email: 'x@example.org', roles: ['coordinator'], teamCode: 'nope' },
        { name: 'O', email: 'o@example.org', roles: ['officer'] },
      ],
      coordinatorGroups: [{ name: 'G', coordinatorEmail: 'p@example.org', boroughCodes: ['noord'] }],
    };
    await assert.rejects(importTeam({ db, clock }, 'GM0392', broken, { password: PASSWORD }), (error: unknown) => {
      assert.ok(error instanceof DomainError && error.code === 'validation');
      assert.deepEqual(error.fieldProblems.map((p) => p.name).sort(), [
        'team.coordinatorGroups.0.boroughCodes.0',
        'team.coordinatorGroups.0.coordinatorEmail',
        'team.officers.0.districtWeekdays',
        'team.officers.0.districts.0.backupEmail',
        'team.officers.0.email',
        'team.officers.1.districts.0.code',
        'team.officers.1.workEnd',
        'team.staff.0.email',
        'team.staff.1.teamCode',
        'team.staff.2.teamCode',
        'team.staff.3.roles',
      ]);
      return true;
    });
    await assert.rejects(
      importTeam({ db, clock }, 'GM0392', { officers: [{ name: 'A' }] } as TeamImport, { password: '' }),
      (error: unknown) => {
        assert.ok(error instanceof DomainError && error.code === 'validation');
        assert.deepEqual(error.fieldProblems.map((p) => p.name).sort(), [
          'password',
          'team.officers.0.districtWeekdays',
          'team.officers.0.districts',
          'team.officers.0.email',
        ]);
        return true;
      },
    );
    assert.deepEqual((await db.query('SELECT count(*)::int AS n FROM users')).rows, stored.rows);
  });

  it("keeps a partner organisation's contact person as the import describes it", async () => {
    const withContact: TeamImport = {
      teams: [
        { code: 'politie', name: 'Politie', kind: 'partner', contact: { name: 'Sandra Visser', phone: '0900-8844' } },
      ],
    };
    await importTeam({ db, clock }, 'GM0392', withContact, { password: PASSWORD });
    const politie = async () => (await listTeams(db, 'GM0392')).find((t) => t.code === 'politie')!.contact;
    assert.deepEqual(await politie(), { name: 'Sandra Visser', phone: '0900-8844', email: null });
    await assert.rejects(
      importTeam(
        { db, clock },
        'GM0392',
        { teams: [{ code: 'politie', name: 'Politie', kind: 'partner', contact: { name: ' ' } }] },
        { password: PASSWORD },
      ),
      (error: unknown) => {
        assert.ok(error instanceof DomainError && error.code === 'validation');
        assert.deepEqual(
          error.fieldProblems.map((p) => p.name),
          ['team.teams.0.contact.name'],
        );
        return true;
      },
    );
    assert.equal((await politie())?.name, 'Sandra Visser', 'a refused import changes nothing');
    await importTeam(
      { db, clock },
      'GM0392',
      { teams: [{ code: 'politie', name: 'Politie', kind: 'partner' }] },
      {
        password: PASSWORD,
      },
    );
    assert.equal(await politie(), null, 'an import without a contact person clears it');
  });

  it('asks for the geography first when a district is missing', async () => {
    const elsewhere: TeamImport = {
      officers: [
        {
          name: 'Z',
          email: 'z@example.org',
          districts: [{ code: 'WK036301' }, { code: 'WK039299' }],
          districtWeekdays: [1],
        },
      ],
    };
    await assert.rejects(importTeam({ db, clock }, 'GM0392', elsewhere, { password: PASSWORD }), {
      name: 'DomainError',
      code: 'conflict',
      message: 'Import the geography first; missing districts: WK036301, WK039299.',
    });
  });
});
