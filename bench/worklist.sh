#!/usr/bin/env bash
# Work lists on 1,000,000 cases: seeds them with SQL (bench/sql/worklist-seed.sql), prints EXPLAIN ANALYZE
# of both queries, then times GET /api/cases?mine=true (citizen) and GET /api/worklist (clerk) over HTTP.
# Usage: bench/worklist.sh [samples=1000]
set -euo pipefail
source "$(dirname "$0")/lib.sh"
samples=${1:-1000}
bench_build
machine
port=18083; pgport=15483
data=$(mktemp -d /tmp/tongban-worklist.XXXX)
pid=
trap 'stop_server; rm -rf "$data"' EXIT
start_server $port $pgport "$data"
wait_settled
echo "postgres: $(psql_at $pgport 'SHOW server_version') (embedded); load average $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s)
psql -X -q -h 127.0.0.1 -p $pgport -U postgres postgres -f bench/sql/worklist-seed.sql
echo "seeded in $(( $(date +%s) - t0 )) s: $(psql_at $pgport "SELECT count(*) || ' cases, ' || count(*) FILTER (WHERE step_role IS NOT NULL) || ' open, ' || count(DISTINCT owner) || ' owners, citizen ' || count(*) FILTER (WHERE owner = 'citizen') FROM cases_case")"
explain() { echo "-- $1"; psql -X -h 127.0.0.1 -p $pgport -U postgres postgres -c "EXPLAIN (ANALYZE, BUFFERS) $2" | sed 's/^/   /'; }
explain "my cases (Cases.mine)" "SELECT id, item_code, item_name, situation_code, situation_name, status, created_at, submitted_at
  FROM cases_case WHERE owner = 'citizen' ORDER BY created_at DESC LIMIT 200"
explain "clerk's work list (Worklist.of)" "SELECT id, item_code, item_name, situation_name, applicant_name, channel, status, step, assignee, due_on
  FROM cases_case WHERE step_role = ANY('{CLERK}'::text[]) AND (assignee IS NULL OR assignee = 'clerk')
  ORDER BY due_on NULLS LAST, id LIMIT 100"
java -Xmx256m -cp "$cp" org.tongban.bench.WorklistLoad "http://127.0.0.1:$port" "$samples" "jdbc:postgresql://127.0.0.1:$pgport/postgres"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
