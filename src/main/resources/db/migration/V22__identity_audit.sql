-- The append-only audit log: every change of state, who, when, what, before and after.
CREATE TABLE identity_audit_entry
(
  id            BIGSERIAL PRIMARY KEY,
  occurred_at   TIMESTAMPTZ NOT NULL,
  recorded_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
  actor         TEXT NOT NULL,
  action        TEXT NOT NULL,
  subject_type  TEXT NOT NULL,
  subject_id    TEXT,
  before_state  JSONB,
  after_state   JSONB,
  event_id      TEXT UNIQUE
);
CREATE INDEX identity_audit_entry_occurred_idx ON identity_audit_entry (occurred_at DESC);
CREATE INDEX identity_audit_entry_subject_idx ON identity_audit_entry (subject_type, subject_id);

-- No API edits the log, and the database refuses too: even a bug or a stray SQL session cannot
-- rewrite history.
CREATE FUNCTION identity_audit_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '审计日志只能追加，不能修改或删除 (audit log is append-only)';
END;
$$;
CREATE TRIGGER identity_audit_entry_no_update BEFORE UPDATE OR DELETE ON identity_audit_entry
  FOR EACH ROW EXECUTE FUNCTION identity_audit_entry_refuse_change();
CREATE TRIGGER identity_audit_entry_no_truncate BEFORE TRUNCATE ON identity_audit_entry
  FOR EACH STATEMENT EXECUTE FUNCTION identity_audit_entry_refuse_change();
