import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dutchPublicHolidays, easterSunday, isWorkday } from './calendar.ts';
import { localDateOf } from './zoned-time.ts';

const AMS = 'Europe/Amsterdam';

describe('Easter (anonymous Gregorian algorithm)', () => {
  it('gives the known Easter Sundays', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22',
      2000: '2000-04-23',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
    };
    for (const [year, date] of Object.entries(known)) assert.equal(easterSunday(Number(year)), date, `Easter ${year}`);
  });
});

describe('Dutch public holidays (Algemene termijnenwet)', () => {
  it('lists the ten holidays of 2026 in date order', () => {
    assert.deepEqual(
      dutchPublicHolidays(2026).map((h) => `${h.date} ${h.nameNl}`),
      [
        '2026-01-01 Nieuwjaarsdag',
        '2026-04-05 Eerste Paasdag',
        '2026-04-06 Tweede Paasdag',
        '2026-04-27 Koningsdag',
        '2026-05-05 Bevrijdingsdag',
        '2026-05-14 Hemelvaartsdag',
        '2026-05-24 Eerste Pinksterdag',
        '2026-05-25 Tweede Pinksterdag',
        '2026-12-25 Eerste Kerstdag',
        '2026-12-26 Tweede Kerstdag',
      ],
    );
  });

  it('moves Koningsdag to 26 April when the 27th is a Sunday', () => {
    const kingsDay = (year: number) => dutchPublicHolidays(year).find((h) => h.nameNl === 'Koningsdag')?.date;
    assert.equal(kingsDay(2025), '2025-04-26');
    assert.equal(kingsDay(2014), '2014-04-26');
    assert.equal(kingsDay(2024), '2024-04-27');
  });

  it('has English names too', () => {
    assert.ok(dutchPublicHolidays(2026).every((h) => h.nameEn.length > 0));
  });
});

describe('isWorkday', () => {
  it('skips weekends and holidays', () => {
    assert.equal(isWorkday('2026-11-24'), true); // Tuesday
    assert.equal(isWorkday('2026-11-28'), false); // Saturday
    assert.equal(isWorkday('2026-11-29'), false); // Sunday
    assert.equal(isWorkday('2026-04-06'), false); // Tweede Paasdag
    assert.equal(isWorkday('2026-04-03'), true); // Goede Vrijdag is no holiday under the Act
    assert.equal(isWorkday('2026-05-05'), false); // Bevrijdingsdag
  });

  it('reads an instant on the municipal wall calendar', () => {
    // 22:30 UTC on Friday 24 April 2026 is already Saturday 00:30 in Amsterdam (CEST).
    assert.equal(isWorkday(localDateOf(new Date('2026-04-24T21:30:00Z'), AMS)), true);
    assert.equal(isWorkday(localDateOf(new Date('2026-04-24T22:30:00Z'), AMS)), false);
  });
});
