import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dateInput, dateTimeInput } from './input.ts';

describe('dates and moments in requests', () => {
  it('accepts the years 1900–2999 in UTC, whatever the offset', () => {
    for (const text of ['1900-01-01T00:00:00Z', '2026-11-24T09:00:00+01:00', '2999-12-31T23:59:59Z'])
      assert.equal(dateTimeInput().safeParse(text).success, true, text);
    assert.equal(dateInput().safeParse('2026-11-30').success, true);
  });

  it('refuses valid ISO 8601 that falls outside them, such as year 0 or 10000 in UTC, with the range', () => {
    for (const text of [
      '0001-01-01T00:00:00+14:00',
      '9999-12-31T23:59:59-12:00',
      '1899-12-31T23:59:59Z',
      '3000-01-01T00:00:00Z',
    ]) {
      const result = dateTimeInput().safeParse(text);
      assert.equal(result.success, false, text);
      assert.match(result.error!.issues[0]!.message, /1900–2999/);
    }
    assert.equal(dateInput().safeParse('9999-12-27').success, false);
    assert.equal(dateInput().safeParse('0001-01-01').success, false);
  });

  it('leaves the format to the format check', () => {
    const result = dateTimeInput({ error: 'an ISO 8601 moment' }).safeParse('yesterday');
    assert.deepEqual(
      result.error?.issues.map((issue) => issue.message),
      ['an ISO 8601 moment'],
    );
  });
});
