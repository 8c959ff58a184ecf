-- Field work of officers: what they see (observations), whom they talk to (contacts) and
-- when they walk their district (presence rounds). Observations feed the analyst's
-- under-reporting estimate, so category, place, time, officer and district are kept
-- clean (NOT NULL) and indexed the ways that estimate and the lists query them.
CREATE TABLE observations (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code  text NOT NULL REFERENCES municipalities(code),
  officer_id         uuid NOT NULL REFERENCES users(id),
  category_id        uuid NOT NULL REFERENCES categories(id),
  location           geometry(Point, 28992) NOT NULL,
  district_code      text NOT NULL REFERENCES districts(code),
  neighbourhood_code text REFERENCES neighbourhoods(code),
  observed_at        timestamptz NOT NULL,
  note               text CHECK (note IS NULL OR char_length(note) <= 500),
  created_at         timestamptz NOT NULL
);
CREATE INDEX observations_location_idx ON observations USING gist (location);
CREATE INDEX observations_municipality_time_idx ON observations (municipality_code, observed_at DESC, id DESC);
CREATE INDEX observations_district_time_idx ON observations (district_code, observed_at);
CREATE INDEX observations_category_time_idx ON observations (category_id, observed_at);
CREATE INDEX observations_officer_time_idx ON observations (officer_id, observed_at);

-- A talk in the district. The topic is a short description without personal data.
CREATE TABLE contacts (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  officer_id        uuid NOT NULL REFERENCES users(id),
  counterpart       text NOT NULL CHECK (counterpart IN ('resident', 'shopkeeper', 'school', 'district_council', 'partner', 'organisation', 'other')),
  topic             text NOT NULL CHECK (char_length(topic) BETWEEN 1 AND 200),
  district_code     text NOT NULL REFERENCES districts(code),
  occurred_at       timestamptz NOT NULL,
  partner_team_id   uuid REFERENCES teams(id),
  created_at        timestamptz NOT NULL
);
CREATE INDEX contacts_municipality_time_idx ON contacts (municipality_code, occurred_at DESC, id DESC);
CREATE INDEX contacts_district_time_idx ON contacts (district_code, occurred_at);
CREATE INDEX contacts_officer_time_idx ON contacts (officer_id, occurred_at);

-- A district round. ended_reason tells a round stopped by the officer from one closed
-- because the officer started the next one.
CREATE TABLE presence_rounds (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  officer_id        uuid NOT NULL REFERENCES users(id),
  district_code     text NOT NULL REFERENCES districts(code),
  started_at        timestamptz NOT NULL,
  ended_at          timestamptz,
  ended_reason      text CHECK (ended_reason IN ('stopped', 'next_round_started')),
  CHECK (ended_at IS NULL OR ended_at >= started_at),
  CHECK ((ended_at IS NULL) = (ended_reason IS NULL))
);
-- At most one open round per officer, enforced by the database too.
CREATE UNIQUE INDEX presence_rounds_open_idx ON presence_rounds (officer_id) WHERE ended_at IS NULL;
CREATE INDEX presence_rounds_municipality_time_idx ON presence_rounds (municipality_code, started_at);
CREATE INDEX presence_rounds_district_time_idx ON presence_rounds (district_code, started_at);
