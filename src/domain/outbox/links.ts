/**
 * Signed links in messages: they act without a sign-in, so each carries an HMAC-SHA256 of its purpose and subject
 * with LINK_SIGNING_SECRET. Nothing is stored: a token is checked by signing again. The purpose is part of the
 * signed text, so a feedback token never works as an unsubscribe token.
 *
 * The reporter's feedback and answer links carry the token of `src/shared/reporter-links.ts`, which the feedback
 * area verifies: `${PUBLIC_BASE_URL}/feedback/<token>` and `/antwoord/<token>` (`reporterLinkUrl`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import {
  createReporterLinkToken,
  reporterLinkLifetimeDays,
  type ReporterLinkPurpose,
} from '../../shared/reporter-links.ts';

type Purpose = 'unsubscribe';
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function mac(secret: string, purpose: Purpose, subject: string): Buffer {
  return createHmac('sha256', secret).update(`wijkpost ${purpose}:${subject}`).digest();
}

function sign(secret: string, purpose: Purpose, subject: string): string {
  return `${subject}.${mac(secret, purpose, subject).toString('base64url')}`;
}

function verify(secret: string, purpose: Purpose, token: string): string | null {
  const [subject, signature, ...rest] = token.split('.');
  if (!subject || !signature || rest.length || !uuid.test(subject)) return null;
  const expected = mac(secret, purpose, subject);
  const given = Buffer.from(signature, 'base64url');
  return given.length === expected.length && timingSafeEqual(given, expected) ? subject : null;
}

const reporterLinkPaths: Readonly<Record<ReporterLinkPurpose, string>> = { feedback: 'feedback', answer: 'antwoord' };

/**
 * The reporter's link to give feedback on a resolution or answer a question. It expires its purpose's lifetime after
 * `issuedAt` (the message's creation), so a message sent again after a crash carries the same link.
 */
export function reporterLinkUrl(
  publicBaseUrl: string,
  link: { purpose: ReporterLinkPurpose; reportId: string; issuedAt: Date },
  secret: string,
): string {
  const expiresAt = new Date(link.issuedAt.getTime() + reporterLinkLifetimeDays[link.purpose] * 86_400_000);
  const token = createReporterLinkToken({ reportId: link.reportId, purpose: link.purpose, expiresAt }, secret);
  return `${publicBaseUrl.replace(/\/$/, '')}/${reporterLinkPaths[link.purpose]}/${token}`;
}

/** One follower's one-click unsubscribe: `<followerId>.<signature>`. */
export const unsubscribeToken = (followerId: string, secret: string): string => sign(secret, 'unsubscribe', followerId);
export const verifyUnsubscribeToken = (token: string, secret: string): string | null =>
  verify(secret, 'unsubscribe', token);
/** The e-mail's List-Unsubscribe target: mail clients POST it (RFC 8058). */
export const unsubscribeUrl = (publicBaseUrl: string, followerId: string, secret: string): string =>
  `${publicBaseUrl.replace(/\/$/, '')}/api/v1/public/report-followers/unsubscribe?token=${unsubscribeToken(followerId, secret)}`;
/** The link in the e-mail's text: a page whose button unsubscribes (a GET alone never does). */
export const unsubscribePageUrl = (publicBaseUrl: string, followerId: string, secret: string): string =>
  `${publicBaseUrl.replace(/\/$/, '')}/afmelden?token=${unsubscribeToken(followerId, secret)}`;
