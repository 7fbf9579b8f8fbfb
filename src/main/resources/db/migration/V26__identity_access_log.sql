-- Who viewed whose personal data: each showing of a record's full personal data (a case, a licence,
-- an export) is one row — who, when, which record, what was shown. Reads, not changes: the audit log
-- (V22) keeps those. Append-only like the audit log: the database refuses to change or delete a row.
CREATE TABLE identity_access_log
(
  id           BIGSERIAL PRIMARY KEY,
  viewed_at    TIMESTAMPTZ NOT NULL,
  username     TEXT NOT NULL,
  record_type  TEXT NOT NULL,
  record_id    TEXT NOT NULL,
  fields       TEXT NOT NULL,
  purpose      TEXT NOT NULL
);
CREATE INDEX identity_access_log_viewed_idx ON identity_access_log (viewed_at DESC);
CREATE INDEX identity_access_log_record_idx ON identity_access_log (record_type, record_id);
CREATE INDEX identity_access_log_user_idx ON identity_access_log (username, viewed_at DESC);

CREATE FUNCTION identity_access_log_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '个人信息访问日志只能追加，不能修改或删除 (access log is append-only)';
END;
$$;
CREATE TRIGGER identity_access_log_no_update BEFORE UPDATE OR DELETE ON identity_access_log
  FOR EACH ROW EXECUTE FUNCTION identity_access_log_refuse_change();
CREATE TRIGGER identity_access_log_no_truncate BEFORE TRUNCATE ON identity_access_log
  FOR EACH STATEMENT EXECUTE FUNCTION identity_access_log_refuse_change();
