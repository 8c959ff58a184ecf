import { createHash, randomBytes } from 'node:crypto';

/** Whom a request is about: an e-mail address, a phone number or both, each in its normalised form. */
export interface DataSubject {
  email: string | null;
  phone: string | null;
}

/** E-mail addresses compare without case and surrounding space (the intake and the follow form keep what was typed). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * A phone number as digits with its country code (`+31612345678`), however it was typed: `06-12345678`,
 * `06 1234 5678`, `(06) 12345678`, `+31 6 12345678`, `+31 (0)6 12345678`, `0031612345678`. A number starting with one
 * 0 is Dutch (trunk prefix 0 → +31); 00 is the international prefix. Other countries keep their code.
 */
export function normalisePhone(phone: string): string {
  const digits = phone
    .trim()
    .replace(/\(0\)/g, '')
    .replace(/[^0-9+]/g, '');
  const plain = digits.replace(/\+/g, '');
  if (digits.startsWith('+')) return `+${plain}`;
  if (plain.startsWith('00')) return `+${plain.slice(2)}`;
  if (plain.startsWith('0')) return `+31${plain.slice(1)}`;
  return plain;
}

/** The last nine digits: what every spelling of a Dutch number shares, so SQL can narrow before normalisePhone decides. */
export function phoneTail(normalised: string): string {
  return normalised.replace(/\D/g, '').slice(-9);
}

export interface SubjectHash {
  kind: 'email' | 'phone';
  salt: string;
  sha256: string;
}

/** Salted hashes of the normalised identifiers, for the audit row: proof later, no address in the log now. */
export function hashSubject(subject: DataSubject): SubjectHash[] {
  const hashes: SubjectHash[] = [];
  for (const kind of ['email', 'phone'] as const) {
    const value = subject[kind];
    if (value === null) continue;
    const salt = randomBytes(16).toString('hex');
    hashes.push({ kind, salt, sha256: createHash('sha256').update(`${salt}:${value}`).digest('hex') });
  }
  return hashes;
}
