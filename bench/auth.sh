#!/usr/bin/env bash
# What authenticating an API call costs: GET /api/me with HTTP Basic (BCrypt per call), an API token (Bearer,
# one indexed SHA-256 lookup) and a session cookie, under closed-loop load, then one thread alone.
# Usage: bench/auth.sh [threads=4] [seconds=15] [warmup=3]. Java: src/test/java/org/tongban/bench/AuthLoad.java
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_build
machine
port=18086; pgport=15486
data=$(mktemp -d /tmp/tongban-auth.XXXX)
pid=
trap 'stop_server; rm -rf "$data"' EXIT
# the bench's sign-ins and calls all come from 127.0.0.1: the per-address sign-in limit stays, it only counts failures
start_server $port $pgport "$data"
wait_settled
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx256m -cp "$cp" org.tongban.bench.AuthLoad "http://127.0.0.1:$port" "${1:-4}" "${2:-15}" "${3:-3}"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
