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

  it("uses the municipality's calendar, not the browser's", () => {
    // Sunday 29 November 2026, 23:30 in Amsterdam is already Monday 30 November in Auckland and still Sunday in New York.
    const lateSunday = new Date('2026-11-29T22:30:00Z');
    assert.equal(mondayOf(lateSunday, 0, 'Europe/Amsterdam'), '2026-11-23');
    assert.equal(mondayOf(lateSunday, 0, 'Pacific/Auckland'), '2026-11-30');
    assert.equal(mondayOf(lateSunday, 1, 'America/New_York'), '2026-11-30');
    // Across the end of summer time (25 October 2026) the week still starts on Monday.
    assert.equal(mondayOf(new Date('2026-10-25T23:30:00Z'), 0, 'Europe/Amsterdam'), '2026-10-26');
  });
});
