-- Sessions end when idle as well as at expires_at: a cookie session is valid while last_seen_at is recent.
-- Rows from before this migration count from created_at.
ALTER TABLE sessions ADD COLUMN last_seen_at timestamptz;

-- Failed sign-ins, so throttling works across processes. Neither the e-mail address nor the IP address is
-- kept: only their sha256, which is all that counting needs. Rows older than the window are purged on insert.
CREATE TABLE sign_in_failures (
  id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  account_hash text NOT NULL,
  address_hash text NOT NULL,
  failed_at    timestamptz NOT NULL
);
CREATE INDEX sign_in_failures_account_idx ON sign_in_failures (account_hash, failed_at);
CREATE INDEX sign_in_failures_address_idx ON sign_in_failures (address_hash, failed_at);
CREATE INDEX sign_in_failures_failed_at_idx ON sign_in_failures (failed_at);
