#!/usr/bin/env bash
# Dashboard benchmark: 65 tasks x 50 reports, then the leaders' dashboard timed on loopback.
# Starts the packaged jar on a fresh embedded PostgreSQL, runs bench/DashboardLoad.java, stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/tongban-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then mvn -B -q -ntp package -DskipTests; jar=$(ls target/tongban-*.jar | grep -v original | head -1); fi
data=$(mktemp -d /tmp/tongban-bench.XXXX)
port=18081
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM; $(java -version 2>&1 | head -1)"
TONGBAN_DEMO_ENABLED=true TONGBAN_DATA_DIR="$data" java -jar "$jar" --server.port=$port --logging.level.root=WARN > "$data/run.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$data"' EXIT
until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
  kill -0 $pid 2>/dev/null || { tail -30 "$data/run.log"; exit 1; }
  sleep 0.2
done
java bench/DashboardLoad.java "http://127.0.0.1:$port" "${1:-500}"
