-- Optimistic concurrency for report changes: every change bumps the version, which
-- clients send back in If-Match so a stale screen cannot overwrite a newer change.
ALTER TABLE reports ADD COLUMN version integer NOT NULL DEFAULT 1;
-- Re-routing on absence looks up an officer's open reports by deadline.
CREATE INDEX reports_open_assignee_deadline_idx ON reports (assignee_id, deadline)
  WHERE status NOT IN ('resolved', 'cancelled');
