import { randomBytes } from 'node:crypto';

// Crockford base32: no I, L, O or U, so codes read aloud over the phone are unambiguous.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const groups = 4;
const groupLength = 4;

/** `WP-XXXX-XXXX-XXXX-XXXX`: 16 symbols of 5 bits = 80 bits from the OS's CSPRNG. */
export function newTrackingCode(): string {
  const bytes = randomBytes(10);
  let bits = 0n;
  for (const byte of bytes) bits = (bits << 8n) | BigInt(byte);
  const symbols: string[] = [];
  for (let i = 0; i < groups * groupLength; i++) {
    symbols.unshift(alphabet[Number(bits & 31n)]!);
    bits >>= 5n;
  }
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) parts.push(symbols.slice(g * groupLength, (g + 1) * groupLength).join(''));
  return `WP-${parts.join('-')}`;
}

/** Accepts what people type: lower case, missing dashes, O for 0, I/L for 1. Null when it cannot be a code. */
export function normaliseTrackingCode(input: string): string | null {
  let compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (compact.startsWith('WP')) compact = compact.slice(2);
  compact = compact.replace(/O/g, '0').replace(/[IL]/g, '1');
  if (compact.length !== groups * groupLength) return null;
  if (![...compact].every((c) => alphabet.includes(c))) return null;
  const parts: string[] = [];
  for (let g = 0; g < groups; g++) parts.push(compact.slice(g * groupLength, (g + 1) * groupLength));
  return `WP-${parts.join('-')}`;
}
