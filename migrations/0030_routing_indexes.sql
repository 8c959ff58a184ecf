-- Routing runs on every report intake: keep its snapshot queries on indexes.
-- Open reports per officer (counted for the fewest-open-reports pick).
CREATE INDEX IF NOT EXISTS reports_open_by_assignee_idx ON reports (assignee_id)
  WHERE assignee_kind = 'officer' AND status NOT IN ('resolved', 'cancelled');
-- Districts an officer owns now (their boroughs).
CREATE INDEX IF NOT EXISTS district_assignments_current_owner_idx ON district_assignments (owner_id) WHERE valid_to IS NULL;
-- Active officers of a municipality.
CREATE INDEX IF NOT EXISTS users_municipality_idx ON users (municipality_code);
