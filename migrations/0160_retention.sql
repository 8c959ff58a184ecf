-- Retention of personal data (issue 10): how long each municipality keeps reporter contact and photos after a
-- report is closed, and a record of every background job run (src/jobs/) for operators and metrics.
ALTER TABLE municipalities
  ADD COLUMN reporter_retention_days integer NOT NULL DEFAULT 365 CHECK (reporter_retention_days BETWEEN 1 AND 3650),
  ADD COLUMN photo_retention_days integer NOT NULL DEFAULT 90 CHECK (photo_retention_days BETWEEN 1 AND 3650);

-- The retention jobs look for closed reports by closure time.
CREATE INDEX reports_closed_at_idx ON reports (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX sessions_expires_idx ON sessions (expires_at);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);

-- One row per job run: counts only, never the data a job touched.
CREATE TABLE job_runs (
  id           bigserial PRIMARY KEY,
  name         text NOT NULL,
  started_at   timestamptz NOT NULL,
  finished_at  timestamptz,
  counts       jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(counts) = 'object'),
  error        text
);
CREATE INDEX job_runs_name_idx ON job_runs (name, started_at DESC);
