-- "Is dit dezelfde melding?": residents see open reports nearby and may follow one instead of filing
-- a duplicate. Public lists name a report by public_id only: never by its tracking code (the key to its
-- status page and its photo upload) nor by the internal id that staff URLs and the history use.
ALTER TABLE reports ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
CREATE UNIQUE INDEX reports_public_id_idx ON reports (public_id);

-- A resident's e-mail address for updates on a report they follow. Stored with the report, never shown
-- publicly, never returned by any public endpoint; one row per report and address.
CREATE TABLE report_followers (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  report_id   uuid NOT NULL REFERENCES reports(id),
  email       text NOT NULL CHECK (char_length(email) BETWEEN 3 AND 254),
  language    text NOT NULL DEFAULT 'nl' CHECK (language IN ('nl', 'en')),
  created_at  timestamptz NOT NULL
);
CREATE UNIQUE INDEX report_followers_report_email_idx ON report_followers (report_id, lower(email));

-- The public map of a district and the nearby check read only open reports.
CREATE INDEX reports_open_district_idx ON reports (district_code, created_at DESC)
  WHERE status NOT IN ('resolved', 'cancelled');
