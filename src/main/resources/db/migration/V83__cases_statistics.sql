-- the annual report reads the cases submitted in one year (CaseStatistics)
CREATE INDEX cases_case_submitted_idx ON cases_case (submitted_at, item_code) WHERE submitted_at IS NOT NULL;
