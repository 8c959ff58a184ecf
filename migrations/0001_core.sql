-- Wijkpost core schema: geography, people, categories, reports, routing.
-- Geometries are stored in RD New (EPSG:28992) for metric work; served as CRS84 by default.
CREATE EXTENSION IF NOT EXISTS postgis;

-- ── Geography ────────────────────────────────────────────────────────────────
CREATE TABLE municipalities (
  code        text PRIMARY KEY CHECK (code ~ '^GM[0-9]{4}$'),   -- CBS code, e.g. GM0392
  name        text NOT NULL,
  slug        text NOT NULL UNIQUE,                              -- e.g. haarlem
  jurisdiction_id text UNIQUE,                                   -- Open311, e.g. haarlem.nl
  timezone    text NOT NULL DEFAULT 'Europe/Amsterdam',
  created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE boroughs (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  code              text NOT NULL,                               -- slug, e.g. schalkwijk
  name              text NOT NULL,
  geom              geometry(MultiPolygon, 28992),
  UNIQUE (municipality_code, code)
);

CREATE TABLE districts (
  code              text PRIMARY KEY CHECK (code ~ '^WK[0-9]{6}$'), -- CBS wijkcode
  municipality_code text NOT NULL REFERENCES municipalities(code),
  borough_id        uuid REFERENCES boroughs(id),
  name              text NOT NULL,
  population        integer,
  geom              geometry(MultiPolygon, 28992) NOT NULL
);
CREATE INDEX districts_geom_idx ON districts USING gist (geom);
CREATE INDEX districts_municipality_idx ON districts (municipality_code);

CREATE TABLE neighbourhoods (
  code              text PRIMARY KEY CHECK (code ~ '^BU[0-9]{8}$'), -- CBS buurtcode
  municipality_code text NOT NULL REFERENCES municipalities(code),
  district_code     text NOT NULL REFERENCES districts(code),
  name              text NOT NULL,
  geom              geometry(MultiPolygon, 28992) NOT NULL
);
CREATE INDEX neighbourhoods_geom_idx ON neighbourhoods USING gist (geom);

-- ── People ───────────────────────────────────────────────────────────────────
-- Partner organisations (waste company, police) and internal teams (parking team)
-- can both receive reports; kind tells them apart.
CREATE TABLE teams (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  code              text NOT NULL,
  name              text NOT NULL,
  kind              text NOT NULL CHECK (kind IN ('team', 'partner')),
  UNIQUE (municipality_code, code)
);

CREATE TABLE users (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  email             text NOT NULL,
  name              text NOT NULL,
  roles             text[] NOT NULL CHECK (roles <@ ARRAY['officer','coordinator','team_manager','analyst','contact_centre','partner','administrator']::text[] AND cardinality(roles) > 0),
  password_hash     text,
  team_id           uuid REFERENCES teams(id),                  -- partner users belong to their organisation
  active            boolean NOT NULL DEFAULT true,
  created_at        timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_idx ON users (lower(email));

-- Officer profile and working time. Weekdays are ISO: 1 = Monday … 7 = Sunday.
CREATE TABLE officers (
  user_id           uuid PRIMARY KEY REFERENCES users(id),
  working_weekdays  smallint[] NOT NULL DEFAULT '{1,2,3,4,5}',
  district_weekdays smallint[] NOT NULL DEFAULT '{2,4}',
  work_start        time NOT NULL DEFAULT '08:00',
  work_end          time NOT NULL DEFAULT '17:00',
  introduction      text,
  photo_url         text,
  public_phone      text,
  CHECK (district_weekdays <@ working_weekdays)
);

CREATE TABLE sessions (
  token_hash  text PRIMARY KEY,                 -- sha256 of the secret; the secret itself is never stored
  user_id     uuid NOT NULL REFERENCES users(id),
  kind        text NOT NULL CHECK (kind IN ('cookie', 'bearer')),
  created_at  timestamptz NOT NULL,
  expires_at  timestamptz NOT NULL,
  revoked_at  timestamptz
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

-- Who owns a district, and who backs them up, over time. The open row (valid_to IS NULL) is current.
CREATE TABLE district_assignments (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  district_code    text NOT NULL REFERENCES districts(code),
  owner_id         uuid NOT NULL REFERENCES users(id),
  backup_id        uuid REFERENCES users(id),
  valid_from       timestamptz NOT NULL,
  valid_to         timestamptz,
  CHECK (valid_to IS NULL OR valid_to > valid_from),
  CHECK (backup_id IS NULL OR backup_id <> owner_id)
);
CREATE UNIQUE INDEX district_assignments_current_idx ON district_assignments (district_code) WHERE valid_to IS NULL;

CREATE TABLE absences (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  officer_id  uuid NOT NULL REFERENCES users(id),
  kind        text NOT NULL CHECK (kind IN ('sick', 'leave', 'training', 'other')),
  starts_at   timestamptz NOT NULL,
  ends_at     timestamptz NOT NULL,
  note        text,
  created_by  uuid REFERENCES users(id),
  created_at  timestamptz NOT NULL,
  cancelled_at timestamptz,
  CHECK (ends_at > starts_at)
);
CREATE INDEX absences_officer_idx ON absences (officer_id, starts_at);

-- A coordinator runs a group of boroughs; the group's queue is the last stop of the backup chain.
CREATE TABLE coordinator_groups (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  name              text NOT NULL,
  coordinator_id    uuid REFERENCES users(id),
  UNIQUE (municipality_code, name)
);
CREATE TABLE coordinator_group_boroughs (
  group_id   uuid NOT NULL REFERENCES coordinator_groups(id),
  borough_id uuid NOT NULL UNIQUE REFERENCES boroughs(id),
  PRIMARY KEY (group_id, borough_id)
);

-- ── Categories ───────────────────────────────────────────────────────────────
CREATE TABLE categories (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  parent_id         uuid REFERENCES categories(id),
  code              text NOT NULL CHECK (code ~ '^[a-z0-9-]+$'),
  name_nl           text NOT NULL,
  name_en           text NOT NULL,
  deadline_amount   integer CHECK (deadline_amount > 0),
  deadline_unit     text CHECK (deadline_unit IN ('workdays', 'days')),
  urgent            boolean NOT NULL DEFAULT false,
  public            boolean NOT NULL DEFAULT true,            -- shown on public maps
  active            boolean NOT NULL DEFAULT true,
  sort_order        integer NOT NULL DEFAULT 0,
  UNIQUE (municipality_code, code),
  -- main categories carry no deadline; subcategories must
  CHECK ((parent_id IS NULL AND deadline_amount IS NULL AND deadline_unit IS NULL)
      OR (parent_id IS NOT NULL AND deadline_amount IS NOT NULL AND deadline_unit IS NOT NULL))
);

-- ── Routing rules: data, not code. First match (lowest position) wins. ─────────
CREATE TABLE routing_rules (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  position          integer NOT NULL,
  name              text NOT NULL,
  active            boolean NOT NULL DEFAULT true,
  conditions        jsonb NOT NULL DEFAULT '{}',     -- {categoryCodes, districtCodes, boroughCodes, sources, weekdays, timeFrom, timeTo}
  target_kind       text NOT NULL CHECK (target_kind IN ('officer', 'team', 'partner', 'queue')),
  target_id         uuid NOT NULL,
  reason_nl         text,
  reason_en         text,
  UNIQUE (municipality_code, position)
);

-- ── Reports ──────────────────────────────────────────────────────────────────
CREATE TABLE reports (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code  text NOT NULL REFERENCES municipalities(code),
  tracking_code      text NOT NULL UNIQUE,
  category_id        uuid NOT NULL REFERENCES categories(id),
  description        text NOT NULL CHECK (char_length(description) <= 1000),
  occurred_at        timestamptz,
  source             text NOT NULL CHECK (source IN ('web', 'phone', 'street', 'partner', 'email', 'open311')),
  location           geometry(Point, 28992) NOT NULL,
  address_text       text,
  district_code      text NOT NULL REFERENCES districts(code),
  neighbourhood_code text REFERENCES neighbourhoods(code),
  status             text NOT NULL CHECK (status IN ('new', 'planned', 'in_progress', 'waiting_for_reporter', 'forwarded', 'resolved', 'cancelled', 'reopened')),
  urgent             boolean NOT NULL,
  deadline           timestamptz NOT NULL,
  assignee_kind      text NOT NULL CHECK (assignee_kind IN ('officer', 'team', 'partner', 'queue')),
  assignee_id        uuid NOT NULL,      -- users.id, teams.id or coordinator_groups.id, by assignee_kind
  routing_rule       text NOT NULL,
  routing_reason_nl  text NOT NULL,
  routing_reason_en  text NOT NULL,
  reporter_email     text,
  reporter_phone     text,
  reporter_consent_share boolean NOT NULL DEFAULT false,
  created_by         uuid REFERENCES users(id),          -- staff who took a phone or street report
  created_at         timestamptz NOT NULL,
  updated_at         timestamptz NOT NULL,
  closed_at          timestamptz
);
CREATE INDEX reports_location_idx ON reports USING gist (location);
CREATE INDEX reports_assignee_idx ON reports (assignee_id, status);
CREATE INDEX reports_district_idx ON reports (district_code, created_at);
CREATE INDEX reports_list_idx ON reports (municipality_code, created_at DESC, id DESC);

-- Append-only: who, when, what, why.
CREATE TABLE report_history (
  id           bigserial PRIMARY KEY,
  report_id    uuid NOT NULL REFERENCES reports(id),
  at           timestamptz NOT NULL,
  actor_id     uuid REFERENCES users(id),
  actor_label  text NOT NULL,                -- 'system', 'public', or the staff name at the time
  action       text NOT NULL,                -- created, status_changed, assigned, rerouted, forwarded, note
  from_status  text,
  to_status    text,
  text         text,
  data         jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX report_history_report_idx ON report_history (report_id, id);

CREATE FUNCTION report_history_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'report_history is append-only';
END;
$$;
CREATE TRIGGER report_history_no_update BEFORE UPDATE OR DELETE ON report_history
  FOR EACH ROW EXECUTE FUNCTION report_history_is_append_only();

-- A retried POST with the same key returns the first result; stored in the same
-- transaction as the report so an acknowledged report and its key are never apart.
CREATE TABLE idempotency_keys (
  scope        text NOT NULL,                -- e.g. 'POST /api/v1/reports' plus caller
  key          text NOT NULL,
  request_hash text NOT NULL,
  status_code  integer NOT NULL,
  response     jsonb NOT NULL,
  created_at   timestamptz NOT NULL,
  PRIMARY KEY (scope, key)
);
