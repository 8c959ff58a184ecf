import { randomFillSync } from 'node:crypto';

// Crockford base32: no I, L, O or U, so codes read aloud over the phone are unambiguous.
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const groups = 4;
const groupLength = 4;

/** `WP-XXXX-XXXX-XXXX-XXXX`: 16 symbols of 5 bits = 80 bits from the OS's CSPRNG. */
// One call into the CSPRNG per 64 codes instead of one per code; each code still gets its own 80 bits.
const CODE_BYTES = 10;
const pool = Buffer.alloc(CODE_BYTES * 64);
let poolOffset = pool.length;

function nextCodeBytes(): Buffer {
  if (poolOffset === pool.length) {
    randomFillSync(pool);
    poolOffset = 0;
  }
  const bytes = pool.subarray(poolOffset, poolOffset + CODE_BYTES);
  poolOffset += CODE_BYTES;
  return bytes;
}

export function newTrackingCode(): string {
  const bytes = nextCodeBytes();
  let code = 'WP';
  // 80 bits read 5 at a time, most significant first: each group of 5 bytes is 8 symbols.
  for (let half = 0; half < 2; half++) {
    let high = bytes[half * 5]!; // 8 bits
    let low =
      (bytes[half * 5 + 1]! << 24) | (bytes[half * 5 + 2]! << 16) | (bytes[half * 5 + 3]! << 8) | bytes[half * 5 + 4]!; // 32 bits
    low >>>= 0;
    const symbols: string[] = [];
    for (let i = 0; i < 8; i++) {
      symbols.unshift(alphabet[low & 31]!);
      low = ((low >>> 5) | ((high & 31) << 27)) >>> 0;
      high >>>= 5;
    }
    code += `-${symbols.slice(0, groupLength).join('')}-${symbols.slice(groupLength).join('')}`;
  }
  return code;
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
