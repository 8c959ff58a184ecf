-- Photos of reports and observations. Stored in the database (not on disk) so backups,
-- retention and access control cover them with the record they belong to. Metadata
-- (EXIF, PNG text) is stripped before storing: GPS and camera data are personal data.
CREATE TABLE photos (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  report_id         uuid REFERENCES reports(id),
  observation_id    uuid REFERENCES observations(id),
  content_type      text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  byte_size         integer NOT NULL CHECK (byte_size > 0),
  sha256            text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  width             integer CHECK (width > 0),
  height            integer CHECK (height > 0),
  data              bytea NOT NULL,
  uploaded_by       uuid REFERENCES users(id),          -- null: uploaded by the public reporter
  created_at        timestamptz NOT NULL,
  CHECK ((report_id IS NULL) <> (observation_id IS NULL))
);
CREATE INDEX photos_report_idx ON photos (report_id, created_at) WHERE report_id IS NOT NULL;
CREATE INDEX photos_observation_idx ON photos (observation_id, created_at) WHERE observation_id IS NOT NULL;
