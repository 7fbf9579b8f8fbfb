-- 监督执法: the register of regulated entities with their grades, credit events, the qualified inspector pool and
-- its conflicts of interest, and 双随机 plans, draws, inspections and overrides.
CREATE TABLE supervision_entity (
    uscc          text PRIMARY KEY,
    name          text        NOT NULL,
    sector        text        NOT NULL,
    address       text        NOT NULL,
    street        text        NOT NULL,
    credit_grade  char(1)     CHECK (credit_grade IN ('A', 'B', 'C', 'D')),
    risk_grade    char(1)     CHECK (risk_grade IN ('A', 'B', 'C', 'D')),
    class         char(1)     CHECK (class IN ('A', 'B', 'C', 'D')),
    reasons       jsonb,
    graded_at     timestamptz
);
CREATE INDEX supervision_entity_sector ON supervision_entity (sector, uscc);

-- what the credit grade is made of: false commitments (from cases), penalties, complaints, good records
CREATE TABLE supervision_credit_event (
    id           uuid PRIMARY KEY,
    uscc         text        NOT NULL,
    kind         text        NOT NULL,
    occurred_on  date        NOT NULL,
    note         text        NOT NULL,
    source_ref   text        UNIQUE,
    recorded_by  text        NOT NULL,
    recorded_at  timestamptz NOT NULL
);
CREATE INDEX supervision_credit_event_uscc ON supervision_credit_event (uscc);

-- the pool: an inspector by an anonymous public code; username links to the account (never published)
CREATE TABLE supervision_inspector (
    code      text PRIMARY KEY,
    username  text UNIQUE,
    name      text    NOT NULL,
    sectors   text[]  NOT NULL,
    active    boolean NOT NULL DEFAULT true
);

CREATE TABLE supervision_conflict (
    uscc            text NOT NULL,
    inspector_code  text NOT NULL REFERENCES supervision_inspector (code),
    reason          text NOT NULL,
    PRIMARY KEY (uscc, inspector_code)
);

-- a plan fixes its inputs (the register snapshot, the pool, the conflicts) and its seed before any draw
CREATE TABLE supervision_plan (
    id            uuid PRIMARY KEY,
    sector        text        NOT NULL,
    period        text        NOT NULL,
    ratios        jsonb       NOT NULL,
    public_value  text        NOT NULL,
    plan_hash     text        NOT NULL,
    seed          text        NOT NULL,
    inputs        jsonb       NOT NULL,
    entity_count  int         NOT NULL,
    pool_size     int         NOT NULL,
    created_by    text        NOT NULL,
    created_at    timestamptz NOT NULL
);

-- one draw per plan, ever: the unique key refuses a second one even under a race
CREATE TABLE supervision_draw (
    id         uuid PRIMARY KEY,
    plan_id    uuid        NOT NULL UNIQUE REFERENCES supervision_plan (id),
    algorithm  text        NOT NULL,
    drawn_by   text        NOT NULL,
    drawn_at   timestamptz NOT NULL
);

CREATE TABLE supervision_inspection (
    id          uuid PRIMARY KEY,
    draw_id     uuid NOT NULL REFERENCES supervision_draw (id),
    seq         int  NOT NULL,
    uscc        text NOT NULL,
    class       char(1) NOT NULL,
    inspector1  text NOT NULL,
    inspector2  text NOT NULL,
    drawn1      text NOT NULL,
    drawn2      text NOT NULL,
    UNIQUE (draw_id, uscc),
    UNIQUE (draw_id, seq)
);
CREATE INDEX supervision_inspection_inspector1 ON supervision_inspection (inspector1);
CREATE INDEX supervision_inspection_inspector2 ON supervision_inspection (inspector2);

-- a change after the draw is never silent: every replacement with its reason and approver, published
CREATE TABLE supervision_override (
    id            uuid PRIMARY KEY,
    draw_id       uuid        NOT NULL REFERENCES supervision_draw (id),
    uscc          text        NOT NULL,
    replaced      text        NOT NULL,
    replacement   text        NOT NULL,
    reason        text        NOT NULL,
    approver      text        NOT NULL,
    requested_by  text        NOT NULL,
    at            timestamptz NOT NULL
);
CREATE INDEX supervision_override_draw ON supervision_override (draw_id, at);

CREATE OR REPLACE FUNCTION supervision_refuse_change() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'supervision overrides and draws are append-only';
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER supervision_override_append_only BEFORE UPDATE OR DELETE ON supervision_override
    FOR EACH ROW EXECUTE FUNCTION supervision_refuse_change();
CREATE TRIGGER supervision_draw_append_only BEFORE UPDATE OR DELETE ON supervision_draw
    FOR EACH ROW EXECUTE FUNCTION supervision_refuse_change();
