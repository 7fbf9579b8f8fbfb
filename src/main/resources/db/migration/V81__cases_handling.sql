-- Handling: the open step and who may act on it (a projection of the Flowable task, kept on the case row
-- so that work lists are one indexed query), time limits in working days, the decision.
ALTER TABLE cases_case
    ADD COLUMN process_key          TEXT,
    ADD COLUMN process_instance_id  TEXT,
    ADD COLUMN division             TEXT,
    ADD COLUMN step                 TEXT,
    ADD COLUMN step_role            TEXT,
    ADD COLUMN assignee             TEXT,
    ADD COLUMN reviewer             TEXT,
    ADD COLUMN four_eyes            BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN notice_commitment    BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN promised_days        INTEGER,
    ADD COLUMN statutory_days       INTEGER,
    -- the day the complete application was received: submission, or the applicant's correction
    ADD COLUMN received_on          DATE,
    -- art. 32: decide on acceptance within 5 working days of receipt or the case is deemed accepted
    ADD COLUMN acceptance_due       DATE,
    ADD COLUMN accepted_on          DATE,
    ADD COLUMN promised_deadline    DATE,
    ADD COLUMN statutory_deadline   DATE,
    -- a limit that reaches a year whose holiday arrangement is not entered yet is computed when it is
    ADD COLUMN limits_pending       BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN suspended_days       INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN extended             BOOLEAN     NOT NULL DEFAULT FALSE,
    ADD COLUMN corrections          INTEGER     NOT NULL DEFAULT 0,
    ADD COLUMN warning_level        TEXT,
    ADD COLUMN decision             TEXT CHECK (decision IN ('GRANTED', 'DENIED')),
    ADD COLUMN decision_reasons     TEXT,
    ADD COLUMN decided_at           TIMESTAMPTZ,
    ADD COLUMN completed_at         TIMESTAMPTZ,
    ADD COLUMN verification_due     DATE,
    ADD COLUMN opened_by            TEXT,
    -- the next date the authority is bound to (acceptance, then decision): what work lists sort by
    ADD COLUMN due_on               DATE;

-- work lists: open steps per role, earliest deadline first; a claimed step by its assignee
CREATE INDEX cases_case_worklist_idx ON cases_case (step_role, due_on, id) WHERE step_role IS NOT NULL;
CREATE INDEX cases_case_assignee_idx ON cases_case (assignee) WHERE assignee IS NOT NULL;
-- the deadline watch reads only open cases
CREATE INDEX cases_case_open_idx ON cases_case (status)
    WHERE status IN ('SUBMITTED', 'UNDER_REVIEW', 'SUSPENDED', 'CORRECTION_REQUESTED');

ALTER TABLE cases_event
    ADD COLUMN action  TEXT,
    ADD COLUMN details JSONB;

-- clock stops: correction, expert review, on-site check; their working days do not count
CREATE TABLE cases_suspension (
    id           BIGSERIAL PRIMARY KEY,
    case_id      UUID        NOT NULL REFERENCES cases_case (id),
    kind         TEXT        NOT NULL CHECK (kind IN ('CORRECTION', 'EXPERT_REVIEW', 'ONSITE_CHECK')),
    reason       TEXT        NOT NULL,
    started_on   DATE        NOT NULL,
    ended_on     DATE,
    working_days INTEGER
);
CREATE INDEX cases_suspension_case_idx ON cases_suspension (case_id, id);

-- escalations: overdue cases for leaders and their division
CREATE INDEX cases_case_red_idx ON cases_case (division, due_on) WHERE warning_level = 'RED';
