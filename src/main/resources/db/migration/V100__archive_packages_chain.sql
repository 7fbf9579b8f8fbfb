-- Electronic archiving (电子文件归档): one package per completed case, an append-only SM3 hash chain over
-- every package and every disposal, and the record of each fixity check.

-- A completed case due for archiving (PENDING), its package once built (ARCHIVED), or its disposal (DISPOSED).
CREATE TABLE archive_package
(
  id               UUID PRIMARY KEY,
  case_id          UUID NOT NULL UNIQUE,
  item_code        TEXT NOT NULL,
  outcome          TEXT NOT NULL,
  completed_at     TIMESTAMPTZ NOT NULL,
  due_at           TIMESTAMPTZ NOT NULL,
  status           TEXT NOT NULL CHECK (status IN ('PENDING', 'ARCHIVED', 'DISPOSED')),
  attempts         INT NOT NULL DEFAULT 0,
  last_error       TEXT,
  next_attempt_at  TIMESTAMPTZ NOT NULL,
  item_name        TEXT,
  applicant_name   TEXT,
  applicant_id     TEXT,
  size_bytes       BIGINT,
  sm3              TEXT,
  archived_at      TIMESTAMPTZ,
  retain_until     DATE,
  disposed_at      TIMESTAMPTZ,
  disposed_by      TEXT,
  disposal_reason  TEXT
);
CREATE INDEX archive_package_pending_idx ON archive_package (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX archive_package_item_idx ON archive_package (item_code);
CREATE INDEX archive_package_applicant_idx ON archive_package (applicant_id);
CREATE INDEX archive_package_archived_idx ON archive_package (archived_at);

-- The chain's head: one row, locked FOR UPDATE by every append so appends are serialised, and a second
-- witness of the last sequence number (deleting the newest entry leaves the head pointing past the end).
CREATE TABLE archive_chain_head
(
  id      INT PRIMARY KEY CHECK (id = 1),
  seq     BIGINT NOT NULL,
  digest  TEXT NOT NULL
);
INSERT INTO archive_chain_head (id, seq, digest) VALUES (1, 0, repeat('0', 64));

-- entry_digest = SM3 over the canonical entry including prev_digest (see HashChain.canonical).
CREATE TABLE archive_chain_entry
(
  seq           BIGINT PRIMARY KEY,
  kind          TEXT NOT NULL CHECK (kind IN ('PACKAGE', 'DISPOSAL')),
  case_id       UUID NOT NULL,
  package_sm3   TEXT NOT NULL,
  prev_digest   TEXT NOT NULL,
  entry_digest  TEXT NOT NULL,
  at            TIMESTAMPTZ NOT NULL,
  actor         TEXT NOT NULL,
  reason        TEXT
);
CREATE INDEX archive_chain_entry_case_idx ON archive_chain_entry (case_id);

CREATE FUNCTION archive_chain_entry_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '档案哈希链只能追加，不能修改或删除 (archive chain is append-only)';
END;
$$;
CREATE TRIGGER archive_chain_entry_no_update BEFORE UPDATE OR DELETE ON archive_chain_entry
  FOR EACH ROW EXECUTE FUNCTION archive_chain_entry_refuse_change();
CREATE TRIGGER archive_chain_entry_no_truncate BEFORE TRUNCATE ON archive_chain_entry
  FOR EACH STATEMENT EXECUTE FUNCTION archive_chain_entry_refuse_change();

CREATE TABLE archive_fixity_run
(
  id           BIGSERIAL PRIMARY KEY,
  started_at   TIMESTAMPTZ NOT NULL,
  finished_at  TIMESTAMPTZ NOT NULL,
  actor        TEXT NOT NULL,
  checked      INT NOT NULL,
  chain_length BIGINT NOT NULL,
  problems     JSONB NOT NULL
);
CREATE INDEX archive_fixity_run_started_idx ON archive_fixity_run (started_at DESC);
