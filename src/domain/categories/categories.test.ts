import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../../db/db.ts';
import type { App } from '../../http/deps.ts';
import { bearerFor, testApp } from '../../../test/support/app.ts';
import { openTestDb } from '../../../test/support/db.ts';
import { haarlemCategoryTree, seedHaarlemCategories } from '../../db/seed/haarlem-categories.ts';
import { findCategory } from './index.ts';

async function insertUser(db: Db, name: string, roles: string[]): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `INSERT INTO users (municipality_code, email, name, roles) VALUES ('GM0392', $1, $2, $3) RETURNING id`,
    [`${name.toLowerCase().replaceAll(' ', '.')}@haarlem.example`, name, roles],
  );
  return rows[0]!.id;
}

describe('categories', () => {
  let db: Db;
  let app: App;
  let admin: { authorization: string };
  let officer: { authorization: string };

  before(async () => {
    db = await openTestDb({ empty: true });
    await db.query(`INSERT INTO municipalities (code, name, slug) VALUES ('GM0392', 'Haarlem', 'haarlem')`);
    await db.query(`INSERT INTO municipalities (code, name, slug) VALUES ('GM0363', 'Amsterdam', 'amsterdam')`);
    admin = await bearerFor(db, await insertUser(db, 'Anne Admin', ['administrator']));
    officer = await bearerFor(db, await insertUser(db, 'Olaf Officer', ['officer']));
    app = await testApp(db);
  });
  after(async () => {
    await app.close();
    await db.close();
  });

  it('seeds the Haarlem tree once, whatever the number of runs', async () => {
    const expected = haarlemCategoryTree.reduce((sum, main) => sum + 1 + main.subcategories.length, 0);
    assert.deepEqual(await seedHaarlemCategories({ db }), { created: expected });
    assert.deepEqual(await seedHaarlemCategories({ db }), { created: 0 });
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM categories WHERE municipality_code = 'GM0392'`,
    );
    assert.equal(rows[0]!.n, expected);
  });

  it('covers the enforcement subjects of the domain brief with their deadlines', async () => {
    const parkeeroverlast = await findCategory(db, 'GM0392', 'parkeeroverlast');
    assert.deepEqual(parkeeroverlast && { ...parkeeroverlast, id: 'x' }, {
      id: 'x',
      code: 'parkeeroverlast',
      nameNl: 'Parkeeroverlast',
      nameEn: 'Parking nuisance',
      parentCode: 'parkeren',
      deadline: { amount: 3, unit: 'workdays' },
      urgent: false,
      public: true,
    });
    assert.deepEqual((await findCategory(db, 'GM0392', 'hondenpoep'))?.deadline, { amount: 21, unit: 'days' });
    assert.deepEqual((await findCategory(db, 'GM0392', 'graffiti-wildplak'))?.deadline, {
      amount: 5,
      unit: 'workdays',
    });
    assert.equal((await findCategory(db, 'GM0392', 'vuurwerkoverlast'))?.urgent, true);
    assert.equal((await findCategory(db, 'GM0392', 'huisafval-naast-container'))?.parentCode, 'afval');
    for (const code of [
      'fietswrak',
      'veeg-zwerfvuil',
      'grofvuil',
      'jongerenoverlast',
      'drank-en-drugsoverlast',
      'wildplassen',
      'geluidsoverlast',
      'overlast-terrassen',
      'fout-geparkeerd',
    ]) {
      assert.ok(await findCategory(db, 'GM0392', code), code);
    }
    for (const code of ['geluidsoverlast', 'jongerenoverlast', 'drank-en-drugsoverlast']) {
      assert.equal(
        (await findCategory(db, 'GM0392', code))?.public,
        false,
        `${code} stays off the public map (a dwelling, or sensitive)`,
      );
    }
    assert.equal(await findCategory(db, 'GM0363', 'parkeeroverlast'), null, 'categories belong to one municipality');
    assert.equal(await findCategory(db, 'GM0392', 'bestaat-niet'), null);
  });

  it('serves the public tree with deadlines and English names', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/municipalities/GM0392/categories' });
    assert.equal(response.statusCode, 200);
    const tree = response.json();
    assert.equal(tree.municipalityCode, 'GM0392');
    assert.deepEqual(
      tree.categories.map((c: { code: string }) => c.code),
      ['afval', 'parkeren', 'openbare-orde', 'openbare-ruimte'],
    );
    const parking = tree.categories[1];
    assert.equal(parking.nameEn, 'Parking');
    assert.deepEqual(parking.subcategories[0], {
      code: 'parkeeroverlast',
      nameNl: 'Parkeeroverlast',
      nameEn: 'Parking nuisance',
      deadline: { amount: 3, unit: 'workdays' },
      urgent: false,
      public: true,
    });
  });

  it('answers 404 for an unknown municipality and 400 for a malformed code', async () => {
    assert.equal(
      (await app.inject({ method: 'GET', url: '/api/v1/municipalities/GM9999/categories' })).statusCode,
      404,
    );
    const bad = await app.inject({ method: 'GET', url: '/api/v1/municipalities/haarlem/categories' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().invalidParams[0].name, 'params.municipalityCode');
  });

  it('lets an administrator add a subcategory', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: admin,
      payload: {
        code: 'bootjes',
        nameNl: 'Bootjes',
        nameEn: 'Boats',
        parentCode: 'openbare-ruimte',
        deadline: { amount: 10, unit: 'workdays' },
      },
    });
    assert.equal(response.statusCode, 201, response.body);
    assert.equal(response.json().parentCode, 'openbare-ruimte');
    assert.equal((await findCategory(db, 'GM0392', 'bootjes'))?.nameEn, 'Boats');
  });

  it('refuses other roles and anonymous callers', async () => {
    const payload = { code: 'iets', nameNl: 'Iets', nameEn: 'Something' };
    assert.equal(
      (await app.inject({ method: 'POST', url: '/api/v1/categories', headers: officer, payload })).statusCode,
      403,
    );
    assert.equal((await app.inject({ method: 'POST', url: '/api/v1/categories', payload })).statusCode, 401);
    assert.equal(await findCategory(db, 'GM0392', 'iets'), null);
  });

  it('lists every field problem at once and changes nothing', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: admin,
      payload: { code: 'Niet Kebab', nameNl: '', nameEn: 'x', deadline: { amount: 0, unit: 'weeks' } },
    });
    assert.equal(response.statusCode, 400);
    const names = response
      .json()
      .invalidParams.map((p: { name: string }) => p.name)
      .sort();
    assert.deepEqual(names, ['body.code', 'body.deadline.amount', 'body.deadline.unit', 'body.nameNl']);
  });

  it('keeps the tree two levels deep and deadlines on subcategories only', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: admin,
      payload: { code: 'te-diep', nameNl: 'Te diep', nameEn: 'Too deep', parentCode: 'hondenpoep' },
    });
    assert.equal(response.statusCode, 400);
    assert.deepEqual(
      response.json().invalidParams.map((p: { name: string }) => p.name),
      ['parentCode', 'deadline'],
    );
    const main = await app.inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: admin,
      payload: { code: 'hoofd', nameNl: 'Hoofd', nameEn: 'Main', deadline: { amount: 1, unit: 'days' } },
    });
    assert.equal(main.statusCode, 400);
    assert.equal(main.json().invalidParams[0].name, 'deadline');
  });

  it('answers 409 for a code that already exists', async () => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/categories',
      headers: admin,
      payload: {
        code: 'hondenpoep',
        nameNl: 'Hondenpoep',
        nameEn: 'Dog fouling',
        parentCode: 'afval',
        deadline: { amount: 1, unit: 'days' },
      },
    });
    assert.equal(response.statusCode, 409);
    assert.deepEqual((await findCategory(db, 'GM0392', 'hondenpoep'))?.deadline, { amount: 21, unit: 'days' });
  });

  it('changes a deadline and hides a deactivated category from intake and the public tree', async () => {
    const changed = await app.inject({
      method: 'PATCH',
      url: '/api/v1/categories/grofvuil',
      headers: admin,
      payload: { deadline: { amount: 7, unit: 'days' } },
    });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.deepEqual((await findCategory(db, 'GM0392', 'grofvuil'))?.deadline, { amount: 7, unit: 'days' });

    const hidden = await app.inject({
      method: 'PATCH',
      url: '/api/v1/categories/fietswrak',
      headers: admin,
      payload: { active: false },
    });
    assert.equal(hidden.json().active, false);
    assert.equal(await findCategory(db, 'GM0392', 'fietswrak'), null);
    const tree = (await app.inject({ method: 'GET', url: '/api/v1/municipalities/GM0392/categories' })).json();
    const waste = tree.categories.find((c: { code: string }) => c.code === 'afval');
    assert.ok(!waste.subcategories.some((s: { code: string }) => s.code === 'fietswrak'));

    await app.inject({
      method: 'PATCH',
      url: '/api/v1/categories/openbare-ruimte',
      headers: admin,
      payload: { active: false },
    });
    assert.equal(
      await findCategory(db, 'GM0392', 'graffiti-wildplak'),
      null,
      'a deactivated main category hides its subcategories',
    );
  });

  it('lists inactive categories too for administrators only', async () => {
    const response = await app.inject({ method: 'GET', url: '/api/v1/categories', headers: admin });
    assert.equal(response.statusCode, 200);
    const fietswrak = response.json().categories.find((c: { code: string }) => c.code === 'fietswrak');
    assert.equal(fietswrak.active, false);
    assert.equal((await app.inject({ method: 'GET', url: '/api/v1/categories', headers: officer })).statusCode, 403);
  });

  it('rejects a deadline on a main category, an empty change and an unknown code', async () => {
    assert.equal(
      (
        await app.inject({
          method: 'PATCH',
          url: '/api/v1/categories/afval',
          headers: admin,
          payload: { deadline: { amount: 1, unit: 'days' } },
        })
      ).statusCode,
      400,
    );
    assert.equal(
      (await app.inject({ method: 'PATCH', url: '/api/v1/categories/afval', headers: admin, payload: {} })).statusCode,
      400,
    );
    assert.equal(
      (
        await app.inject({
          method: 'PATCH',
          url: '/api/v1/categories/onbekend',
          headers: admin,
          payload: { urgent: true },
        })
      ).statusCode,
      404,
    );
  });
});
