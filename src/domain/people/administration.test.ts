import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { fixedClock } from '../../shared/clock.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { addUser, seedMiniGeography } from './test-fixtures.ts';

describe('administration of people, teams and coordinator groups', () => {
  let db: Db;
  let app: App;
  const clock = fixedClock('2026-11-24T09:00:00+01:00');
  const ids: Record<string, string> = {};
  const auth: Record<string, { authorization: string }> = {};
  before(async () => {
    db = await openTestDb({ empty: true });
    await seedMiniGeography(db);
    ids.admin = await addUser(db, { email: 'admin@haarlem.example', name: 'Ada Admin', roles: ['administrator'] });
    ids.coordinator = await addUser(db, { email: 'coord@haarlem.example', name: 'Cor', roles: ['coordinator'] });
    ids.fatima = await addUser(db, { email: 'fatima@haarlem.example', name: 'Fatima', roles: ['officer'] });
    ids.kevin = await addUser(db, { email: 'kevin@haarlem.example', name: 'Kevin', roles: ['officer'] });
    ids.amsterdamAdmin = await addUser(db, {
      email: 'admin@amsterdam.example',
      name: 'Amsterdam Admin',
      roles: ['administrator'],
      municipalityCode: 'GM0363',
    });
    ids.amsterdamCoordinator = await addUser(db, {
      email: 'coord@amsterdam.example',
      name: 'Amsterdamse Coördinator',
      roles: ['coordinator'],
      municipalityCode: 'GM0363',
    });
    for (const who of Object.keys(ids)) auth[who] = await bearerFor(db, ids[who]!, clock);
    app = await testApp(db, { clock });
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const call = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, who: string, payload?: object) =>
    app.inject({ method, url, headers: auth[who], ...(payload ? { payload } : {}) });

  it('refuses non-administrators (403) on every administration endpoint', async () => {
    const attempts: Array<[Parameters<typeof call>[0], string, object?]> = [
      ['GET', '/api/v1/users'],
      ['POST', '/api/v1/users', { name: 'X', email: 'x@haarlem.example', roles: ['officer'] }],
      ['PATCH', `/api/v1/users/${ids.fatima}`, { roles: ['officer', 'administrator'] }],
      ['POST', `/api/v1/users/${ids.fatima}/deactivate`],
      ['POST', `/api/v1/users/${ids.fatima}/password-reset`],
      ['POST', '/api/v1/teams', { code: 'x', name: 'X', kind: 'team' }],
      ['POST', '/api/v1/coordinator-groups', { name: 'X', boroughCodes: [] }],
      ['PUT', `/api/v1/officers/${ids.fatima}/profile`, { introduction: 'Hoi' }],
    ];
    for (const [method, url, payload] of attempts) {
      for (const who of ['coordinator', 'fatima']) {
        const response = await call(method, url, who, payload);
        assert.equal(response.statusCode, 403, `${who} ${method} ${url}`);
      }
    }
    assert.equal((await db.query("SELECT 1 FROM users WHERE email = 'x@haarlem.example'")).rows.length, 0);
  });

  it('creates a user with a one-time password that must be changed, and lists users by filter', async () => {
    const created = await call('POST', '/api/v1/users', 'admin', {
      name: 'Nina Nieuw',
      email: 'Nina@Haarlem.example',
      roles: ['officer'],
    });
    assert.equal(created.statusCode, 201, created.body);
    const { user, oneTimePassword } = created.json();
    assert.equal(user.email, 'nina@haarlem.example');
    assert.equal(user.mustChangePassword, true);
    assert.ok(oneTimePassword.length >= 20);
    ids.nina = user.id;
    // The new officer has a profile with the default schedule, so she can be given a district at once.
    assert.equal((await call('GET', `/api/v1/officers/${user.id}`, 'admin')).statusCode, 200);

    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: { email: 'nina@haarlem.example', password: oneTimePassword, tokenType: 'bearer' },
    });
    assert.equal(login.statusCode, 201);
    const own = { authorization: `Bearer ${login.json().token}` };
    const weak = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: own,
      payload: { currentPassword: 'wrong', newPassword: 'short' },
    });
    assert.equal(weak.statusCode, 400);
    assert.deepEqual(
      weak
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['currentPassword', 'newPassword'],
    );
    const status = () => app.inject({ url: '/api/v1/me/password-status', headers: own });
    assert.deepEqual((await status()).json(), { mustChangePassword: true });
    const changed = await app.inject({
      method: 'PUT',
      url: '/api/v1/me/password',
      headers: own,
      payload: { currentPassword: oneTimePassword, newPassword: 'een eigen lang wachtwoord' },
    });
    assert.equal(changed.statusCode, 204);
    assert.deepEqual((await status()).json(), { mustChangePassword: false });
    const listed = await call('GET', '/api/v1/users?role=officer&search=nina', 'admin');
    assert.deepEqual(
      listed.json().map((u: { name: string; mustChangePassword: boolean }) => [u.name, u.mustChangePassword]),
      [['Nina Nieuw', false]],
    );
    const active = (await call('GET', '/api/v1/users?active=true', 'admin')).json();
    assert.ok(
      active.every((u: { email: string }) => u.email.endsWith('@haarlem.example')),
      'own municipality only',
    );
  });

  it('answers bad input with every field problem and changes nothing', async () => {
    const response = await call('POST', '/api/v1/users', 'admin', { name: '', email: 'nope', roles: ['wizard'] });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      response
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['email', 'name', 'roles'],
    );
    const taken = await call('POST', '/api/v1/users', 'admin', {
      name: 'Dubbel',
      email: 'fatima@haarlem.example',
      roles: ['officer'],
    });
    assert.equal(taken.statusCode, 409);
  });

  it('treats users, teams and groups of another municipality as not found (404)', async () => {
    assert.equal((await call('PATCH', `/api/v1/users/${ids.fatima}`, 'amsterdamAdmin', { name: 'X' })).statusCode, 404);
    assert.equal((await call('POST', `/api/v1/users/${ids.fatima}/deactivate`, 'amsterdamAdmin')).statusCode, 404);
    assert.equal((await call('POST', `/api/v1/users/${ids.fatima}/password-reset`, 'amsterdamAdmin')).statusCode, 404);
    assert.equal((await call('PUT', `/api/v1/officers/${ids.fatima}/profile`, 'amsterdamAdmin', {})).statusCode, 404);
    const { rows } = await db.query<{ id: string }>("SELECT id FROM teams WHERE code = 'parkeren'");
    assert.equal(
      (await call('PATCH', `/api/v1/teams/${rows[0]!.id}`, 'amsterdamAdmin', { name: 'X' })).statusCode,
      404,
    );
    assert.equal((await call('GET', '/api/v1/users', 'amsterdamAdmin')).json().length, 2);
  });

  it('never removes the last administrator, and an administrator cannot deactivate themself', async () => {
    const demote = await call('PATCH', `/api/v1/users/${ids.admin}`, 'admin', { roles: ['coordinator'] });
    assert.equal(demote.statusCode, 409);
    assert.equal(demote.json().invalidParams[0].code, 'last_administrator');
    const self = await call('POST', `/api/v1/users/${ids.admin}/deactivate`, 'admin');
    assert.equal(self.statusCode, 409);
    // A second administrator may take the first one's role away, but not then lose their own.
    const promoted = await call('PATCH', `/api/v1/users/${ids.coordinator}`, 'admin', {
      roles: ['coordinator', 'administrator'],
    });
    assert.equal(promoted.statusCode, 200);
    auth.coordinator = await bearerFor(db, ids.coordinator!, clock);
    assert.equal((await call('POST', `/api/v1/users/${ids.admin}/deactivate`, 'coordinator')).statusCode, 200);
    const last = await call('PATCH', `/api/v1/users/${ids.coordinator}`, 'coordinator', { roles: ['coordinator'] });
    assert.equal(last.statusCode, 409);
    assert.equal((await call('POST', `/api/v1/users/${ids.admin}/reactivate`, 'coordinator')).statusCode, 200);
    assert.equal((await call('GET', '/api/v1/users', 'admin')).statusCode, 401, 'deactivation ended her session');
    auth.admin = await bearerFor(db, ids.admin!, clock);
    assert.equal((await call('GET', '/api/v1/users?role=administrator&active=true', 'admin')).json().length, 2);
  });

  it('deactivation ends the sessions; a password reset signs out and replaces the password', async () => {
    const kevin = await bearerFor(db, ids.kevin!, clock);
    assert.equal((await app.inject({ url: '/api/v1/me', headers: kevin })).statusCode, 200);
    const reset = await call('POST', `/api/v1/users/${ids.kevin}/password-reset`, 'admin');
    assert.equal(reset.statusCode, 200);
    assert.equal(reset.json().revokedSessions, 2, "the set-up's session and this one");
    assert.equal((await app.inject({ url: '/api/v1/me', headers: kevin })).statusCode, 401);
    const signIn = (password: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: 'kevin@haarlem.example', password, tokenType: 'bearer' },
      });
    assert.equal((await signIn(reset.json().oneTimePassword)).statusCode, 201);
    const deactivated = await call('POST', `/api/v1/users/${ids.kevin}/deactivate`, 'admin');
    assert.equal(deactivated.statusCode, 200);
    assert.equal(deactivated.json().revokedSessions, 1);
    assert.equal((await signIn(reset.json().oneTimePassword)).statusCode, 401);
    assert.equal((await call('POST', `/api/v1/users/${ids.kevin}/reactivate`, 'admin')).statusCode, 200);
  });

  it('creates and renames teams and partner organisations', async () => {
    const created = await call('POST', '/api/v1/teams', 'admin', {
      code: 'afval-bv',
      name: 'Afval BV',
      kind: 'partner',
    });
    assert.equal(created.statusCode, 201, created.body);
    const again = await call('POST', '/api/v1/teams', 'admin', { code: 'afval-bv', name: 'Nog eens', kind: 'partner' });
    assert.equal(again.statusCode, 409);
    const bad = await call('POST', '/api/v1/teams', 'admin', { code: 'Met Spaties', name: '', kind: 'club' });
    assert.deepEqual(
      bad
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['code', 'kind', 'name'],
    );
    const renamed = await call('PATCH', `/api/v1/teams/${created.json().id}`, 'admin', { name: 'Afvalbedrijf' });
    assert.deepEqual(renamed.json(), { ...created.json(), name: 'Afvalbedrijf' });
    const partner = await call('POST', '/api/v1/users', 'admin', {
      name: 'Piet Partner',
      email: 'piet@afval.example',
      roles: ['partner'],
      teamCode: 'afval-bv',
    });
    assert.equal(partner.statusCode, 201, partner.body);
  });

  it('lets a second municipality create its own coordinator group with its boroughs and coordinator', async () => {
    const created = await call('POST', '/api/v1/coordinator-groups', 'amsterdamAdmin', {
      name: 'Centrum',
      coordinatorId: ids.amsterdamCoordinator,
      boroughCodes: ['centrum'],
    });
    assert.equal(created.statusCode, 201, created.body);
    assert.deepEqual(
      { coordinator: created.json().coordinator.name, boroughs: created.json().boroughs },
      { coordinator: 'Amsterdamse Coördinator', boroughs: [{ code: 'centrum', name: 'Centrum' }] },
    );
    // A Haarlem coordinator and a Haarlem borough are unknown there.
    const foreign = await call('POST', '/api/v1/coordinator-groups', 'amsterdamAdmin', {
      name: 'Oost',
      coordinatorId: ids.coordinator,
      boroughCodes: ['oost'],
    });
    assert.equal(foreign.statusCode, 400);
    assert.deepEqual(
      foreign
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['boroughCodes.0', 'coordinatorId'],
    );
    const renamed = await call('PATCH', `/api/v1/coordinator-groups/${created.json().id}`, 'amsterdamAdmin', {
      name: 'Centrum en West',
      boroughCodes: [],
    });
    assert.deepEqual([renamed.json().name, renamed.json().boroughs], ['Centrum en West', []]);
    assert.equal(
      (await call('PATCH', `/api/v1/coordinator-groups/${created.json().id}`, 'admin', { name: 'X' })).statusCode,
      404,
    );
  });

  it('lists every district with its owner and backup', async () => {
    const assigned = await call('PUT', '/api/v1/districts/WK039209/assignment', 'admin', {
      ownerId: ids.fatima,
      backupId: ids.nina,
    });
    assert.equal(assigned.statusCode, 200, assigned.body);
    const duties = (await call('GET', '/api/v1/district-assignments', 'admin')).json();
    assert.equal(duties.length, 5);
    const parkwijk = duties.find((d: { districtCode: string }) => d.districtCode === 'WK039209');
    assert.deepEqual([parkwijk.owner.name, parkwijk.backup.name], ['Fatima', 'Nina Nieuw']);
    assert.equal(duties.find((d: { districtCode: string }) => d.districtCode === 'WK039206').owner, null);
  });

  it('lets an officer set their own district days within their working days, and not a colleague’s', async () => {
    const own = await call('PUT', `/api/v1/officers/${ids.fatima}/district-days`, 'fatima', {
      districtWeekdays: [3, 1],
    });
    assert.equal(own.statusCode, 200, own.body);
    assert.deepEqual(own.json().districtWeekdays, [1, 3]);
    const outside = await call('PUT', `/api/v1/officers/${ids.fatima}/district-days`, 'fatima', {
      districtWeekdays: [6],
    });
    assert.equal(outside.statusCode, 400);
    assert.equal(outside.json().invalidParams[0].code, 'not_subset');
    const colleague = await call('PUT', `/api/v1/officers/${ids.nina}/district-days`, 'fatima', {
      districtWeekdays: [1],
    });
    assert.equal(colleague.statusCode, 403);
    const byCoordinator = await call('PUT', `/api/v1/officers/${ids.nina}/district-days`, 'coordinator', {
      districtWeekdays: [5],
    });
    assert.equal(byCoordinator.statusCode, 200);
  });

  it("sets an officer's public introduction and phone; the public card shows them", async () => {
    const bad = await call('PUT', `/api/v1/officers/${ids.fatima}/profile`, 'admin', {
      introduction: 'x'.repeat(1001),
      publicPhone: '<a href=x>',
    });
    assert.deepEqual(
      bad
        .json()
        .invalidParams.map((p: { name: string }) => p.name)
        .sort(),
      ['introduction', 'publicPhone'],
    );
    const set = await call('PUT', `/api/v1/officers/${ids.fatima}/profile`, 'admin', {
      introduction: 'Hallo, ik ben Fatima.',
      publicPhone: '023 511 5115',
    });
    assert.equal(set.statusCode, 200, set.body);
    const card = (await app.inject({ url: '/api/v1/public/districts/WK039209/officer' })).json();
    assert.deepEqual(
      [card.introduction, card.publicPhone, card.districtWeekdays],
      ['Hallo, ik ben Fatima.', '023 511 5115', [1, 3]],
    );
  });
});
