#!/usr/bin/env bash
# Submission throughput: POST /api/cases (validate, persist the case at its first step with its idempotency key,
# timeline, audit entry and event publication, 201; the process starts with the window's first action) against
# two baselines on the same sessions: /api/bench/insert (one INSERT) and /api/bench/cases-sync (the process
# started in the request, before the 201). Then the window's first action on the cases of each run (accept:
# starting the process there, or finding it started), and the Flowable history levels none / audit on the
# process start. Each history level gets a fresh embedded PostgreSQL.
# Usage: bench/submissions.sh [threads=16] [seconds=30] [warmup=10]     env: LEVELS, CLERKS (default 8)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
threads=${1:-16}; seconds=${2:-30}; warmup=${3:-10}; clerks=${CLERKS:-8}
bench_build
machine
port=18082; pgport=15482
base="http://127.0.0.1:$port"
jdbc="jdbc:postgresql://127.0.0.1:$pgport/postgres"
pid=
trap 'stop_server; rm -rf "${data:-/nonexistent}"' EXIT

load() { java -Xmx512m -cp "$cp" org.tongban.bench.SubmissionLoad "$base" "$1" "$threads" "$warmup" "$seconds" "${2:--}" ${3:-}; }
accept() { java -Xmx512m -cp "$cp" org.tongban.bench.AcceptLoad "$base" "$1" "$clerks" "$seconds" "$2"; }

for level in ${LEVELS:-activity none audit}; do
  data=$(mktemp -d /tmp/tongban-subm.XXXX)
  start_server $port $pgport "$data" --bench-api --flowable.history-level=$level
  wait_settled
  echo "== flowable.history-level=$level  ($threads virtual users, ${warmup}s warm-up + ${seconds}s measured each)"
  set_sync_commit $pgport
  if [ "$level" = activity ]; then
    load /api/bench/insert | tee "$data/insert.txt"
    load /api/cases "$jdbc" "$data/lazy.ids" | tee "$data/cases.txt"
    load /api/bench/cases-sync "$jdbc" "$data/sync.ids"
    ins=$(grep -o '[0-9.]*/s' "$data/insert.txt" | head -1 | tr -d /s)
    cas=$(grep -o '[0-9.]*/s' "$data/cases.txt" | head -1 | tr -d /s)
    echo "ratio: POST /api/cases reaches $(echo "scale=2; $cas / $ins" | bc) of the bare one-INSERT endpoint's throughput"
    accept "$data/lazy.ids" "process started by the acceptance"
    accept "$data/sync.ids" "process started at submission"
  else
    load /api/bench/cases-sync "$jdbc"
  fi
  psql_at $pgport "SELECT 'database totals for this server since start-up (pg_stat_database): ' || xact_commit || ' commits, ' || tup_inserted || ' rows inserted, ' || tup_updated || ' rows updated' FROM pg_stat_database WHERE datname = 'postgres'"
  stop_server
  rm -rf "$data"
done
