import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mondayOf } from '../../web/src/staff/analysis/weeks.ts';

describe('mondayOf', () => {
  it('gives the Monday of the week, and of the weeks around it', () => {
    assert.equal(mondayOf(new Date(2026, 10, 25, 10)), '2026-11-23');
    assert.equal(mondayOf(new Date(2026, 10, 23, 0, 5)), '2026-11-23');
    assert.equal(mondayOf(new Date(2026, 10, 29, 23, 30)), '2026-11-23');
    assert.equal(mondayOf(new Date(2026, 10, 25), 1), '2026-11-30');
    assert.equal(mondayOf(new Date(2026, 10, 25), -1), '2026-11-16');
  });
});
