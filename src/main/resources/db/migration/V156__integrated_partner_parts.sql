-- 一业一证 cooperating industries: the commission's part of an application made to the lead authority, handed over by
-- the lead's system (one ordinary case per item), and the result sent back to it through an outbox.
CREATE TABLE integrated_partner_part (
    id               UUID PRIMARY KEY,
    package_code     TEXT        NOT NULL,
    -- the lead authority's own reference of the application
    reference        TEXT        NOT NULL,
    item_code        TEXT        NOT NULL,
    item_name        TEXT        NOT NULL,
    case_id          UUID        NOT NULL UNIQUE,
    case_number      TEXT,
    -- the applicant's account here when one exists (they see the part and its delivery), else window:<uscc>
    owner            TEXT        NOT NULL,
    applicant_name   TEXT        NOT NULL,
    received_at      TIMESTAMPTZ NOT NULL,
    UNIQUE (package_code, reference, item_code)
);
CREATE INDEX integrated_partner_part_owner_idx ON integrated_partner_part (owner, received_at DESC);

-- The result of a part to send to the lead authority: PENDING until it took it (the row's id is the Idempotency-Key,
-- so a retry after a timeout never makes a second result there).
CREATE TABLE integrated_partner_result (
    id               UUID PRIMARY KEY,
    part_id          UUID        NOT NULL UNIQUE REFERENCES integrated_partner_part (id),
    granted          BOOLEAN     NOT NULL,
    reasons          TEXT,
    licence_number   TEXT,
    decided_at       TIMESTAMPTZ NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('PENDING', 'SENT')),
    attempts         INTEGER     NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL,
    last_error       TEXT,
    sent_at          TIMESTAMPTZ
);
CREATE INDEX integrated_partner_result_due ON integrated_partner_result (next_attempt_at) WHERE status = 'PENDING';
