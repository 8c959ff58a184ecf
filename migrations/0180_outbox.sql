-- The outbox (src/domain/outbox): every outgoing e-mail and webhook is written in the transaction of the event
-- that causes it and delivered afterwards by a worker (src/jobs/outbox-worker.ts). `payload` holds the event's
-- data for the template or the webhook's JSON body: never a secret (links are signed and webhooks are signed
-- when sent). `last_error` is the transport's answer without addresses or row values.
CREATE TABLE outbox_messages (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  report_id         uuid REFERENCES reports(id),
  event_key         text NOT NULL,
  channel           text NOT NULL CHECK (channel IN ('email', 'webhook')),
  recipient         text NOT NULL,
  template          text NOT NULL,
  payload           jsonb NOT NULL,
  status            text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
  attempts          int NOT NULL DEFAULT 0,
  next_attempt_at   timestamptz NOT NULL,
  last_error        text,
  created_at        timestamptz NOT NULL,
  sent_at           timestamptz,
  message_id        text,
  -- One message per event and recipient: an event enqueued twice (a retried transaction) sends once.
  UNIQUE (event_key, channel, recipient)
);
-- The worker's claim reads due pending messages in order; sent and failed ones are out of this index.
CREATE INDEX outbox_messages_due_idx ON outbox_messages (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_messages_report_idx ON outbox_messages (report_id, created_at);
CREATE INDEX outbox_messages_failed_idx ON outbox_messages (municipality_code, created_at DESC, id) WHERE status = 'failed';

-- The reporter's language for the messages about their report (the intake form's language).
ALTER TABLE reports ADD COLUMN reporter_language text NOT NULL DEFAULT 'nl' CHECK (reporter_language IN ('nl', 'en'));

-- How a partner organisation hears of a forward: in its Wijkpost workspace only, by e-mail, or by a signed
-- webhook. The webhook secret is write-only: no API returns it.
ALTER TABLE teams
  ADD COLUMN delivery_channel text NOT NULL DEFAULT 'workspace' CHECK (delivery_channel IN ('workspace', 'email', 'webhook')),
  ADD COLUMN delivery_email text CHECK (char_length(delivery_email) BETWEEN 3 AND 254),
  ADD COLUMN webhook_url text CHECK (webhook_url ~ '^https?://'),
  ADD COLUMN webhook_secret text CHECK (char_length(webhook_secret) >= 16),
  ADD CONSTRAINT teams_delivery_channel_complete CHECK (
    (delivery_channel <> 'email' OR delivery_email IS NOT NULL)
    AND (delivery_channel <> 'webhook' OR (webhook_url IS NOT NULL AND webhook_secret IS NOT NULL)));
