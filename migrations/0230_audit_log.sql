-- The audit trail (issue 9): who changed what, and who saw a reporter's contact. Names the record, never its
-- content: no reporter e-mail, phone or free text is ever written here. Append-only like report_history.
CREATE TABLE audit_log (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_code text NOT NULL REFERENCES municipalities(code),
  at                timestamptz NOT NULL,
  -- No foreign key: the row must outlive any change to the account; the name is the one it had at the time.
  actor_id          uuid,
  actor_name        text NOT NULL,
  action            text NOT NULL CHECK (length(action) BETWEEN 1 AND 200),
  record_kind       text CHECK (length(record_kind) <= 60),
  record_id         text CHECK (length(record_id) <= 200),
  outcome           text NOT NULL CHECK (length(outcome) BETWEEN 1 AND 60)
);
-- Keyset paging, newest first, within a municipality; and the filters on who and which record.
CREATE INDEX audit_log_at_idx ON audit_log (municipality_code, at DESC, id DESC);
CREATE INDEX audit_log_actor_idx ON audit_log (municipality_code, actor_id, at DESC);
CREATE INDEX audit_log_record_idx ON audit_log (municipality_code, record_kind, record_id, at DESC);

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();
