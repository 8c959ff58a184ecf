/**
 * The outbox's webhook sender: POSTs the JSON body with `X-Wijkpost-Signature: sha256=<hex HMAC-SHA256 of the raw
 * body with the partner's secret>`. A 2xx answer is success; anything else (redirects too), or no answer in time,
 * throws, and the outbox tries again.
 */
import { createHmac } from 'node:crypto';
import type { WebhookSender } from '../domain/outbox/index.ts';

/**
 * The signature a receiver recomputes: HMAC-SHA256 of the raw body with the partner's secret, hex. The timestamp
 * travels beside it (X-Wijkpost-Timestamp) so a receiver may refuse old deliveries.
 */
export function signWebhook(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

export function httpWebhookSender(options: { timeoutMs?: number; now?: () => Date } = {}): WebhookSender {
  const now = options.now ?? (() => new Date());
  return {
    async post({ url, body, secret, deliveryId }) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'Wijkpost-Webhook/1',
          'X-Wijkpost-Signature': signWebhook(body, secret),
          'X-Wijkpost-Timestamp': String(Math.floor(now().getTime() / 1000)),
          'X-Wijkpost-Delivery': deliveryId,
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      await response.body?.cancel();
      if (response.status < 200 || response.status > 299) throw new Error(`the webhook answered ${response.status}`);
    },
  };
}
