import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { oidcMappingsList, oidcMappingsSet } from '../../cli/commands/oidc.ts';
import { addUser, seedMiniGeography } from './test-fixtures.ts';

describe('OIDC role mappings: API for administrators and the CLI', () => {
  let db: Db;
  let app: App;
  let haarlemAdmin: { authorization: string };
  let amsterdamAdmin: { authorization: string };
  let officer: { authorization: string };

  before(async () => {
    db = await openTestDb({ empty: true });
    await seedMiniGeography(db);
    haarlemAdmin = await bearerFor(
      db,
      await addUser(db, { email: 'beheer@haarlem.example', roles: ['administrator'] }),
    );
    amsterdamAdmin = await bearerFor(
      db,
      await addUser(db, { email: 'beheer@amsterdam.example', roles: ['administrator'], municipalityCode: 'GM0363' }),
    );
    officer = await bearerFor(db, await addUser(db, { email: 'anna@haarlem.example', roles: ['officer'] }));
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  const put = (headers: { authorization: string }, payload: Record<string, unknown>) =>
    app.inject({ method: 'PUT', url: '/api/v1/oidc/role-mappings', headers, payload });
  const get = (headers: { authorization: string }) =>
    app.inject({ method: 'GET', url: '/api/v1/oidc/role-mappings', headers });

  it("replaces and reads back the administrator's own municipality's mapping", async () => {
    const mappings = [
      { claimValue: 'wp-handhavers', role: 'officer' },
      { claimValue: 'wp-beheer', role: 'administrator' },
      { claimValue: 'wp-beheer', role: 'analyst' },
    ];
    const stored = await put(haarlemAdmin, { mappings });
    assert.equal(stored.statusCode, 200, stored.body);
    const expected = {
      municipalityCode: 'GM0392',
      mappings: [
        { claimValue: 'wp-beheer', role: 'administrator' },
        { claimValue: 'wp-beheer', role: 'analyst' },
        { claimValue: 'wp-handhavers', role: 'officer' },
      ],
    };
    assert.deepEqual(stored.json(), expected);
    assert.deepEqual((await get(haarlemAdmin)).json(), expected);
    assert.deepEqual((await get(amsterdamAdmin)).json(), { municipalityCode: 'GM0363', mappings: [] });
    const replaced = await put(haarlemAdmin, { mappings: [{ claimValue: 'wp-handhavers', role: 'officer' }] });
    assert.deepEqual(replaced.json().mappings, [{ claimValue: 'wp-handhavers', role: 'officer' }]);
  });

  it('refuses a bad mapping with every field problem and changes nothing', async () => {
    const before = (await get(haarlemAdmin)).json();
    const response = await put(haarlemAdmin, {
      mappings: [
        { claimValue: '', role: 'officer' },
        { claimValue: 'x', role: 'partner' },
      ],
    });
    assert.equal(response.statusCode, 400);
    const names = response.json().invalidParams.map((p: { name: string }) => p.name);
    assert.deepEqual(names.sort(), ['body.mappings.0.claimValue', 'body.mappings.1.role']);
    const twice = await put(haarlemAdmin, {
      mappings: [
        { claimValue: ' padded', role: 'officer' },
        { claimValue: 'a', role: 'officer' },
        { claimValue: 'a', role: 'officer' },
      ],
    });
    assert.equal(twice.statusCode, 400);
    assert.deepEqual(
      twice.json().invalidParams.map((p: { name: string }) => p.name),
      ['mappings.0.claimValue', 'mappings.2'],
    );
    assert.deepEqual((await get(haarlemAdmin)).json(), before);
  });

  it('refuses a claim value another municipality maps, so a sign-in names one municipality', async () => {
    const response = await put(amsterdamAdmin, {
      mappings: [
        { claimValue: 'ams-handhavers', role: 'officer' },
        { claimValue: 'wp-handhavers', role: 'coordinator' },
      ],
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(response.json().invalidParams, [
      {
        name: 'mappings.1.claimValue',
        reason: 'municipality GM0392 maps this claim value already',
        code: 'claim_value_taken',
      },
    ]);
    assert.deepEqual((await get(amsterdamAdmin)).json().mappings, []);
  });

  it('is for administrators only', async () => {
    assert.equal((await get(officer)).statusCode, 403);
    assert.equal((await put(officer, { mappings: [] })).statusCode, 403);
  });

  it('wijkpost oidc mappings set / list', async () => {
    const lines: string[] = [];
    const print = (line: string) => lines.push(line);
    await oidcMappingsSet({ db }, print, 'GM0363', ['ams-handhavers=officer', 'CN=Beheer,OU=Groepen=administrator']);
    await oidcMappingsList({ db }, print, 'GM0363');
    assert.deepEqual(lines, [
      "Stored 2 mapping(s) for GM0363; they count from each user's next sign-in.",
      'CN=Beheer,OU=Groepen=administrator',
      'ams-handhavers=officer',
      '2 mapping(s) for GM0363.',
    ]);
    await assert.rejects(oidcMappingsSet({ db }, print, 'GM0363', ['no-role-given']), /role mapping has problems/);
    await assert.rejects(oidcMappingsSet({ db }, print, 'GM9999', []), /GM9999 not found/);
  });
});
