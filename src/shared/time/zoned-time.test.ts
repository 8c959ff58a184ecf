import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { endOfLocalDay, formatLocalDate, localDateOf, localMinutesOf, zonedInstant } from './zoned-time.ts';

const AMS = 'Europe/Amsterdam';

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
