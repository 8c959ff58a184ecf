-- Reports taken over from Signalen (`wijkpost import signalen`): their own source, so lists, exports and routing
-- rules can tell them apart from reports filed in Wijkpost, and a record of which external report each one is, so
-- importing the same file again adds nothing. The source CHECK is replaced whole (forward only: 0001 stays as it was).
ALTER TABLE reports DROP CONSTRAINT reports_source_check;
ALTER TABLE reports ADD CONSTRAINT reports_source_check
  CHECK (source IN ('web', 'phone', 'street', 'partner', 'email', 'open311', 'signalen'));

-- One row per imported report: (municipality, system, the id the other system gave it). The primary key is what
-- makes a re-import idempotent: the import claims the key and writes the report in the same statement, so two
-- imports of one file at once still write each report once. A report is imported at most once.
CREATE TABLE report_external_refs (
  municipality_code text NOT NULL REFERENCES municipalities(code),
  system            text NOT NULL CHECK (system ~ '^[a-z0-9-]+$'),          -- e.g. signalen
  external_id       text NOT NULL CHECK (char_length(external_id) BETWEEN 1 AND 200),
  report_id         uuid NOT NULL UNIQUE REFERENCES reports(id),
  imported_at       timestamptz NOT NULL,
  PRIMARY KEY (municipality_code, system, external_id)
);
