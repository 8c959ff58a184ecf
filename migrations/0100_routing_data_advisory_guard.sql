-- Intake used to check the routing-data version with FOR SHARE on the counter's single row. With
-- many intakes at once, every share lock rewrites that row's header through a MultiXact (a WAL record
-- and a growing member list per intake), and all intakes queue on that one heap page.
-- A transaction-level advisory lock gives the same exclusion from lock-manager memory only:
-- intakes take it shared, a change to routing data takes it exclusively before bumping the counter,
-- and each holds it until its transaction ends.
-- The key is an arbitrary constant, used for this purpose only.

-- VOLATILE on purpose: under READ COMMITTED each statement in a volatile function takes a fresh
-- snapshot, so the version read after the lock is granted sees a change that committed while the
-- intake waited for it. The calling statement's own snapshot predates the wait.
CREATE FUNCTION current_routing_data_version() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
BEGIN
  PERFORM pg_advisory_xact_lock_shared(7745126180);
  RETURN (SELECT version FROM routing_data_version);
END
$$;

CREATE OR REPLACE FUNCTION bump_routing_data_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Waits for intakes that decided on the old data to commit; later intakes wait for this change.
  PERFORM pg_advisory_xact_lock(7745126180);
  UPDATE routing_data_version SET version = version + 1;
  RETURN NULL;
END
$$;
