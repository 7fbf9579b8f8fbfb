-- 联合检查 (task 27): one visit shared with other authorities (market regulation, drug administration), findings
-- per authority. The plan goes to each partner through its port after commit and is retried under the same share id
-- (the partner's idempotency key) until the partner takes it.
CREATE TABLE supervision_joint_inspection (
    id          uuid        PRIMARY KEY,
    title       text        NOT NULL,
    sector      text        NOT NULL,
    visit_on    date        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL
);
CREATE TABLE supervision_joint_entity (
    joint_id  uuid NOT NULL REFERENCES supervision_joint_inspection (id),
    uscc      text NOT NULL REFERENCES supervision_entity (uscc),
    PRIMARY KEY (joint_id, uscc)
);
CREATE TABLE supervision_joint_share (
    id               uuid        PRIMARY KEY,
    joint_id         uuid        NOT NULL REFERENCES supervision_joint_inspection (id),
    authority        text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'SHARED')),
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    partner_ref      text,
    shared_at        timestamptz,
    UNIQUE (joint_id, authority)
);
CREATE INDEX supervision_joint_share_due ON supervision_joint_share (next_attempt_at) WHERE status = 'PENDING';
-- one finding per authority and entity: recorded once, never changed
CREATE TABLE supervision_joint_finding (
    joint_id     uuid        NOT NULL REFERENCES supervision_joint_inspection (id),
    authority    text        NOT NULL,
    uscc         text        NOT NULL,
    outcome      text        NOT NULL CHECK (outcome IN ('COMPLIANT', 'NON_COMPLIANT')),
    findings     text        NOT NULL,
    reference    text,
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL,
    PRIMARY KEY (joint_id, authority, uscc)
);
CREATE TRIGGER supervision_joint_finding_append_only BEFORE UPDATE OR DELETE ON supervision_joint_finding
    FOR EACH ROW EXECUTE FUNCTION supervision_refuse_change();
