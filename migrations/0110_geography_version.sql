-- The district locator (point → district, in process) keeps every district and neighbourhood polygon
-- in memory. It is now kept fresh the way routing's cached data is (migration 0080): a counter that
-- statement triggers bump on every change to the tables it reads, from this process, another one
-- (an import-geography run on a live server) or plain SQL. It sits on routing's counter row, so one
-- tiny statement reads both, and a geography change bumps both: routing depends on districts, and
-- intake's insert checks routing's version (current_routing_data_version, migration 0100), so an
-- intake that located its point on old geography is redone on the new one.
-- Only geography changes bump geography_version, so an absence or a rule change does not make every
-- process reload the polygons.
-- src/domain/routing/freshness-triggers.test.ts fails when a table the loaders read lacks its trigger.
ALTER TABLE routing_data_version ADD COLUMN geography_version bigint NOT NULL DEFAULT 1;

CREATE FUNCTION bump_geography_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- The same exclusive lock as bump_routing_data_version: intakes that decided on the old data commit first.
  PERFORM pg_advisory_xact_lock(7745126180);
  UPDATE routing_data_version SET version = version + 1, geography_version = geography_version + 1;
  RETURN NULL;
END
$$;

-- These two bumped routing's counter alone; their new trigger bumps both.
DROP TRIGGER boroughs_routing_data_version ON boroughs;
DROP TRIGGER districts_routing_data_version ON districts;

CREATE TRIGGER boroughs_geography_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON boroughs
  FOR EACH STATEMENT EXECUTE FUNCTION bump_geography_version();
CREATE TRIGGER districts_geography_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON districts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_geography_version();
CREATE TRIGGER neighbourhoods_geography_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON neighbourhoods
  FOR EACH STATEMENT EXECUTE FUNCTION bump_geography_version();
