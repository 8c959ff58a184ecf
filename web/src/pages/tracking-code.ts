/**
 * The web's copy of the server's normaliseTrackingCode (src/domain/reports/tracking-code.ts; the web imports no
 * server value): what people type — "wp 9m4v…", lower case, spaces, no dashes or WP, O for 0, I/L for 1 — to
 * `WP-XXXX-XXXX-XXXX-XXXX`. test/web/tracking-code.test.ts holds the two to the same answers.
 */
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function normaliseTrackingCode(input: string): string | null {
  let compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.startsWith('WP')) compact = compact.slice(2);
  compact = compact.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== 16 || ![...compact].every((c) => alphabet.includes(c))) return null;
  return `WP-${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8, 12)}-${compact.slice(12)}`;
}
