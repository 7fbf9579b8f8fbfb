-- 一业一证 applications: one submission of an industry package, opening one ordinary case per underlying item
-- (its sub-cases); NEW issues the integrated licence, CHANGE/RENEW/CANCEL/REISSUE act on one.
CREATE TABLE integrated_application (
    id               UUID PRIMARY KEY,
    package_code     TEXT        NOT NULL,
    package_version  INTEGER     NOT NULL,
    kind             TEXT        NOT NULL CHECK (kind IN ('NEW', 'CHANGE', 'RENEW', 'CANCEL', 'REISSUE')),
    owner            TEXT        NOT NULL,
    -- the applicant as the sub-cases name it: {kind, uscc, name, agentName}
    applicant        JSONB       NOT NULL,
    answers          JSONB       NOT NULL,
    form             JSONB       NOT NULL,
    phone            TEXT        NOT NULL,
    status           TEXT        NOT NULL CHECK (status IN ('IN_PROGRESS', 'PART_DENIED', 'DONE')),
    -- NEW: the integrated licence issued; the others: the integrated licence acted on
    licence_number   TEXT,
    idempotency_key  TEXT        NOT NULL,
    request_hash     TEXT        NOT NULL,
    submitted_at     TIMESTAMPTZ NOT NULL,
    done_at          TIMESTAMPTZ,
    UNIQUE (owner, idempotency_key)
);
CREATE INDEX integrated_application_owner_idx ON integrated_application (owner, submitted_at DESC);
CREATE INDEX integrated_application_licence_idx ON integrated_application (licence_number);

CREATE TABLE integrated_sub_case (
    application_id   UUID        NOT NULL REFERENCES integrated_application (id),
    position         INTEGER     NOT NULL,
    item_code        TEXT        NOT NULL,
    item_name        TEXT        NOT NULL,
    situation        TEXT        NOT NULL,
    situation_name   TEXT        NOT NULL,
    case_id          UUID        NOT NULL UNIQUE,
    case_number      TEXT,
    -- null while undecided
    granted          BOOLEAN,
    reasons          TEXT,
    decided_at       TIMESTAMPTZ,
    -- licences has applied the decision to the part's licence (LicenceCaseApplied), or the item issues none
    licence_applied  BOOLEAN     NOT NULL DEFAULT FALSE,
    PRIMARY KEY (application_id, position)
);
