import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { DomainError } from './errors.ts';

/** What a reporter link lets its holder do, without a login: give feedback on a resolution, or answer a question. */
export const reporterLinkPurposes = ['feedback', 'answer'] as const;
export type ReporterLinkPurpose = (typeof reporterLinkPurposes)[number];

export interface ReporterLink {
  reportId: string;
  purpose: ReporterLinkPurpose;
  expiresAt: Date;
}

/** How long a link made when the e-mail is sent stays usable (the mail side picks `expiresAt`; this is the default). */
export const reporterLinkLifetimeDays: Readonly<Record<ReporterLinkPurpose, number>> = { feedback: 60, answer: 30 };

// Layout: version, purpose, the report's uuid, expiry in whole seconds (uint32, until 2106), then HMAC-SHA256 over
// those 22 bytes. 54 bytes are exactly 72 base64url characters, so every token has one spelling (no padding bits)
// and its sha256 names it for "one feedback per link".
const VERSION = 1;
const PAYLOAD_BYTES = 22;
const MAC_BYTES = 32;
const purposeCodes: Readonly<Record<ReporterLinkPurpose, number>> = { feedback: 1, answer: 2 };
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const reporterLinkTokenPattern = /^[A-Za-z0-9_-]{72}$/;

function mac(payload: Buffer, secret: string): Buffer {
  return createHmac('sha256', secret).update(payload).digest();
}

export function createReporterLinkToken(link: ReporterLink, secret: string): string {
  if (!uuidPattern.test(link.reportId)) throw new Error('A reporter link names a report by its uuid');
  const seconds = Math.floor(link.expiresAt.getTime() / 1000);
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 0xffffffff) throw new Error('Expiry out of range');
  const payload = Buffer.alloc(PAYLOAD_BYTES);
  payload[0] = VERSION;
  payload[1] = purposeCodes[link.purpose];
  Buffer.from(link.reportId.replace(/-/g, ''), 'hex').copy(payload, 2);
  payload.writeUInt32BE(seconds, 18);
  return Buffer.concat([payload, mac(payload, secret)]).toString('base64url');
}

const invalid = () => new DomainError('not_found', 'This link is not valid. Use the link from the latest e-mail.');

/**
 * The link a token names, when its signature holds, it was made for `purpose` and it has not expired. A forged,
 * altered or foreign token and one of the other purpose are "not found" (nothing is said about why); an expired
 * one is "gone", so the page can say to ask for a new one.
 */
export function verifyReporterLinkToken(
  token: string,
  expected: { purpose: ReporterLinkPurpose; now: Date },
  secret: string,
): ReporterLink {
  if (!reporterLinkTokenPattern.test(token)) throw invalid();
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== PAYLOAD_BYTES + MAC_BYTES) throw invalid();
  const payload = bytes.subarray(0, PAYLOAD_BYTES);
  if (!timingSafeEqual(bytes.subarray(PAYLOAD_BYTES), mac(payload, secret))) throw invalid();
  if (payload[0] !== VERSION || payload[1] !== purposeCodes[expected.purpose]) throw invalid();
  const hex = payload.subarray(2, 18).toString('hex');
  const reportId = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  const expiresAt = new Date(payload.readUInt32BE(18) * 1000);
  if (expiresAt <= expected.now) {
    throw new DomainError('gone', 'This link has expired. Look up your report with its tracking code instead.');
  }
  return { reportId, purpose: expected.purpose, expiresAt };
}

/** The name a token is stored under: its sha256, so the table holds no usable link. */
export function reporterLinkTokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
