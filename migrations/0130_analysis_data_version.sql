-- The analyst's hotspot cells are cached in each process until the municipality's analysis data
-- changes. The check used to count the rows (count(*) and max(created_at) of reports and
-- observations): about 200 ms at a million reports, on every request. Now a per-municipality counter
-- says it: every statement that adds or removes reports or observations, or moves one in place,
-- time, category or district, bumps it, whichever process or plain SQL runs the statement, and reading
-- it is one primary-key lookup.
-- Cost on intake: one upsert per insert statement (intake writes reports in batches of up to 64,
-- src/domain/reports/intake-writer.ts); the counters are bumped in municipality order, so two
-- statements never wait on each other in a cycle. A status change or assignment does not bump it.
-- src/domain/analysis/data-version.test.ts fails when one of these triggers is missing.
CREATE TABLE analysis_data_versions (
  municipality_code text PRIMARY KEY REFERENCES municipalities(code) ON DELETE CASCADE,
  version           bigint NOT NULL
);

CREATE FUNCTION bump_analysis_data_versions() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analysis_data_versions AS v (municipality_code, version)
  SELECT DISTINCT municipality_code, 1 FROM changed_rows ORDER BY municipality_code
  ON CONFLICT (municipality_code) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END
$$;

CREATE FUNCTION bump_analysis_data_version_of_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO analysis_data_versions AS v (municipality_code, version)
  SELECT code, 1 FROM unnest(ARRAY[OLD.municipality_code, NEW.municipality_code]) AS code GROUP BY code ORDER BY code
  ON CONFLICT (municipality_code) DO UPDATE SET version = v.version + 1;
  RETURN NULL;
END
$$;

CREATE FUNCTION bump_every_analysis_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE analysis_data_versions SET version = version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER reports_analysis_inserted AFTER INSERT ON reports
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_analysis_data_versions();
CREATE TRIGGER reports_analysis_deleted AFTER DELETE ON reports
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_analysis_data_versions();
CREATE TRIGGER reports_analysis_moved AFTER UPDATE OF municipality_code, location, created_at, category_id, district_code ON reports
  FOR EACH ROW WHEN ((OLD.municipality_code, OLD.location, OLD.created_at, OLD.category_id, OLD.district_code)
                     IS DISTINCT FROM (NEW.municipality_code, NEW.location, NEW.created_at, NEW.category_id, NEW.district_code))
  EXECUTE FUNCTION bump_analysis_data_version_of_row();
CREATE TRIGGER reports_analysis_truncated AFTER TRUNCATE ON reports
  FOR EACH STATEMENT EXECUTE FUNCTION bump_every_analysis_data_version();

CREATE TRIGGER observations_analysis_inserted AFTER INSERT ON observations
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_analysis_data_versions();
CREATE TRIGGER observations_analysis_deleted AFTER DELETE ON observations
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION bump_analysis_data_versions();
CREATE TRIGGER observations_analysis_moved AFTER UPDATE OF municipality_code, location, observed_at, category_id, district_code ON observations
  FOR EACH ROW WHEN ((OLD.municipality_code, OLD.location, OLD.observed_at, OLD.category_id, OLD.district_code)
                     IS DISTINCT FROM (NEW.municipality_code, NEW.location, NEW.observed_at, NEW.category_id, NEW.district_code))
  EXECUTE FUNCTION bump_analysis_data_version_of_row();
CREATE TRIGGER observations_analysis_truncated AFTER TRUNCATE ON observations
  FOR EACH STATEMENT EXECUTE FUNCTION bump_every_analysis_data_version();

-- Existing data counts as version 1.
INSERT INTO analysis_data_versions (municipality_code, version) SELECT code, 1 FROM municipalities;
