-- Intake keeps the active categories beside routing's cached data (migration 0080), under the same
-- counter: a category changed by any process, or by plain SQL, is seen by the next report.
CREATE TRIGGER categories_routing_data_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON categories
  FOR EACH STATEMENT EXECUTE FUNCTION bump_routing_data_version();
