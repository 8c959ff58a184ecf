/**
 * Reading the fields of one Signalen item, which comes from a file and so may hold anything. Pure.
 */

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown): JsonObject | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : null;
}

export function asText(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

/** Non-empty text after trimming, else null. */
export function asFilledText(value: unknown): string | null {
  const text = asText(value)?.trim();
  return text ? text : null;
}

const isoTimestamp = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * An ISO 8601 timestamp with a zone (Signalen writes `2024-03-05T09:12:44.123456+01:00`), or null when it is
 * missing, has no zone (ambiguous) or names a moment no calendar has. Keeps the text too: PostgreSQL stores its
 * microseconds, which a JavaScript Date would round to milliseconds.
 */
export function parseTimestamp(value: unknown): { text: string; date: Date } | null {
  if (typeof value !== 'string') return null;
  const match = isoTimestamp.exec(value.trim());
  if (!match) return null;
  const [, year, month, day, hour, minute, second = '00'] = match;
  if (Number(hour) > 23 || Number(minute) > 59 || Number(second) > 59) return null;
  const calendarDay = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (
    calendarDay.getUTCFullYear() !== Number(year) ||
    calendarDay.getUTCMonth() !== Number(month) - 1 ||
    calendarDay.getUTCDate() !== Number(day)
  )
    return null;
  const date = new Date(value.trim().replace(' ', 'T'));
  if (Number.isNaN(date.getTime())) return null;
  return { text: value.trim(), date };
}

// JSON text can carry a lone UTF-16 surrogate, which jsonb refuses (the whole batch would fail), and PostgreSQL text
// cannot hold NUL. Both come out as the intake's form treats them: U+FFFD, and nothing.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function storableText(text: string): string {
  return text.replace(loneSurrogate, '\uFFFD').replaceAll('\u0000', '');
}

/** Signalen's address object as one line: "Grote Markt 2A-1, 2011 RD Haarlem". */
export function formatAddress(address: JsonObject | null): string | null {
  if (!address) return null;
  const street = asFilledText(address.openbare_ruimte);
  const number = asFilledText(address.huisnummer);
  const letter = asFilledText(address.huisletter) ?? '';
  const addition = asFilledText(address.huisnummer_toevoeging);
  const postcode = asFilledText(address.postcode);
  const place = asFilledText(address.woonplaats);
  const house = number ? `${number}${letter}${addition ? `-${addition}` : ''}` : null;
  const first = [street, house].filter(Boolean).join(' ');
  const second = [postcode, place].filter(Boolean).join(' ');
  const line = [first, second].filter(Boolean).join(', ');
  return line || null;
}

/** Reporter contact as Signalen gives it: '' for none, '*****' when the exporting user could not see it. */
export function contactValue(value: unknown): string | null {
  const text = asFilledText(value);
  if (!text || /^\*+$/.test(text)) return null;
  return storableText(text);
}
