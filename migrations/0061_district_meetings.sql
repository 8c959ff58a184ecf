-- District council (wijkraad) meetings that officers enter; shown publicly per district.
CREATE TABLE district_meetings (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  district_code     text NOT NULL REFERENCES districts(code),
  starts_at         timestamptz NOT NULL,
  title             text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 200),
  location_text     text CHECK (location_text IS NULL OR char_length(location_text) <= 200),
  officer_id        uuid REFERENCES users(id),
  created_by        uuid NOT NULL REFERENCES users(id),
  created_at        timestamptz NOT NULL,
  updated_at        timestamptz NOT NULL
);
CREATE INDEX district_meetings_district_time_idx ON district_meetings (district_code, starts_at);
CREATE INDEX district_meetings_municipality_time_idx ON district_meetings (municipality_code, starts_at);
