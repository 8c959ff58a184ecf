/**
 * iCalendar (RFC 5545) for an officer's patrol visits: CRLF line ends, content lines folded at 75 octets
 * (never inside a UTF-8 character), TEXT values escaped, times in UTC, one VEVENT per visit with a stable UID.
 */
import type { PatrolPlan } from './schemas.ts';

export function escapeText(value: string): string {
  return value.replaceAll('\\', '\\\\').replaceAll(';', '\\;').replaceAll(',', '\\,').replace(/\r?\n/g, '\\n');
}

/** Folds one content line: at most 75 octets per physical line, continuation lines start with one space. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    const limit = parts.length === 0 ? 75 : 74; // continuation lines carry the leading space
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

export function utcStamp(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

export function patrolCalendar(
  officerName: string,
  plans: readonly PatrolPlan[],
  now: Date,
  host = 'wijkpost',
): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Wijkpost//Patrol plans//NL',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(`Surveillance ${officerName}`)}`,
  ];
  for (const plan of plans)
    for (const visit of plan.visits) {
      const [lon, lat] = visit.centre.coordinates;
      lines.push(
        'BEGIN:VEVENT',
        `UID:${visit.id}@${host}`,
        `DTSTAMP:${utcStamp(now)}`,
        `DTSTART:${utcStamp(new Date(visit.startsAt))}`,
        `DTEND:${utcStamp(new Date(visit.endsAt))}`,
        `SUMMARY:${escapeText(`Surveillance ${visit.districtName} (${visit.cellId})`)}`,
        `DESCRIPTION:${escapeText(`${visit.reason.nl}\n${visit.reason.en}`)}`,
        `LOCATION:${escapeText(`${visit.districtName}, ${lat.toFixed(5)}, ${lon.toFixed(5)}`)}`,
        `GEO:${lat.toFixed(6)};${lon.toFixed(6)}`,
        'TRANSP:OPAQUE',
        'END:VEVENT',
      );
    }
  lines.push('END:VCALENDAR');
  return lines.map(foldLine).join('\r\n') + '\r\n';
}
