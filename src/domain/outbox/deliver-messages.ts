import type { Db } from '../../db/db.ts';
import type { Clock } from '../../shared/clock.ts';
import { CLAIM_LEASE_SECONDS, nextAttemptAfterFailure } from './backoff.ts';
import { claimDueMessages, findWebhookSecret, markAttemptFailed, markSent, type ClaimedRow } from './repository.ts';
import type { EmailTemplate, OutboxChannel, TemplatePayloads } from './schemas.ts';
import { renderEmail } from './templates.ts';

/** An e-mail as the mail adapter sends it. Resolves only once the SMTP server accepted it; throws otherwise. */
export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
  /** Fixed per outbox message, so a repeat after a crash folds into the first in mail clients. */
  messageId: string;
  /** RFC 8058: List-Unsubscribe with List-Unsubscribe-Post. */
  unsubscribeUrl: string | null;
}
export interface MailSender {
  send(mail: OutgoingMail): Promise<void>;
}
/** POSTs the body signed with the secret; resolves on a 2xx answer, throws otherwise. */
export interface WebhookSender {
  post(request: { url: string; body: string; secret: string; deliveryId: string }): Promise<void>;
}

export interface DeliveryDeps {
  db: Db;
  clock: Clock;
  /** Null when SMTP_URL is unset: e-mails then wait in the outbox, unclaimed. */
  mail: MailSender | null;
  webhook: WebhookSender;
  retryBaseSeconds: number;
  publicBaseUrl: string;
  linkSecret: string;
  /** Right-hand side of the Message-IDs (the sender's domain). */
  messageIdDomain: string;
}

export interface DeliveryCounts {
  sent: number;
  retried: number;
  failed: number;
}

/** The transport's message, without addresses (an SMTP server may repeat the recipient in its answer). */
function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/[^\s<>@]+@[^\s<>@]+/g, '<address>').slice(0, 300);
}

export const messageIdFor = (outboxId: string, domain: string) => `<outbox-${outboxId}@${domain}>`;

async function sendOne(deps: DeliveryDeps, row: ClaimedRow): Promise<string | null> {
  if (row.channel === 'webhook') {
    const payload = row.payload as { partnerId: string; body: Record<string, unknown> };
    const secret = await findWebhookSecret(deps.db, payload.partnerId);
    if (!secret) throw new Error('the partner has no webhook secret');
    await deps.webhook.post({ url: row.recipient, body: JSON.stringify(payload.body), secret, deliveryId: row.id });
    return null;
  }
  if (!deps.mail) throw new Error('mail is off (no SMTP_URL)');
  const payload = row.payload as TemplatePayloads[EmailTemplate];
  const rendered = renderEmail(row.template as EmailTemplate, payload, {
    publicBaseUrl: deps.publicBaseUrl,
    linkSecret: deps.linkSecret,
    timeZone: row.time_zone,
    reportId: row.report_id,
    createdAt: row.created_at,
  });
  const messageId = messageIdFor(row.id, deps.messageIdDomain);
  await deps.mail.send({ to: row.recipient, language: payload.language, messageId, ...rendered });
  return messageId;
}

/**
 * One round of the outbox worker: claims due messages (a short statement each batch, no transaction held while
 * sending), sends each, and marks it sent only after the transport accepted it; otherwise schedules the next
 * attempt with backoff, or gives up after three days. Several workers may run at once (SKIP LOCKED).
 */
export async function deliverDueMessages(
  deps: DeliveryDeps,
  options: { batchSize?: number; maxBatches?: number } = {},
): Promise<DeliveryCounts> {
  const counts: DeliveryCounts = { sent: 0, retried: 0, failed: 0 };
  const channels: OutboxChannel[] = deps.mail ? ['email', 'webhook'] : ['webhook'];
  const batchSize = options.batchSize ?? 20;
  for (let batch = 0; batch < (options.maxBatches ?? 50); batch++) {
    const now = deps.clock.now();
    const leaseUntil = new Date(now.getTime() + CLAIM_LEASE_SECONDS * 1000);
    const claimed = await claimDueMessages(deps.db, { now, leaseUntil, limit: batchSize, channels });
    for (const row of claimed) {
      try {
        const messageId = await sendOne(deps, row);
        await markSent(deps.db, { id: row.id, attempts: row.attempts, at: deps.clock.now(), messageId });
        counts.sent++;
      } catch (error) {
        const at = deps.clock.now();
        const next = nextAttemptAfterFailure(
          { createdAt: row.created_at, attempts: row.attempts, now: at },
          deps.retryBaseSeconds,
        );
        await markAttemptFailed(deps.db, {
          id: row.id,
          attempts: row.attempts,
          error: describeFailure(error),
          nextAttemptAt: next,
        });
        if (next) counts.retried++;
        else counts.failed++;
      }
    }
    if (claimed.length < batchSize) break;
  }
  return counts;
}
