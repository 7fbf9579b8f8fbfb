#!/usr/bin/env bash
# Durability: submissions under load, kill -9 of the server mid-run, restart on the same data, then check
# that every answered submission exists exactly once, every open case is at a step with its deadline, and
# every case past its first action still has its running process. Prints PASS/FAIL, exit 1 on FAIL.
# Usage: bench/durability.sh [seconds=150] [kill-after=20] [threads=8]  (the load outlasts the restart, so
# requests cut off by the kill are retried with their Idempotency-Key)     env: REBUILD=1 to rebuild the jar
set -euo pipefail
source "$(dirname "$0")/lib.sh"
seconds=${1:-150}; kill_after=${2:-20}; threads=${3:-8}
bench_build
machine
port=18084; pgport=15484
data=$(mktemp -d /tmp/tongban-durability.XXXX)
base="http://127.0.0.1:$port"; jdbc="jdbc:postgresql://127.0.0.1:$pgport/postgres"
pid=
cleanup() {
  stop_server
  # the embedded PostgreSQL outlives a kill -9 of the JVM: stop whatever still runs on this data directory
  if [ -f "$data/postgres/postmaster.pid" ]; then kill "$(head -1 "$data/postgres/postmaster.pid")" 2>/dev/null || true; fi
  sleep 1; rm -rf "$data"
}
trap cleanup EXIT
start_server $port $pgport "$data"
wait_settled # demo accounts exist only once start-up work after health UP is done
echo "postgres: $(psql_at $pgport 'SHOW server_version') (embedded), synchronous_commit=$(psql_at $pgport 'SHOW synchronous_commit'), fsync=$(psql_at $pgport 'SHOW fsync'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx256m -cp "$cp" org.tongban.bench.SubmissionLoad "$base" /api/cases "$threads" 0 "$seconds" - "$data/answered.txt" &
driver=$!
# kill once at least kill-after seconds have passed and some submissions were answered (a slow, shared
# machine may still be signing the virtual users in)
t_load=$(date +%s)
sleep "$kill_after"
while [ "$(wc -l < "$data/answered.txt" 2>/dev/null || echo 0)" -lt 20 ] && (( $(date +%s) - t_load < 240 )); do sleep 1; done
echo "kill -9 $pid after ${kill_after}s ($(wc -l < "$data/answered.txt") answered so far)"
kill -9 $pid; wait $pid 2>/dev/null || true
pgpid=$(head -1 "$data/postgres/postmaster.pid" 2>/dev/null || true)
if [ -n "$pgpid" ] && kill -0 "$pgpid" 2>/dev/null; then
  # zonky's PostgreSQL is a child process that outlives the JVM and holds the data directory
  if [ -n "${KILL_PG:-}" ]; then
    # both processes die: kill -9 the postmaster and its backends. The operating system survives, so its page
    # cache does too; a real power cut is harsher: with zonky's synchronous_commit=off and fsync=off it can
    # lose acknowledged commits or corrupt the cluster, which this script cannot show
    children=$(ps -o pid= --ppid "$pgpid" || true)
    echo "kill -9 embedded PostgreSQL $pgpid and its $(echo $children | wc -w) processes too (KILL_PG; the OS page cache survives)"
    kill -9 "$pgpid" $children 2>/dev/null || true
    while kill -0 "$pgpid" 2>/dev/null; do sleep 0.2; done
  else
    # the restarted product finds it holding the data directory and stops it before starting its own
    echo "embedded PostgreSQL $pgpid survived the JVM; left running for the restart to stop (KILL_PG=1 kills it too)"
  fi
fi
t0=$(date +%s)
start_server $port $pgport "$data"
echo "restarted and ready in $(( $(date +%s) - t0 )) s"
wait $driver || echo "load driver ended with $?"
java -Xmx256m -cp "$cp" org.tongban.bench.DurabilityCheck "$jdbc" "$data/answered.txt"
