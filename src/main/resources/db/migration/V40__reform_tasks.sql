-- The reform plan's tasks, their progress reports and cooperating divisions' contributions.
-- Org units are referred to by identity's unit codes (resolved from the table's names on import).
CREATE TABLE reform_task
(
  no                  INT PRIMARY KEY CHECK (no > 0),
  part                TEXT,
  part_title          TEXT,
  group_no            INT NOT NULL CHECK (group_no > 0),
  group_title         TEXT NOT NULL,
  content             TEXT NOT NULL,
  lead_units          TEXT[] NOT NULL CHECK (cardinality(lead_units) > 0),
  cooperating_units   TEXT[] NOT NULL DEFAULT '{}',
  related_units       TEXT[] NOT NULL DEFAULT '{}',
  deadline            DATE NOT NULL,
  -- as written in the plan (全年, 9月), so an export reads like the table it came from
  deadline_text       TEXT NOT NULL,
  remarks             TEXT,
  -- the current state, kept by the task itself so that the cockpit never has to scan reports
  status              TEXT NOT NULL DEFAULT 'NOT_STARTED'
                      CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'DELAYED')),
  progress            INT NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),
  last_report_at      TIMESTAMPTZ,
  version             INT NOT NULL DEFAULT 0,
  defined_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK (status <> 'COMPLETED' OR progress = 100)
);
CREATE INDEX reform_task_lead_idx ON reform_task USING gin (lead_units);
CREATE INDEX reform_task_open_deadline_idx ON reform_task (deadline) WHERE status <> 'COMPLETED';

-- A lead division's progress report (REPORT, with progress and status) or a cooperating division's
-- contribution (CONTRIBUTION, text only). Append-only: history is never rewritten.
CREATE TABLE reform_report
(
  id             UUID PRIMARY KEY,
  task_no        INT NOT NULL REFERENCES reform_task (no),
  kind           TEXT NOT NULL CHECK (kind IN ('REPORT', 'CONTRIBUTION')),
  author         TEXT NOT NULL,
  author_name    TEXT NOT NULL,
  org_unit_code  TEXT NOT NULL,
  text           TEXT NOT NULL,
  progress       INT CHECK (progress BETWEEN 0 AND 100),
  status         TEXT CHECK (status IN ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'DELAYED')),
  -- why progress went down, required by the task when it does
  reason         TEXT,
  demo           BOOLEAN NOT NULL DEFAULT FALSE,
  created_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
  CHECK ((kind = 'REPORT') = (progress IS NOT NULL AND status IS NOT NULL))
);
CREATE INDEX reform_report_task_idx ON reform_report (task_no, created_at DESC);

-- Files attached to a report; the bytes live in the shared file store under their SHA-256.
CREATE TABLE reform_attachment
(
  id          UUID PRIMARY KEY,
  report_id   UUID NOT NULL REFERENCES reform_report (id),
  filename    TEXT NOT NULL,
  media_type  TEXT NOT NULL,
  size        BIGINT NOT NULL,
  sha256      TEXT NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$')
);
CREATE INDEX reform_attachment_report_idx ON reform_attachment (report_id);
