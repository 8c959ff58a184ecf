-- The resident's side (issue 11, item 3): feedback through a signed link after resolution, and how long after
-- resolution a "not solved" still reopens the report (per municipality; later feedback is stored, not acted on).
ALTER TABLE municipalities
  ADD COLUMN feedback_reopen_days integer NOT NULL DEFAULT 14 CHECK (feedback_reopen_days BETWEEN 0 AND 365);

-- One answer per link: the link is named by the sha256 of its token (the token itself is a capability and is
-- not kept). A report resolved again gets a new link, so it may get feedback again.
CREATE TABLE report_feedback (
  id            bigserial PRIMARY KEY,
  report_id     uuid NOT NULL REFERENCES reports(id),
  token_hash    text NOT NULL CHECK (token_hash ~ '^[0-9a-f]{64}$'),
  solved        boolean NOT NULL,
  satisfaction  smallint NOT NULL CHECK (satisfaction BETWEEN 1 AND 5),
  text          text CHECK (char_length(text) <= 1000),
  reopened      boolean NOT NULL,
  resolved_at   timestamptz NOT NULL,
  created_at    timestamptz NOT NULL,
  UNIQUE (report_id, token_hash)
);
CREATE INDEX report_feedback_created_idx ON report_feedback (created_at);
