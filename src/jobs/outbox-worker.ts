/**
 * The outbox worker: delivers due messages (src/domain/outbox) every few seconds inside `serve`, and on demand as
 * the `outbox` job (`wijkpost jobs run outbox`). It wires the transports: SMTP when SMTP_URL is set (otherwise
 * e-mails wait, unclaimed) and webhooks over HTTP. Claims use SKIP LOCKED, so every process may run it at once;
 * it does not take the job lock and writes no job_runs row per round (one every few seconds would be noise).
 */
import type { Config } from '../config.ts';
import type { Db } from '../db/db.ts';
import type { Clock } from '../shared/clock.ts';
import { deliverDueMessages, type DeliveryCounts, type DeliveryDeps, type MailSender } from '../domain/outbox/index.ts';
import { mailDomain, smtpMailSender } from '../integrations/mail/smtp-mail.ts';
import { httpWebhookSender } from '../integrations/webhook.ts';

export type OutboxConfig = Pick<
  Config,
  'SMTP_URL' | 'MAIL_FROM' | 'LINK_SIGNING_SECRET' | 'OUTBOX_RETRY_BASE_SECONDS' | 'PUBLIC_BASE_URL' | 'HOST' | 'PORT'
>;

export function outboxDeliveryDeps(
  base: { db: Db; clock: Clock },
  config: OutboxConfig,
  transports: { mail?: MailSender | null } = {},
): DeliveryDeps & { close(): void } {
  const smtp =
    transports.mail === undefined && config.SMTP_URL
      ? smtpMailSender({ smtpUrl: config.SMTP_URL, from: config.MAIL_FROM })
      : null;
  return {
    ...base,
    mail: transports.mail === undefined ? smtp : transports.mail,
    webhook: httpWebhookSender({ now: () => base.clock.now() }),
    retryBaseSeconds: config.OUTBOX_RETRY_BASE_SECONDS,
    publicBaseUrl: config.PUBLIC_BASE_URL ?? `http://${config.HOST}:${config.PORT}`,
    linkSecret: config.LINK_SIGNING_SECRET,
    messageIdDomain: mailDomain(config.MAIL_FROM),
    close: () => smtp?.close(),
  };
}

export interface OutboxWorker {
  stop(): Promise<void>;
}

/** Runs a round every `everyMs`, one round at a time in this process; stop() waits for the round in progress. */
export function startOutboxWorker(
  deps: DeliveryDeps,
  options: {
    everyMs: number;
    logger: { error(fields: object, message: string): void; info(fields: object, message: string): void };
  },
): OutboxWorker {
  let running: Promise<void> | null = null;
  let stopped = false;
  const round = () => {
    if (stopped || running) return;
    running = deliverDueMessages(deps)
      .then((counts: DeliveryCounts) => {
        if (counts.sent || counts.retried || counts.failed) options.logger.info({ outbox: counts }, 'outbox delivered');
      })
      .catch((error: unknown) => {
        // The database itself failed (the transports' failures are recorded per message): try again next round.
        options.logger.error({ error: error instanceof Error ? error.message : String(error) }, 'outbox round failed');
      })
      .finally(() => {
        running = null;
      });
  };
  const timer = setInterval(round, options.everyMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
