/** The outbox as other areas and adapters see it. */
export { enqueueMessages, type OutboxEvent } from './enqueue-messages.ts';
export { enqueueReportChange, type ReportChange } from './report-messages.ts';
export {
  deliverDueMessages,
  messageIdFor,
  type DeliveryCounts,
  type DeliveryDeps,
  type MailSender,
  type OutgoingMail,
  type WebhookSender,
} from './deliver-messages.ts';
export { eraseOutboxRecipient } from './erase-recipient.ts';
export { purgeDeliveredMessages, OUTBOX_KEEP_DAYS } from './purge-delivered.ts';
export { listFailedDeliveries, listReportDeliveries, outboxBacklog, summariseOutbox } from './read-deliveries.ts';
export { retryDelaySeconds, nextAttemptAfterFailure, GIVE_UP_AFTER_MS, CLAIM_LEASE_SECONDS } from './backoff.ts';
export {
  reporterLinkUrl,
  unsubscribeToken,
  unsubscribePageUrl,
  unsubscribeUrl,
  verifyUnsubscribeToken,
} from './links.ts';
export { renderEmail, type RenderedEmail } from './templates.ts';
export * from './schemas.ts';
