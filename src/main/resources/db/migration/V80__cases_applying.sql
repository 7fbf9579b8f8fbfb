-- Cases as applicants start and submit them; handling steps and time limits come with their own migrations.
CREATE TABLE cases_case (
    id                  UUID PRIMARY KEY,
    item_code           TEXT        NOT NULL,
    item_name           TEXT        NOT NULL,
    situation_code      TEXT        NOT NULL,
    situation_name      TEXT        NOT NULL,
    -- the guide version the case was started under: later guide versions never change it
    guide_version       INTEGER     NOT NULL,
    applicant_kind      TEXT        NOT NULL CHECK (applicant_kind IN ('PERSON', 'ENTERPRISE')),
    applicant_id_number TEXT,
    applicant_uscc      TEXT,
    applicant_name      TEXT        NOT NULL,
    agent_name          TEXT,
    owner               TEXT        NOT NULL,
    channel             TEXT        NOT NULL,
    form                JSONB       NOT NULL DEFAULT '{}'::jsonb,
    status              TEXT        NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL,
    submitted_at        TIMESTAMPTZ,
    row_version         INTEGER     NOT NULL DEFAULT 0
);
-- "my cases": newest first per account
CREATE INDEX cases_case_owner_idx ON cases_case (owner, created_at DESC);

CREATE TABLE cases_event (
    id       BIGSERIAL PRIMARY KEY,
    case_id  UUID        NOT NULL REFERENCES cases_case (id),
    status   TEXT        NOT NULL,
    actor    TEXT        NOT NULL,
    at       TIMESTAMPTZ NOT NULL,
    reason   TEXT
);
CREATE INDEX cases_event_case_idx ON cases_event (case_id, id);

CREATE TABLE cases_material (
    id          UUID PRIMARY KEY,
    case_id     UUID        NOT NULL REFERENCES cases_case (id),
    material    TEXT        NOT NULL,
    filename    TEXT        NOT NULL,
    media_type  TEXT        NOT NULL,
    sha256      TEXT        NOT NULL,
    size        BIGINT      NOT NULL,
    uploaded_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX cases_material_case_idx ON cases_material (case_id);

-- One row per (account, Idempotency-Key): the primary key makes concurrent replays wait for the first
-- and then find its case, so a replay can never create a second case.
CREATE TABLE cases_idempotency (
    owner        TEXT        NOT NULL,
    key          TEXT        NOT NULL,
    request_hash TEXT        NOT NULL,
    case_id      UUID        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (owner, key)
);
