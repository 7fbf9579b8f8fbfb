-- 好差评: one rating per stage of a case, its earlier versions, and the rectification of a bad one.
-- Facts of the case (item, channel, the staff member who handled the stage and their unit) are copied at rating
-- time, so the statistics never read another module's tables.
CREATE TABLE feedback_rating (
    id          uuid PRIMARY KEY,
    case_id     uuid        NOT NULL,
    stage       text        NOT NULL,
    applicant   text        NOT NULL,
    item_code   text        NOT NULL,
    item_name   text        NOT NULL,
    channel     text        NOT NULL,
    level       int         NOT NULL CHECK (level BETWEEN 1 AND 5),
    tags        text[]      NOT NULL DEFAULT '{}',
    text        text        CHECK (char_length(text) <= 500),
    staff       text,
    unit        text,
    rated_at    timestamptz NOT NULL,
    changed_at  timestamptz NOT NULL,
    UNIQUE (case_id, stage)
);
CREATE INDEX feedback_rating_item ON feedback_rating (item_code);
CREATE INDEX feedback_rating_unit ON feedback_rating (unit);

-- every version a rating had, the first included: a change never loses what was said before
CREATE TABLE feedback_rating_version (
    id          bigserial PRIMARY KEY,
    rating_id   uuid        NOT NULL REFERENCES feedback_rating (id),
    level       int         NOT NULL,
    tags        text[]      NOT NULL,
    text        text,
    recorded_at timestamptz NOT NULL
);

CREATE TABLE feedback_rectification (
    id              uuid PRIMARY KEY,
    rating_id       uuid        NOT NULL REFERENCES feedback_rating (id),
    case_id         uuid        NOT NULL,
    unit            text        NOT NULL,
    status          text        NOT NULL,
    opened_on       date        NOT NULL,
    contact_due     date        NOT NULL,
    reply_due       date        NOT NULL,
    contacted_at    timestamptz,
    replied_at      timestamptz,
    replied_on_time boolean,
    closed_at       timestamptz
);
-- one open task per rating at a time
CREATE UNIQUE INDEX feedback_rectification_open ON feedback_rectification (rating_id) WHERE status <> 'CONFIRMED';
CREATE INDEX feedback_rectification_unit ON feedback_rectification (unit, status);

CREATE TABLE feedback_rectification_step (
    id                bigserial PRIMARY KEY,
    rectification_id  uuid        NOT NULL REFERENCES feedback_rectification (id),
    action            text        NOT NULL,
    actor             text        NOT NULL,
    note              text,
    at                timestamptz NOT NULL
);
