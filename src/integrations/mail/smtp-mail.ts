/**
 * The outbox's mail sender over SMTP (nodemailer). `send` resolves only when the server accepted the message for
 * its recipient (250 after DATA); a refusal, a timeout or a lost connection throws, and the outbox tries again.
 */
import nodemailer from 'nodemailer';
import type { MailSender, OutgoingMail } from '../../domain/outbox/index.ts';

export interface SmtpMailOptions {
  smtpUrl: string;
  from: string;
  /** Per connection step; the outbox's claim lease (5 minutes) is far longer than these together. */
  timeoutMs?: number;
}

export function smtpMailSender(options: SmtpMailOptions): MailSender & { close(): void } {
  const timeout = options.timeoutMs ?? 30_000;
  const url = new URL(options.smtpUrl);
  const transport = nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    ...(url.username
      ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
      : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(mail: OutgoingMail) {
      const info = await transport.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        messageId: mail.messageId,
        headers: {
          'Content-Language': mail.language,
          'Auto-Submitted': 'auto-generated',
          ...(mail.unsubscribeUrl
            ? { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
            : {}),
        },
      });
      assertAccepted(info, mail.to);
    },
    close: () => transport.close(),
  };
}

function assertAccepted(info: { accepted?: unknown[]; rejected?: unknown[] }, to: string): void {
  const accepted = (info.accepted ?? []).map((a) =>
    String(typeof a === 'object' && a && 'address' in a ? a.address : a),
  );
  if (!accepted.some((a) => a.toLowerCase() === to.toLowerCase()))
    throw new Error('the SMTP server did not accept the recipient');
}

/** The domain of MAIL_FROM, the right-hand side of our Message-IDs. */
export function mailDomain(from: string): string {
  const match = /@([^\s>]+)/.exec(from);
  return match?.[1] ?? 'wijkpost.invalid';
}
