-- 合规体检: an enterprise's answers to its sector's self-check list, the risk points (the questions answered
-- "no", with their risk, basis and fix as published when answered), and the fixes it confirmed.
CREATE TABLE supervision_self_check (
    id              uuid PRIMARY KEY,
    uscc            text        NOT NULL REFERENCES supervision_entity (uscc),
    sector          text        NOT NULL,
    answers         jsonb       NOT NULL,
    risks           jsonb       NOT NULL,
    submitted_by    text        NOT NULL,
    submitted_at    timestamptz NOT NULL,
    completed_at    timestamptz,
    credit_event    uuid
);
CREATE INDEX supervision_self_check_uscc ON supervision_self_check (uscc, submitted_at);

CREATE TABLE supervision_self_check_fix (
    self_check_id  uuid        NOT NULL REFERENCES supervision_self_check (id),
    code           text        NOT NULL,
    note           text        NOT NULL,
    confirmed_by   text        NOT NULL,
    confirmed_at   timestamptz NOT NULL,
    PRIMARY KEY (self_check_id, code)
);
