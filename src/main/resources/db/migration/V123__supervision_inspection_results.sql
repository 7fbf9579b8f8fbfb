-- 监督检查: what the inspectors found on a drawn inspection (the sector's form as it stood, item by item), the photos
-- taken (stored in the file store, SM3 in the full-process record), and the rectification order (责令改正) with its
-- deadline in working days and its follow-up re-inspection.
CREATE TABLE supervision_inspection_result (
    inspection_id  uuid PRIMARY KEY REFERENCES supervision_inspection (id),
    form_version   text        NOT NULL,
    items          jsonb       NOT NULL,
    findings       text        NOT NULL,
    compliant      boolean     NOT NULL,
    finished_by    text        NOT NULL,
    finished_at    timestamptz NOT NULL
);

CREATE TABLE supervision_inspection_photo (
    id             uuid PRIMARY KEY,
    inspection_id  uuid        NOT NULL REFERENCES supervision_inspection (id),
    purpose        text        NOT NULL CHECK (purpose IN ('INSPECTION', 'FOLLOW_UP')),
    sha256         text        NOT NULL,
    sm3            text        NOT NULL,
    media_type     text        NOT NULL,
    size           bigint      NOT NULL,
    filename       text,
    uploaded_by    text        NOT NULL,
    uploaded_at    timestamptz NOT NULL
);
CREATE INDEX supervision_inspection_photo_inspection ON supervision_inspection_photo (inspection_id, uploaded_at);

-- one order per inspection; the status moves OPEN → RECTIFIED or NOT_RECTIFIED at the follow-up, once
CREATE TABLE supervision_rectification_order (
    id               uuid PRIMARY KEY,
    inspection_id    uuid        NOT NULL UNIQUE REFERENCES supervision_inspection (id),
    items            text[]      NOT NULL,
    requirement      text        NOT NULL,
    working_days     int         NOT NULL CHECK (working_days BETWEEN 1 AND 60),
    issued_on        date        NOT NULL,
    due              date        NOT NULL,
    issued_by        text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('OPEN', 'RECTIFIED', 'NOT_RECTIFIED')),
    followed_up_by   text,
    followed_up_at   timestamptz,
    follow_up_note   text,
    follow_up_photo  uuid REFERENCES supervision_inspection_photo (id)
);
CREATE INDEX supervision_rectification_order_open ON supervision_rectification_order (due) WHERE status = 'OPEN';
