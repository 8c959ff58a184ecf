-- Routing keeps the slow-changing data it decides on (officers, schedules, absences, district
-- assignments, coordinator groups, rules, teams, the municipality's time zone) in an
-- in-process cache. This counter says when that cache is stale: every statement that changes
-- such data bumps it, whether it comes from this process, another one, or plain SQL. Intake reads
-- the counter in the same statement as the rest, so a decision never mixes old and new data.
CREATE TABLE routing_data_version (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  version   bigint NOT NULL
);
INSERT INTO routing_data_version (singleton, version) VALUES (true, 1);

CREATE FUNCTION bump_routing_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE routing_data_version SET version = version + 1;
  RETURN NULL;
END
$$;

CREATE TRIGGER municipalities_routing_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON municipalities
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_data_version();
CREATE TRIGGER boroughs_routing_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON boroughs
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_data_version();
CREATE TRIGGER districts_routing_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON districts
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_data_version();
CREATE TRIGGER users_routing_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_data_version();
CREATE TRIGGER officers_routing_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON officers
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_data_version();
CREATE TRIGGER absences_routing_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON absences
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_data_version();
CREATE TRIGGER district_assignments_routing_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON district_assignments
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_data_version();
CREATE TRIGGER coordinator_groups_routing_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON coordinator_groups
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_data_version();
CREATE TRIGGER coordinator_group_boroughs_routing_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON coordinator_group_boroughs
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_data_version();
CREATE TRIGGER routing_rules_routing_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON routing_rules
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_data_version();
CREATE TRIGGER teams_routing_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON teams
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_data_version();
