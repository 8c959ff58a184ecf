import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { busiestSlots, countsPerWeek, timeOfWeekProfile, weekStarts, weekTrend } from './time-of-week.ts';

const ms = (iso: string) => Date.parse(iso);

describe('time of week', () => {
  it('puts instants in their local hour of week across the DST changes (Amsterdam)', () => {
    const profile = timeOfWeekProfile(
      [
        ms('2026-03-28T23:30:00Z'), // Sun 29 Mar 00:30 CET → Sunday 00 (144)
        ms('2026-03-29T01:30:00Z'), // after the spring change: 03:30 CEST → Sunday 03 (147)
        ms('2026-10-25T00:30:00Z'), // 02:30 CEST, first pass → Sunday 02 (146)
        ms('2026-10-25T01:30:00Z'), // 02:30 CET, second pass → Sunday 02 (146)
        ms('2026-10-26T07:15:00Z'), // Monday 08:15 CET → 8
      ],
      'Europe/Amsterdam',
    );
    assert.equal(profile.length, 168);
    assert.deepEqual(
      [profile[144], profile[147], profile[146], profile[8], profile.reduce((a, b) => a + b, 0)],
      [1, 1, 2, 1, 5],
    );
  });

  it('follows the zone given (New York, its own DST dates)', () => {
    const profile = timeOfWeekProfile([ms('2016-03-13T07:30:00Z'), ms('2016-03-12T12:00:00Z')], 'America/New_York');
    assert.equal(profile[6 * 24 + 3], 1, 'Sunday 03:30 EDT (the spring change is at 02:00)');
    assert.equal(profile[5 * 24 + 7], 1, 'Saturday 07:00 EST');
  });

  it('lists the busiest slots, busiest first', () => {
    const profile = new Uint32Array(168);
    profile[1 * 24 + 8] = 5; // Tuesday 08
    profile[1 * 24 + 9] = 7;
    profile[4 * 24 + 22] = 5;
    assert.deepEqual(
      busiestSlots(profile, 2).map((s) => [s.weekday, s.hour, s.count]),
      [
        [2, 9, 7],
        [2, 8, 5],
      ],
    );
  });

  it('counts weeks between local Mondays (a DST week is 167 hours long) and gives the trends', () => {
    const starts = weekStarts('2026-03-23', 2, 'Europe/Amsterdam');
    assert.equal(starts[1]! - starts[0]!, 167 * 3_600_000);
    assert.deepEqual(
      countsPerWeek([ms('2026-03-22T23:30:00Z'), ms('2026-03-29T22:30:00Z'), ms('2026-03-29T21:30:00Z')], starts),
      [2, 1], // Mon 23 Mar 00:30 CET and Sun 29 Mar 23:30 CEST in the first week, Mon 30 Mar 00:30 CEST in the second
    );
    const times = [
      ...Array(4).fill(ms('2025-03-25T10:00:00Z')), // the week of Mon 24 Mar 2025, 364 days earlier
      ...Array(3).fill(ms('2026-03-17T10:00:00Z')),
      ...Array(6).fill(ms('2026-03-24T10:00:00Z')),
    ];
    const trend = weekTrend(times, '2026-03-23', 'Europe/Amsterdam');
    assert.deepEqual(trend.weekOverWeek, { count: 6, previous: 3, change: 3, ratio: 1 });
    assert.deepEqual(trend.sameWeekLastYear, { count: 6, previous: 4, change: 2, ratio: 0.5 });
  });
});
