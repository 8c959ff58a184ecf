import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeDeadline, dutchPublicHolidays, easterSunday, isWorkday } from './calendar.ts';
import { endOfLocalDay, formatLocalDate, localDateOf, localMinutesOf, zonedInstant } from './zoned-time.ts';

const AMS = 'Europe/Amsterdam';
const deadline = (amount: number, unit: 'workdays' | 'days', receivedAt: string) =>
  computeDeadline({ amount, unit }, new Date(receivedAt), AMS).toISOString();

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
    assert.equal(isWorkday(new Date('2026-04-24T21:30:00Z'), AMS), true);
    assert.equal(isWorkday(new Date('2026-04-24T22:30:00Z'), AMS), false);
  });
});

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

  it('rejects a non-positive amount', () => {
    assert.throws(() => computeDeadline({ amount: 0, unit: 'days' }, new Date(), AMS), RangeError);
  });
});

describe('zoned time helpers', () => {
  it('finds local instants on DST change days', () => {
    assert.equal(zonedInstant('2026-03-29', 3 * 60, AMS).toISOString(), '2026-03-29T01:00:00.000Z');
    assert.equal(zonedInstant('2026-10-25', 12 * 60, AMS).toISOString(), '2026-10-25T11:00:00.000Z');
    assert.equal(endOfLocalDay('2026-07-01', AMS).toISOString(), '2026-07-01T21:59:59.999Z');
    assert.equal(localDateOf(new Date('2026-07-01T22:30:00Z'), AMS), '2026-07-02');
  });

  it('reads the wall clock exactly as Intl does, also in the minutes around offset changes', () => {
    // Local date and minutes come from an offset remembered per UTC hour; Intl itself is the reference.
    const zones = [AMS, 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'UTC'];
    const changes = [
      '2026-03-29T01:00:00Z',
      '2026-10-25T01:00:00Z',
      '2026-03-08T07:00:00Z',
      '2026-11-01T06:00:00Z',
      '2026-04-04T15:00:00Z',
      '2026-10-03T15:30:00Z',
      '2026-04-04T14:00:00Z',
      '2026-09-26T14:00:00Z',
      '1937-06-30T22:00:00Z',
    ];
    const instants: number[] = [];
    for (const change of changes)
      for (let minute = -90; minute <= 90; minute += 7) instants.push(Date.parse(change) + minute * 60_000 + 13_000);
    for (let i = 0; i < 400; i++)
      instants.push(Date.UTC(2024, 0, 1) + Math.floor((((i * 7919) % 400) / 400) * 6 * 365 * 86_400_000) + i * 60_123);
    for (const timeZone of zones) {
      const reference = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      });
      for (const ms of instants) {
        const parts = Object.fromEntries(reference.formatToParts(new Date(ms)).map((p) => [p.type, p.value]));
        const instant = new Date(ms);
        assert.equal(
          localDateOf(instant, timeZone),
          `${parts.year}-${parts.month}-${parts.day}`,
          `${timeZone} ${instant.toISOString()}`,
        );
        assert.equal(
          localMinutesOf(instant, timeZone),
          Number(parts.hour) * 60 + Number(parts.minute),
          `${timeZone} ${instant.toISOString()}`,
        );
      }
    }
  });

  it('renders dates in Dutch and English', () => {
    assert.equal(formatLocalDate('2026-12-01', 'nl'), 'dinsdag 1 december');
    assert.equal(formatLocalDate('2026-12-01', 'en'), 'Tuesday 1 December');
  });
});
