-- Staff link a report as a duplicate of another: it is closed (cancelled) and points at the main report, whose
-- followers its reporter and followers then join. The link is kept, so the history of both can be followed.
ALTER TABLE reports ADD COLUMN duplicate_of uuid REFERENCES reports(id);
ALTER TABLE reports ADD CONSTRAINT reports_duplicate_of_other CHECK (duplicate_of <> id);
CREATE INDEX reports_duplicate_of_idx ON reports (duplicate_of) WHERE duplicate_of IS NOT NULL;
