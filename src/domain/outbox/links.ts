/**
 * Signed links in messages: they act without a sign-in, so each carries an HMAC-SHA256 of its purpose and subject
 * with LINK_SIGNING_SECRET. Nothing is stored: a token is checked by signing again. The purpose is part of the
 * signed text, so a feedback token never works as an unsubscribe token.
 *
 * The feedback page (another area) verifies with `verifyFeedbackToken`; the link is
 * `${PUBLIC_BASE_URL}/feedback/<token>` (`feedbackUrl`).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

type Purpose = 'feedback' | 'unsubscribe';
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

/** The resident's feedback on a resolved report: `<reportId>.<signature>`. */
export const feedbackToken = (reportId: string, secret: string): string => sign(secret, 'feedback', reportId);
/** The report id the token was made for, or null when it was not made with this secret. */
export const verifyFeedbackToken = (token: string, secret: string): string | null => verify(secret, 'feedback', token);
export const feedbackUrl = (publicBaseUrl: string, reportId: string, secret: string): string =>
  `${publicBaseUrl.replace(/\/$/, '')}/feedback/${feedbackToken(reportId, secret)}`;

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
