-- The dashboard's "latest reports" reads the newest rows across all tasks.
CREATE INDEX reform_report_created_idx ON reform_report (created_at DESC);
