-- 办不成事: what a person could not get done, the unit that owns the ticket, its working-day dates, every step,
-- and the hand-over to the 12345 hotline (a dispatch row sent after commit and retried until the hotline has it).
CREATE TABLE feedback_ticket (
    id              uuid PRIMARY KEY,
    reporter        text,                                   -- the account, or null for an anonymous reporter
    token_hash      text,                                   -- SM3 of the follow-up token given to an anonymous reporter
    contact         text        CHECK (char_length(contact) <= 100),
    text            text        NOT NULL CHECK (char_length(text) <= 1000),
    place           text        CHECK (char_length(place) <= 200),
    item_code       text,
    item_name       text,
    unit            text        NOT NULL,
    status          text        NOT NULL,
    filed_at        timestamptz NOT NULL,
    filed_on        date        NOT NULL,
    contact_due     date        NOT NULL,
    reply_due       date        NOT NULL,
    contacted_at    timestamptz,
    replied_at      timestamptz,
    reply           text,
    closed_at       timestamptz
);
CREATE INDEX feedback_ticket_unit ON feedback_ticket (unit, status);
CREATE INDEX feedback_ticket_reporter ON feedback_ticket (reporter) WHERE reporter IS NOT NULL;

CREATE TABLE feedback_ticket_step (
    id         bigserial PRIMARY KEY,
    ticket_id  uuid        NOT NULL REFERENCES feedback_ticket (id),
    action     text        NOT NULL,
    actor      text        NOT NULL,
    note       text,
    at         timestamptz NOT NULL
);
CREATE INDEX feedback_ticket_step_ticket ON feedback_ticket_step (ticket_id);

-- one row per hand-over; its id is the dispatch id the hotline receives, so a retry is the same hand-over to it
CREATE TABLE feedback_hotline_dispatch (
    id               uuid PRIMARY KEY,
    ticket_id        uuid        NOT NULL REFERENCES feedback_ticket (id),
    status           text        NOT NULL,                  -- PENDING until the hotline took it, then SENT, then ANSWERED
    attempts         int         NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL,
    last_error       text,
    hotline_ref      text,
    sent_at          timestamptz,
    result           text,
    result_at        timestamptz,
    created_at       timestamptz NOT NULL
);
CREATE INDEX feedback_hotline_dispatch_due ON feedback_hotline_dispatch (next_attempt_at) WHERE status = 'PENDING';
CREATE UNIQUE INDEX feedback_hotline_dispatch_ticket ON feedback_hotline_dispatch (ticket_id) WHERE status <> 'ANSWERED';
