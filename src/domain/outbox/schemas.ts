import { z } from 'zod';

export const outboxChannels = ['email', 'webhook'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];
export const outboxStatuses = ['pending', 'sent', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];
export type Language = 'nl' | 'en';

/** Status changes a reporter hears of (forwarded comes with the assignment). */
export const reporterStatusEvents = ['planned', 'waiting_for_reporter', 'forwarded', 'resolved', 'cancelled'] as const;
export type ReporterStatusEvent = (typeof reporterStatusEvents)[number];

/** What each template needs; stored as the message's payload. No secrets: links are signed when sent. */
export interface TemplatePayloads {
  confirmation: {
    language: Language;
    trackingCode: string;
    category: { nl: string; en: string };
    assigneeName: string;
    deadline: string;
  };
  status_update: {
    language: Language;
    trackingCode: string;
    status: ReporterStatusEvent;
    text: string | null;
    partnerName: string | null;
  };
  follower_update: {
    language: Language;
    followerId: string;
    category: { nl: string; en: string };
    status: ReporterStatusEvent;
    partnerName: string | null;
  };
  partner_forward: {
    language: Language;
    reportId: string;
    partnerName: string;
    category: { nl: string; en: string };
    description: string;
    addressText: string | null;
    deadline: string;
    text: string | null;
  };
}
export type EmailTemplate = keyof TemplatePayloads;
/** A webhook's payload is its JSON body as sent. */
export type WebhookEvent = 'report.forwarded';

export type NewOutboxMessage =
  | {
      [T in EmailTemplate]: {
        channel: 'email';
        recipient: string;
        template: T;
        payload: TemplatePayloads[T];
      };
    }[EmailTemplate]
  | {
      channel: 'webhook';
      recipient: string;
      template: WebhookEvent;
      /** The partner whose secret signs it (read when sent, never stored here). */
      payload: { partnerId: string; body: Record<string, unknown> };
    };

// ── API ─────────────────────────────────────────────────────────────────────────
const timestamp = z.string().describe('ISO 8601 timestamp with zone');

export const deliverySchema = z.object({
  id: z.uuid(),
  channel: z.enum(outboxChannels),
  template: z
    .string()
    .describe('What the message is: confirmation, status_update, follower_update, partner_forward, report.forwarded'),
  status: z.enum(outboxStatuses).describe('sent only after the SMTP server accepted it or the webhook answered 2xx'),
  attempts: z.number().int(),
  lastError: z.string().nullable().describe("The transport's last answer; never an address"),
  createdAt: timestamp,
  sentAt: timestamp.nullable(),
  recipient: z
    .string()
    .optional()
    .describe('E-mail address or URL; only for staff who may read the reporter contact of this report'),
});
export type Delivery = z.infer<typeof deliverySchema>;
export const deliveryListSchema = z.object({ items: z.array(deliverySchema) });
export type DeliveryList = z.infer<typeof deliveryListSchema>;

export const failedDeliverySchema = deliverySchema.extend({ reportId: z.uuid().nullable() });
export const failedDeliveryPageSchema = z.object({
  items: z.array(failedDeliverySchema),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page'),
});
export type FailedDeliveryPage = z.infer<typeof failedDeliveryPageSchema>;

export const outboxStatusSchema = z.object({
  mailEnabled: z.boolean().describe('False without SMTP_URL: e-mails wait in the outbox until mail is configured'),
  pending: z.number().int(),
  failed: z.number().int(),
  oldestPendingAt: timestamp.nullable(),
});
export type OutboxStatusSummary = z.infer<typeof outboxStatusSchema>;

export const partnerChannelSchema = z.object({
  channel: z.enum(['workspace', 'email', 'webhook']).describe('workspace: the partner sees forwards in Wijkpost only'),
  email: z.string().nullable(),
  webhookUrl: z.string().nullable(),
  webhookSecretSet: z.boolean().describe('The secret itself is never returned'),
});
export type PartnerChannel = z.infer<typeof partnerChannelSchema>;
export const partnerChannelBodySchema = z.object({
  channel: z.enum(['workspace', 'email', 'webhook']),
  email: z.email().max(254).optional().describe('For the e-mail channel'),
  webhookUrl: z
    .url({ protocol: /^https?$/ })
    .max(2000)
    .optional()
    .describe('For the webhook channel: POSTed JSON, signed in X-Wijkpost-Signature'),
  webhookSecret: z
    .string()
    .min(16)
    .max(200)
    .optional()
    .describe('Write-only: HMAC-SHA256 key of the signature; omit to keep the current one'),
});
export type PartnerChannelBody = z.infer<typeof partnerChannelBodySchema>;
export const partnerIdParamsSchema = z.object({ partnerId: z.uuid() });
