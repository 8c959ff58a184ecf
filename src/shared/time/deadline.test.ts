import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeDeadline } from './deadline.ts';

const AMS = 'Europe/Amsterdam';
const deadline = (amount: number, unit: 'workdays' | 'days', receivedAt: string, timeZone = AMS) =>
  computeDeadline({ amount, unit }, new Date(receivedAt), timeZone).toISOString();

describe('computeDeadline', () => {
  it('counts work days after the day of receipt and ends at 23:59:59.999 local', () => {
    assert.equal(deadline(3, 'workdays', '2026-11-23T09:00:00Z'), '2026-11-26T22:59:59.999Z'); // Mon → Thu
    assert.equal(deadline(3, 'workdays', '2026-11-27T09:00:00Z'), '2026-12-02T22:59:59.999Z'); // Fri → Wed, weekend skipped
    assert.equal(deadline(3, 'workdays', '2026-11-28T09:00:00Z'), '2026-12-02T22:59:59.999Z'); // Sat → Wed
  });

  it('uses the local day of receipt, not the UTC day', () => {
    // 23:30 UTC on Monday is 00:30 on Tuesday in Amsterdam.
    assert.equal(deadline(3, 'workdays', '2026-11-23T23:30:00Z'), '2026-11-27T22:59:59.999Z');
  });

  it('skips Easter Monday', () => {
    assert.equal(deadline(3, 'workdays', '2026-04-02T10:00:00Z'), '2026-04-08T21:59:59.999Z'); // Thu → Fri, (Mon 6), Tue, Wed
  });

  it("skips King's Day", () => {
    assert.equal(deadline(3, 'workdays', '2026-04-24T10:00:00Z'), '2026-04-30T21:59:59.999Z'); // Fri → (Mon 27), Tue, Wed, Thu
  });

  it('skips both Christmas days', () => {
    assert.equal(deadline(1, 'workdays', '2025-12-24T10:00:00Z'), '2025-12-29T22:59:59.999Z'); // Wed → (Thu 25, Fri 26) Mon 29
  });

  it('counts calendar days including weekends and holidays', () => {
    assert.equal(deadline(21, 'days', '2026-11-24T09:00:00Z'), '2026-12-15T22:59:59.999Z');
    assert.equal(deadline(1, 'days', '2026-12-24T09:00:00Z'), '2026-12-25T22:59:59.999Z');
  });

  it('ends the day in the offset that holds on that day across DST changes', () => {
    // Summer time ends on Sunday 25 October 2026: received Friday in CEST, deadline Sunday in CET.
    assert.equal(deadline(2, 'days', '2026-10-23T21:30:00Z'), '2026-10-25T22:59:59.999Z');
    // Summer time starts on Sunday 29 March 2026.
    assert.equal(deadline(1, 'days', '2026-03-28T09:00:00Z'), '2026-03-29T21:59:59.999Z');
    assert.equal(deadline(1, 'workdays', '2026-03-27T09:00:00Z'), '2026-03-30T21:59:59.999Z');
  });

  it("counts on the wall calendar of the municipality's own zone", () => {
    // 03:00 UTC on Tuesday 24 November is still Monday 22:00 in New York: day of receipt Monday, end of day EST.
    const NY = 'America/New_York';
    assert.equal(deadline(1, 'days', '2026-11-24T03:00:00Z', NY), '2026-11-25T04:59:59.999Z');
    assert.equal(deadline(3, 'workdays', '2026-11-24T03:00:00Z', NY), '2026-11-27T04:59:59.999Z');
    // The same instant is Tuesday in Amsterdam.
    assert.equal(deadline(1, 'days', '2026-11-24T03:00:00Z'), '2026-11-25T22:59:59.999Z');
  });

  it('rejects a non-positive amount', () => {
    assert.throws(() => computeDeadline({ amount: 0, unit: 'days' }, new Date(), AMS), RangeError);
  });
});
