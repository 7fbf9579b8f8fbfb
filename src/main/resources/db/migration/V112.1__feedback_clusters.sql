-- Similar complaints grouped: every bad rating with text and every 办不成事 ticket is a complaint with the search
-- model's unit vector (float4[], 512 values; pgvector is not available); a cluster keeps the sum of its members'
-- vectors, so that a new complaint's average similarity to the members is one dot product (see Grouping).
CREATE TABLE feedback_cluster (
    id          uuid PRIMARY KEY,
    vector_sum  float4[],
    size        int         NOT NULL DEFAULT 0,
    label       text,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL
);

CREATE TABLE feedback_complaint (
    id          uuid PRIMARY KEY,
    kind        text        NOT NULL CHECK (kind IN ('RATING', 'TICKET')),
    source_id   uuid        NOT NULL,
    text        text        NOT NULL,
    item_code   text,
    unit        text        NOT NULL,
    received_at timestamptz NOT NULL,
    vector      float4[],
    cluster_id  uuid REFERENCES feedback_cluster (id),
    UNIQUE (kind, source_id)
);
CREATE INDEX feedback_complaint_cluster ON feedback_complaint (cluster_id);
CREATE INDEX feedback_complaint_unit ON feedback_complaint (unit);

-- what staff made of a cluster: a guide revision (a catalogue draft) or a reform progress report
CREATE TABLE feedback_cluster_action (
    id            uuid PRIMARY KEY,
    cluster_id    uuid        NOT NULL REFERENCES feedback_cluster (id),
    kind          text        NOT NULL CHECK (kind IN ('REVISION', 'REPORT')),
    actor         text        NOT NULL,
    item_code     text,
    guide_version int,
    task_no       int,
    report_id     uuid,
    note          text        NOT NULL,
    at            timestamptz NOT NULL
);
CREATE INDEX feedback_cluster_action_cluster ON feedback_cluster_action (cluster_id);
