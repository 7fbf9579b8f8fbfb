-- Rate-limit buckets (Bucket4j's PostgreSQL backend, select-for-update): one row per limit and client, so that
-- every instance counts against the same bucket. expires_at (epoch milliseconds) is when the bucket is full
-- again; the clean-up job deletes rows past it.
CREATE TABLE shared_rate_limit_bucket
(
  id         VARCHAR(200) NOT NULL PRIMARY KEY,
  state      BYTEA,
  expires_at BIGINT
);
CREATE INDEX shared_rate_limit_bucket_expires_idx ON shared_rate_limit_bucket (expires_at);
