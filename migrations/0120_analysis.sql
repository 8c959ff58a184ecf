-- Analysis (issue 7): the yearly survey per district, each officer's weekly patrol plan and its visits,
-- and the per-officer calendar token that lets calendar apps (which send no cookie) read the plan.

CREATE TABLE survey_results (
  municipality_code text NOT NULL REFERENCES municipalities(code),
  district_code     text NOT NULL REFERENCES districts(code),
  year              integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  question          text NOT NULL CHECK (char_length(question) BETWEEN 1 AND 200),
  share             numeric(6, 5) NOT NULL CHECK (share >= 0 AND share <= 1),
  respondents       integer CHECK (respondents IS NULL OR respondents >= 0),
  imported_at       timestamptz NOT NULL,
  imported_by       uuid REFERENCES users(id),
  PRIMARY KEY (district_code, year, question)
);
CREATE INDEX survey_results_municipality_idx ON survey_results (municipality_code, year);

CREATE TABLE patrol_plans (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  officer_id        uuid NOT NULL REFERENCES users(id),
  week_start        date NOT NULL CHECK (EXTRACT(ISODOW FROM week_start) = 1),
  method            text NOT NULL,
  generated_at      timestamptz NOT NULL,
  generated_by      uuid REFERENCES users(id),
  UNIQUE (officer_id, week_start)
);
CREATE INDEX patrol_plans_municipality_week_idx ON patrol_plans (municipality_code, week_start);

CREATE TABLE patrol_visits (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  plan_id           uuid NOT NULL REFERENCES patrol_plans(id) ON DELETE CASCADE,
  district_code     text NOT NULL REFERENCES districts(code),
  cell_size         integer NOT NULL CHECK (cell_size > 0),
  cell_col          integer NOT NULL,            -- floor(RD x / cell_size)
  cell_row          integer NOT NULL,            -- floor(RD y / cell_size)
  starts_at         timestamptz NOT NULL,
  ends_at           timestamptz NOT NULL CHECK (ends_at > starts_at),
  score             double precision NOT NULL,
  reason_nl         text NOT NULL,
  reason_en         text NOT NULL
);
CREATE INDEX patrol_visits_plan_idx ON patrol_visits (plan_id, starts_at);

CREATE TABLE calendar_tokens (
  officer_id        uuid PRIMARY KEY REFERENCES users(id),
  token_hash        text NOT NULL UNIQUE,          -- sha256 of the secret; the secret is shown once
  created_at        timestamptz NOT NULL
);

-- The analysis cache's data version reads count(*) and max(created_at) per municipality; observations had
-- no index that starts with the municipality and the creation time.
CREATE INDEX observations_municipality_created_idx ON observations (municipality_code, created_at);
