-- 行政处罚案件: opened against a registered entity by its handler (承办人), a proposed decision checked against the
-- discretion baseline, legal review (法制审核) where the proposal leaves the baseline or is a major decision, the
-- decision (a PENALTY credit event) and its publication within 7 working days (国办发〔2018〕118号).
CREATE TABLE supervision_penalty_case (
    id                uuid        PRIMARY KEY,
    uscc              text        NOT NULL REFERENCES supervision_entity (uscc),
    entity_name       text        NOT NULL,
    inspection_id     uuid,
    summary           text        NOT NULL,
    handler           text        NOT NULL,
    status            text        NOT NULL,
    opened_at         timestamptz NOT NULL,
    violation         text,
    circumstance      text,
    measures          text,
    fine              bigint,
    facts             text,
    departures        text,
    departure_reason  text,
    major_reasons     text,
    proposed_at       timestamptz,
    decision_number   text        UNIQUE,
    decided_by        text,
    decided_at        timestamptz,
    decided_on        date,
    publication_due   date,
    published_at      timestamptz,
    published_by      text
);
CREATE INDEX supervision_penalty_case_handler ON supervision_penalty_case (handler);
CREATE INDEX supervision_penalty_case_comparable ON supervision_penalty_case (violation, circumstance) WHERE decided_at IS NOT NULL;
CREATE INDEX supervision_penalty_case_unpublished ON supervision_penalty_case (publication_due)
    WHERE decided_at IS NOT NULL AND published_at IS NULL;

-- every round of legal review, kept (a returned proposal is revised and reviewed again)
CREATE TABLE supervision_penalty_review (
    id        uuid        PRIMARY KEY,
    case_id   uuid        NOT NULL REFERENCES supervision_penalty_case (id),
    reviewer  text        NOT NULL,
    outcome   text        NOT NULL,
    opinion   text        NOT NULL,
    at        timestamptz NOT NULL
);
CREATE INDEX supervision_penalty_review_case ON supervision_penalty_review (case_id, at);

-- planners designated as legal reviewers (法制审核人员) besides those named in configuration
CREATE TABLE supervision_legal_reviewer (
    username  text        PRIMARY KEY,
    added_by  text        NOT NULL,
    added_at  timestamptz NOT NULL
);
