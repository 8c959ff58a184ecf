-- Administration of people (issue 9). A password an administrator set or reset is shown once and must be
-- changed at the next sign-in; the flag says so.
ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false;

-- An officer's public portrait for the "Uw wijkhandhaver" page. Kept apart from report photos: it is public,
-- belongs to a person rather than a report, and only the current one is kept (replacing deletes the old row).
-- Stored in the database like report photos, so backups and erasure cover it with the officer.
CREATE TABLE officer_photos (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  officer_id        uuid NOT NULL UNIQUE REFERENCES users(id),
  content_type      text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png')),
  byte_size         integer NOT NULL CHECK (byte_size > 0),
  sha256            text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  width             integer NOT NULL CHECK (width > 0),
  height            integer NOT NULL CHECK (height > 0),
  data              bytea NOT NULL,
  uploaded_by       uuid REFERENCES users(id),
  created_at        timestamptz NOT NULL
);
