import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import { fixedClock } from '../../shared/clock.ts';
import { DomainError } from '../../shared/errors.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { createUser } from './create-user.ts';
import { login } from './login.ts';
import { deactivateUser, setUserPassword } from './manage-users.ts';
import { findOfficer } from './repository-officers.ts';
import { addUser, seedMiniGeography } from './test-fixtures.ts';

async function problemsOf(promise: Promise<unknown>): Promise<{ code: string; names: string[] }> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof DomainError, String(error));
    return { code: error.code, names: error.fieldProblems.map((p) => p.name).sort() };
  }
  assert.fail('expected a DomainError');
}

describe('users', () => {
  let db: Db;
  const clock = fixedClock('2026-11-24T09:00:00+01:00');
  const deps = () => ({ db, clock });
  before(async () => {
    db = await openTestDb({ empty: true });
    await seedMiniGeography(db);
  });
  after(() => db.close());

  it('creates an officer with an argon2id hash and a default schedule (Tue + Thu district days)', async () => {
    const { user, generatedPassword } = await createUser(deps(), {
      municipalityCode: 'GM0392',
      email: '  Noor.Hamdi@Haarlem.example ',
      name: 'Noor Hamdi',
      roles: ['officer', 'coordinator'],
      password: 'a long enough passphrase',
    });
    assert.equal(generatedPassword, undefined);
    assert.equal(user.email, 'noor.hamdi@haarlem.example');
    assert.deepEqual(user.roles, ['officer', 'coordinator']);
    assert.ok(!('passwordHash' in user));
    const { rows } = await db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
      user.id,
    ]);
    assert.match(rows[0]!.password_hash, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    const officer = await findOfficer(db, 'GM0392', user.id);
    assert.deepEqual(officer?.districtWeekdays, [2, 4]);
    assert.deepEqual(officer?.workingWeekdays, [1, 2, 3, 4, 5]);
    assert.equal(officer?.workStart, '08:00');
    const session = await login(
      { ...deps(), sessionTtlHours: 1 },
      { email: 'noor.hamdi@haarlem.example', password: 'a long enough passphrase', tokenType: 'bearer' },
    );
    assert.equal(session.user.id, user.id);
  });

  it('generates a strong password when none is given, usable once to sign in', async () => {
    const { user, generatedPassword } = await createUser(deps(), {
      municipalityCode: 'GM0392',
      email: 'kcc2@haarlem.example',
      name: 'KCC Twee',
      roles: ['contact_centre'],
    });
    assert.ok(generatedPassword && generatedPassword.length >= 20);
    const session = await login(
      { ...deps(), sessionTtlHours: 1 },
      { email: user.email, password: generatedPassword, tokenType: 'cookie' },
    );
    assert.equal(session.user.email, 'kcc2@haarlem.example');
    assert.equal(await findOfficer(db, 'GM0392', user.id), null, 'no officer profile for non-officers');
  });

  it('lists every problem at once and creates nothing', async () => {
    const before = (await db.query('SELECT id FROM users')).rows.length;
    const result = await problemsOf(
      createUser(deps(), {
        municipalityCode: 'GM9999',
        email: 'not-an-email',
        name: ' ',
        roles: ['officer', 'sheriff'],
        password: 'short',
      }),
    );
    assert.equal(result.code, 'validation');
    assert.deepEqual(result.names, ['email', 'municipalityCode', 'name', 'password', 'roles']);
    assert.equal((await db.query('SELECT id FROM users')).rows.length, before);
  });

  it("requires partner users to belong to a team of kind 'partner'", async () => {
    const base = {
      municipalityCode: 'GM0392',
      name: 'Partner',
      roles: ['partner'],
      password: 'a long enough passphrase',
    };
    assert.deepEqual(await problemsOf(createUser(deps(), { ...base, email: 'p1@partner.example' })), {
      code: 'validation',
      names: ['teamCode'],
    });
    assert.deepEqual(
      await problemsOf(createUser(deps(), { ...base, email: 'p2@partner.example', teamCode: 'parkeren' })),
      { code: 'validation', names: ['teamCode'] },
    );
    assert.deepEqual(await problemsOf(createUser(deps(), { ...base, email: 'p3@partner.example', teamCode: 'nope' })), {
      code: 'validation',
      names: ['teamCode'],
    });
    const { user } = await createUser(deps(), { ...base, email: 'p4@partner.example', teamCode: 'spaarnelanden' });
    assert.ok(user.teamId);
  });

  it('refuses a second user with the same e-mail, whatever its case', async () => {
    await addUser(db, { email: 'taken@haarlem.example', roles: ['analyst'] });
    const result = await problemsOf(
      createUser(deps(), { municipalityCode: 'GM0392', email: 'TAKEN@haarlem.example', name: 'X', roles: ['analyst'] }),
    );
    assert.equal(result.code, 'conflict');
  });

  it('sets a new password and signs the user out everywhere', async () => {
    await addUser(db, { email: 'reset@haarlem.example', roles: ['analyst'] });
    const ttl = { ...deps(), sessionTtlHours: 1 };
    await login(ttl, { email: 'reset@haarlem.example', password: 'correct horse battery', tokenType: 'bearer' });
    assert.equal(
      (await problemsOf(setUserPassword(deps(), { email: 'reset@haarlem.example', password: 'short' }))).code,
      'validation',
    );
    const result = await setUserPassword(deps(), {
      email: 'reset@haarlem.example',
      password: 'another long passphrase',
    });
    assert.equal(result.revokedSessions, 1);
    assert.equal(
      (
        await problemsOf(
          login(ttl, { email: 'reset@haarlem.example', password: 'correct horse battery', tokenType: 'bearer' }),
        )
      ).code,
      'unauthenticated',
    );
    await login(ttl, { email: 'reset@haarlem.example', password: 'another long passphrase', tokenType: 'bearer' });
    assert.equal((await problemsOf(setUserPassword(deps(), { email: 'nobody@haarlem.example' }))).code, 'not_found');
  });

  it('deactivates a user: no more sign-in, sessions revoked, owned districts reported', async () => {
    const id = await addUser(db, { email: 'leaving@haarlem.example', roles: ['officer'] });
    await db.query(
      `INSERT INTO district_assignments (district_code, owner_id, valid_from) VALUES ('WK039207', $1, '2026-01-01T00:00:00Z')`,
      [id],
    );
    const ttl = { ...deps(), sessionTtlHours: 1 };
    await login(ttl, { email: 'leaving@haarlem.example', password: 'correct horse battery', tokenType: 'cookie' });
    const result = await deactivateUser(deps(), { email: 'leaving@haarlem.example' });
    assert.equal(result.user.active, false);
    assert.equal(result.revokedSessions, 1);
    assert.deepEqual(result.ownedDistrictCodes, ['WK039207']);
    assert.equal(
      (
        await problemsOf(
          login(ttl, { email: 'leaving@haarlem.example', password: 'correct horse battery', tokenType: 'cookie' }),
        )
      ).code,
      'unauthenticated',
    );
  });
});
