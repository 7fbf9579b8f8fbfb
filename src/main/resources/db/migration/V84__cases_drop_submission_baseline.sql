-- The submissions benchmark's scratch table (one INSERT per request, the baseline for POST /api/cases) used to be
-- created by the bench endpoint inside the product, on any database where tongban.bench.enabled=true was set.
-- The endpoint and its table now live only with the benchmark (src/test/java/org/tongban/bench/server,
-- src/test/resources/db/bench), so a production database holds no copy of it.
DROP TABLE IF EXISTS bench_insert;
