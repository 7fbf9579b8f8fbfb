-- Materials a window clerk received on paper (original documents), recorded as such instead of a scan.
CREATE TABLE cases_paper_material (
    case_id      UUID        NOT NULL REFERENCES cases_case (id),
    material     TEXT        NOT NULL,
    received_by  TEXT        NOT NULL,
    received_at  TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (case_id, material)
);
