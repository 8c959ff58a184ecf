import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeCursor, encodeCursor, keysetPage } from './cursor.ts';
import { DomainError } from './errors.ts';

const ID = '0b5e9a3c-7f1d-4c2a-9e8b-1a2b3c4d5e6f';
const forge = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function assertRefused(cursor: string, why: string, orders: string[] = []) {
  assert.throws(
    () => decodeCursor(cursor, 'query.cursor', orders),
    (error: unknown) => {
      assert.ok(error instanceof DomainError, why);
      assert.equal(error.code, 'validation', why);
      assert.deepEqual(
        error.fieldProblems.map((p) => [p.name, p.code]),
        [['query.cursor', 'invalid_cursor']],
        why,
      );
      return true;
    },
    why,
  );
}

describe('keyset cursor codec', () => {
  it('round-trips the moment as PostgreSQL prints it, microseconds included, and the id', () => {
    for (const at of [
      '2026-11-24 08:01:00.123456+00',
      '2026-11-24 08:01:00.123457+00',
      '2026-11-24 09:01:00+01',
      '2026-03-29 03:00:00.5+05:30',
      '1937-06-30 23:59:59.999999+00:19:32',
    ]) {
      const cursor = encodeCursor({ at, id: ID });
      assert.match(cursor, /^[A-Za-z0-9_-]+$/, 'base64url');
      assert.deepEqual(decodeCursor(cursor), { at, id: ID });
    }
  });

  it('names the field the cursor came in', () => {
    assert.throws(
      () => decodeCursor('bm9wZQ', 'body.after'),
      (error: unknown) => error instanceof DomainError && error.fieldProblems[0]?.name === 'body.after',
    );
  });

  it('refuses what it did not write: wrong shape, non-UUID id, impossible moment', () => {
    const refused: Array<[string, string]> = [
      ['bm9wZQ', 'not JSON'],
      ['***', 'not base64url'],
      [forge({ at: '2026-11-24 08:01:00+00', id: ID }), 'an object'],
      [forge(['2026-11-24 08:01:00+00']), 'one element'],
      [forge(['2026-11-24 08:01:00+00', ID, 42]), 'a third element that names no order'],
      [forge(['2026-11-24 08:01:00+00', ID, 'deadline']), 'an order this list does not have'],
      [forge(['2026-11-24 08:01:00+00', ID, 'deadline', 'extra']), 'four elements'],
      [forge(['2026-11-24 08:01:00+00', 42]), 'a number as id'],
      [forge(['2026-11-24 08:01:00+00', '------------------------------------']), '36 dashes as id'],
      [forge(['2026-11-24 08:01:00+00', `${ID}0`]), 'an id one digit too long'],
      [forge(['1', ID]), "'1', which V8 parses as a date"],
      [forge(['2026-11-24T08:01:00.000Z', ID]), 'ISO 8601 instead of how PostgreSQL prints it'],
      [forge(['2026-11-24 08:01:00.1234567+00', ID]), 'seven fractional digits'],
      [forge(['2026-02-30 10:00:00+00', ID]), '30 February'],
      [forge(['2026-11-24 24:00:00+00', ID]), 'hour 24'],
      [forge(['2026-11-24 08:60:00+00', ID]), 'minute 60'],
      [forge(['2026-11-24 08:01:00+16', ID]), 'an offset PostgreSQL refuses'],
      [forge(['2026-11-24 08:01:00+01:60', ID]), 'offset minute 60'],
      [forge(['2026-11-24 08:01:00', ID]), 'no offset'],
    ];
    for (const [cursor, why] of refused) assertRefused(cursor, why);
  });
});

describe('keyset cursor of a list with several orders', () => {
  it('carries the order it belongs to, and a cursor without one decodes as before', () => {
    const at = '2026-11-24 08:01:00.123456+00';
    const orders = ['deadline', 'updated'];
    assert.deepEqual(decodeCursor(encodeCursor({ at, id: ID, order: 'deadline' }), 'query.cursor', orders), {
      at,
      id: ID,
      order: 'deadline',
    });
    assertRefused(forge([at, ID, 'created']), 'an order the list does not name', orders);
    assert.deepEqual(decodeCursor(encodeCursor({ at, id: ID })), { at, id: ID });
  });
});

describe('keysetPage', () => {
  const rows = ['a', 'b', 'c'].map((name, i) => ({ name, at: `2026-11-24 08:0${i}:00.00000${i}+00`, id: ID }));

  it('hands out the position of the last row shown when more rows were fetched than the limit', () => {
    const page = keysetPage(rows, 2, (row) => ({ at: row.at, id: row.id }));
    assert.deepEqual(
      page.items.map((row) => row.name),
      ['a', 'b'],
    );
    assert.deepEqual(decodeCursor(page.nextCursor!), { at: '2026-11-24 08:01:00.000001+00', id: ID });
  });

  it('has no next cursor on the last page', () => {
    assert.deepEqual(
      keysetPage(rows, 3, (row) => ({ at: row.at, id: row.id })),
      { items: rows, nextCursor: null },
    );
  });
});
