-- E-licences (电子证照) issued from granted cases, their history and the number counters.
CREATE TABLE licences_licence (
    number          TEXT PRIMARY KEY,
    name            TEXT        NOT NULL,
    item_code       TEXT        NOT NULL,
    item_name       TEXT        NOT NULL,
    holder_kind     TEXT        NOT NULL CHECK (holder_kind IN ('PERSON', 'ENTERPRISE')),
    holder_name     TEXT        NOT NULL,
    -- RESIDENT_ID for persons, USCC for enterprises
    holder_id_type  TEXT        NOT NULL,
    holder_id       TEXT        NOT NULL,
    -- the account that applied: "my licences" and expiry warnings go to it
    owner           TEXT        NOT NULL,
    scope           TEXT        NOT NULL,
    valid_from      DATE        NOT NULL,
    valid_until     DATE,
    authority       TEXT        NOT NULL,
    issued_on       DATE        NOT NULL,
    -- the case the licence was issued from; one licence per case
    case_id         UUID        NOT NULL UNIQUE,
    status          TEXT        NOT NULL CHECK (status IN ('VALID', 'SUSPENDED', 'REVOKED', 'CANCELLED')),
    -- random, so a number alone cannot be looked up; replaced on reissue
    check_code      TEXT        NOT NULL,
    signature       TEXT        NOT NULL,
    signed_data     TEXT        NOT NULL,
    updated_at      TIMESTAMPTZ NOT NULL
);
CREATE INDEX licences_licence_owner_idx ON licences_licence (owner, issued_on DESC);
CREATE INDEX licences_licence_item_idx ON licences_licence (item_code);

-- One row per number pattern and year (year 0 when the pattern has no {yyyy}); items sharing a pattern
-- share the counter, so their numbers never collide. Advanced with INSERT … ON CONFLICT … RETURNING.
CREATE TABLE licences_counter (
    pattern     TEXT    NOT NULL,
    year        INTEGER NOT NULL,
    last_value  BIGINT  NOT NULL,
    PRIMARY KEY (pattern, year)
);

-- Every change of a licence: issue, suspend, restore, revoke, change, renew, cancel, reissue.
CREATE TABLE licences_history (
    id          BIGSERIAL PRIMARY KEY,
    number      TEXT        NOT NULL REFERENCES licences_licence (number),
    action      TEXT        NOT NULL,
    actor       TEXT        NOT NULL,
    reason      TEXT,
    case_id     UUID,
    at          TIMESTAMPTZ NOT NULL
);
CREATE INDEX licences_history_number_idx ON licences_history (number, id);

-- Cases already acted on (issue or change): a republished event is skipped.
CREATE TABLE licences_case_done (
    case_id     UUID PRIMARY KEY,
    number      TEXT,
    action      TEXT        NOT NULL,
    at          TIMESTAMPTZ NOT NULL
);
