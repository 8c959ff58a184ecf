import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import type { Role } from '../../shared/staff.ts';
import { addUser, seedMiniGeography } from './test-fixtures.ts';

const ZERO = '00000000-0000-4000-8000-000000000000';
const staffButPartner: Role[] = [
  'officer',
  'coordinator',
  'team_manager',
  'analyst',
  'contact_centre',
  'administrator',
];
const planners: Role[] = ['coordinator', 'team_manager', 'administrator'];
const registrars: Role[] = ['officer', ...planners];

/** Every staff endpoint of the people area, with the roles it admits. */
const endpoints: Array<{ method: 'GET' | 'PUT' | 'POST' | 'DELETE'; url: string; allowed: Role[]; body?: object }> = [
  { method: 'GET', url: '/api/v1/officers', allowed: staffButPartner },
  { method: 'GET', url: `/api/v1/officers/${ZERO}`, allowed: staffButPartner },
  {
    method: 'PUT',
    url: `/api/v1/officers/${ZERO}/schedule`,
    allowed: planners,
    body: { workingWeekdays: [1], districtWeekdays: [1], workStart: '08:00', workEnd: '17:00' },
  },
  { method: 'PUT', url: '/api/v1/districts/WK039209/assignment', allowed: planners, body: { ownerId: ZERO } },
  { method: 'GET', url: '/api/v1/districts/WK039209/assignments', allowed: staffButPartner },
  {
    method: 'POST',
    url: `/api/v1/officers/${ZERO}/absences`,
    allowed: registrars,
    body: { kind: 'sick', startsAt: '2026-11-24T08:00:00Z', endsAt: '2026-11-25T08:00:00Z' },
  },
  { method: 'GET', url: `/api/v1/officers/${ZERO}/absences`, allowed: registrars },
  { method: 'GET', url: '/api/v1/absences', allowed: planners },
  { method: 'DELETE', url: `/api/v1/absences/${ZERO}`, allowed: registrars },
  { method: 'GET', url: '/api/v1/teams', allowed: staffButPartner },
  { method: 'GET', url: '/api/v1/coordinator-groups', allowed: staffButPartner },
];

const allRoles: Role[] = [
  'officer',
  'coordinator',
  'team_manager',
  'analyst',
  'contact_centre',
  'partner',
  'administrator',
];

describe('role checks on every staff endpoint of the people area', () => {
  let db: Db;
  let app: App;
  const auth = new Map<Role, { authorization: string }>();
  before(async () => {
    db = await openTestDb({ empty: true });
    await seedMiniGeography(db);
    const { rows } = await db.query<{ id: string }>("SELECT id FROM teams WHERE code = 'spaarnelanden'");
    for (const role of allRoles) {
      const id = await addUser(db, {
        email: `${role}@haarlem.example`,
        roles: [role],
        teamId: role === 'partner' ? rows[0]!.id : null,
      });
      auth.set(role, await bearerFor(db, id));
    }
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  for (const endpoint of endpoints) {
    it(`${endpoint.method} ${endpoint.url}: 401 without login, 403 for ${allRoles.filter((r) => !endpoint.allowed.includes(r)).join(', ')}`, async () => {
      const inject = (headers?: { authorization: string }) =>
        app.inject({
          method: endpoint.method,
          url: endpoint.url,
          ...(headers ? { headers } : {}),
          ...(endpoint.body ? { payload: endpoint.body } : {}),
        });
      const anonymous = await inject();
      assert.equal(anonymous.statusCode, 401);
      assert.match(String(anonymous.headers['content-type']), /application\/problem\+json/);
      for (const role of allRoles) {
        const response = await inject(auth.get(role));
        if (endpoint.allowed.includes(role))
          assert.notEqual(response.statusCode, 403, `${role} should pass the role check`);
        else assert.equal(response.statusCode, 403, `${role} must be refused`);
        assert.notEqual(response.statusCode, 401);
      }
    });
  }
});
