import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Db } from '../db/db.ts';
import { openTestDb } from '../../test/support/db.ts';
import { testApp } from '../../test/support/app.ts';
import type { App } from './deps.ts';
import { textProblems } from './text-check.ts';

const codes = (response: { json(): { invalidParams?: Array<{ name: string; code: string }> } }) =>
  (response.json().invalidParams ?? []).map((p) => `${p.name} ${p.code}`);

describe('text the database cannot store', () => {
  it('finds NUL characters in strings and keys at any depth', () => {
    const nul = { reason: 'may not contain the NUL character', code: 'nul_character' };
    assert.deepEqual(
      textProblems('body', { a: 'x\u0000', b: ['ok', '\u0000'], c: { d: '\u0000y' }, 'k\u0000': 1, e: '🐕 \uD800' }),
      [
        { name: 'body.a', ...nul },
        { name: 'body.b.1', ...nul },
        { name: 'body.c.d', ...nul },
        { name: 'body (a key)', ...nul },
      ],
    );
    assert.deepEqual(textProblems('querystring', { q: 'Grote Markt 2' }), []);
  });

  describe('over HTTP: a 400 with the field, never a 500', () => {
    let db: Db;
    let app: App;
    before(async () => {
      db = await openTestDb();
      app = await testApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('refuses a NUL in a sign-in e-mail address', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/sessions',
        payload: { email: 'a\u0000b', password: 'x' },
      });
      assert.equal(response.statusCode, 400);
      assert.match(String(response.headers['content-type']), /application\/problem\+json/);
      assert.deepEqual(codes(response), ['body.email nul_character']);
    });

    it('refuses a NUL in a path parameter', async () => {
      const response = await app.inject({ method: 'GET', url: '/api/v1/public/districts/WK039209%00/officer' });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(codes(response), ['params.districtCode nul_character']);
    });

    it('refuses a NUL in a query parameter', async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/public/reports/nearby?lon=4.6365&lat=52.3812&categoryCode=afval%00',
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(codes(response), ['querystring.categoryCode nul_character']);
    });

    it('refuses a NUL in a report before anything is stored', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/reports',
        payload: { category: 'hondenpoep', description: 'hond', reporter: { email: 'a\u0000b@example.nl' } },
      });
      assert.equal(response.statusCode, 400);
      assert.deepEqual(codes(response), ['body.reporter.email nul_character']);
    });

    it('still answers an anonymous caller of a staff route with 401 first', async () => {
      const response = await app.inject({
        method: 'POST',
        url: '/api/v1/district-meetings',
        payload: { title: 'a\u0000b' },
      });
      assert.equal(response.statusCode, 401);
    });
  });
});
