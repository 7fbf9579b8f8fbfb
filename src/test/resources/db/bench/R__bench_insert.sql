-- The submissions benchmark's baseline table (BenchApi: POST /api/bench/insert), never in a production database.
-- bench/lib.sh adds this location to spring.flyway.locations only for the server it starts for the benchmark.
-- Repeatable, so it runs after every versioned migration (V84__cases_drop_submission_baseline drops any old
-- copy of this table) and never takes a version number a production migration will want.
CREATE TABLE IF NOT EXISTS bench_insert (
  id         UUID PRIMARY KEY,
  owner      TEXT        NOT NULL,
  item_code  TEXT,
  body       JSONB       NOT NULL,
  created_at TIMESTAMPTZ NOT NULL
);
