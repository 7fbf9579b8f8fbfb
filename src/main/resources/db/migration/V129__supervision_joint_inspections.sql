-- 联合检查 (task 27): one visit to a medical beauty clinic by health supervision with market regulation and drug
-- administration. The shared plan goes to each other authority through an adapter; each authority's part waits and
-- retries (same idempotency key every time) until its findings are in, so nothing is lost and nothing doubled.
CREATE TABLE supervision_joint_inspection (
    id              uuid        PRIMARY KEY,
    uscc            text        NOT NULL REFERENCES supervision_entity (uscc),
    entity_name     text        NOT NULL,
    planned_on      date        NOT NULL,
    scope           text        NOT NULL,
    created_by      text        NOT NULL,
    created_at      timestamptz NOT NULL,
    visited_at      timestamptz,
    visited_by      text,
    health_findings text
);

CREATE TABLE supervision_joint_part (
    joint_id         uuid        NOT NULL REFERENCES supervision_joint_inspection (id),
    authority        text        NOT NULL,
    idempotency_key  uuid        NOT NULL UNIQUE,
    status           text        NOT NULL,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    partner_ref      text,
    sent_at          timestamptz,
    findings         text,
    findings_by      text,
    findings_at      timestamptz,
    PRIMARY KEY (joint_id, authority)
);
CREATE INDEX supervision_joint_part_due ON supervision_joint_part (next_attempt_at) WHERE status <> 'FINDINGS';
