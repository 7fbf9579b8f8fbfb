-- Figures other modules measure for a task (TaskIndicatorReported): the latest per task and key.
CREATE TABLE reform_task_indicator (
    task_no      INTEGER     NOT NULL CHECK (task_no BETWEEN 1 AND 65),
    key          TEXT        NOT NULL,
    label        TEXT        NOT NULL,
    value        NUMERIC,
    unit         TEXT        NOT NULL,
    basis        TEXT,
    measured_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (task_no, key)
);
