import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { freeWindows, placeVisits } from './patrol-plan-placement.ts';
import { busiestTwoHours, visitReason } from './patrol-plan-reasons.ts';

const profile = (slots: Record<number, number>) => {
  const hours = new Float64Array(168);
  for (const [slot, n] of Object.entries(slots)) hours[Number(slot)] = n;
  return hours;
};

describe('patrol plan placement and reasons (pure)', () => {
  it('cuts absences out of the working day', () => {
    assert.deepEqual(freeWindows(480, 1020, [{ start: 600, end: 720 }]), [
      { start: 480, end: 600 },
      { start: 720, end: 1020 },
    ]);
    assert.deepEqual(freeWindows(480, 1020, [{ start: 0, end: 1440 }]), []);
  });

  it('puts each cell in its busiest hour that day, two hours apart, best cells first', () => {
    const tuesday = 2;
    const visits = placeVisits(
      tuesday,
      [{ start: 480, end: 1020 }],
      [
        { key: 'a', score: 9, hourOfWeek: profile({ [24 + 9]: 5 }) },
        { key: 'b', score: 5, hourOfWeek: profile({ [24 + 10]: 5 }) },
        { key: 'c', score: 3, hourOfWeek: profile({ [24 + 15]: 5 }) },
      ],
    );
    assert.deepEqual(
      visits.map((v) => [v.key, v.start, v.end]),
      [
        ['a', 540, 555],
        ['b', 660, 675],
        ['c', 900, 915],
      ],
    );
  });

  it('returns to the best cell when only one cell scores, and never more than four a day', () => {
    const one = placeVisits(1, [{ start: 480, end: 1020 }], [{ key: 'a', score: 1, hourOfWeek: profile({ 9: 1 }) }]);
    assert.equal(one.length, 2);
    assert.ok(one[1]!.start - one[0]!.start >= 120);
    const many = placeVisits(
      1,
      [{ start: 0, end: 1440 }],
      Array.from({ length: 8 }, (_, i) => ({ key: `c${i}`, score: 8 - i, hourOfWeek: profile({}) })),
    );
    assert.equal(many.length, 4);
  });

  it('plans nothing when two visits two hours apart do not fit', () => {
    assert.deepEqual(placeVisits(1, [{ start: 480, end: 560 }], [{ key: 'a', score: 1, hourOfWeek: profile({}) }]), []);
  });

  it('words the reason in Dutch and English', () => {
    const hours = profile({ [24 + 8]: 10, [24 + 9]: 4 });
    assert.deepEqual(busiestTwoHours(hours), { weekday: 2, hour: 8 });
    assert.deepEqual(
      visitReason({
        reports: 14,
        weeks: 4,
        topCategory: { nameNl: 'Hondenpoep', nameEn: 'Dog fouling', n: 14 },
        hourOfWeek: hours,
      }),
      {
        nl: 'hier 14 meldingen hondenpoep in 4 weken, vooral di 8–10 u',
        en: 'here 14 reports of dog fouling in 4 weeks, mainly Tue 8–10 h',
      },
    );
  });
});
