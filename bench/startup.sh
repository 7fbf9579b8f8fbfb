#!/usr/bin/env bash
# Start-up benchmark: packaged jar to /actuator/health UP, on the embedded PostgreSQL.
# The first run starts from an empty data directory (initdb + migrations + demo data); the warm runs reuse it.
# Usage: bench/startup.sh [warm-runs]   (builds the jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=$(ls target/tongban-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then mvn -B -q -ntp package -DskipTests; jar=$(ls target/tongban-*.jar | grep -v original | head -1); fi
data=$(mktemp -d /tmp/tongban-bench.XXXX)
port=18080

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM"
echo "java:    $(java -version 2>&1 | head -1)"
echo "jar:     $jar ($(du -h "$jar" | cut -f1))"

one_run() {
  local start end pid
  start=$(date +%s%N)
  TONGBAN_DATA_DIR="$data" java -jar "$jar" --server.port=$port > "$data/run.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 $pid 2>/dev/null; then echo "start-up failed:"; tail -30 "$data/run.log"; exit 1; fi
    sleep 0.05
  done
  end=$(date +%s%N)
  kill $pid; wait $pid 2>/dev/null || true
  echo $(( (end - start) / 1000000 ))
}

first=$(one_run)
echo "first start (empty data dir): ${first} ms"
warm=()
for i in $(seq 1 "$runs"); do warm+=("$(one_run)"); echo "warm start $i: ${warm[-1]} ms"; done
sorted=($(printf '%s\n' "${warm[@]}" | sort -n))
echo "warm start median: ${sorted[$(( ${#sorted[@]} / 2 ))]} ms  (min ${sorted[0]}, max ${sorted[-1]}, n=${#sorted[@]})"
rm -rf "$data"
