#!/usr/bin/env bash
# Start-up benchmark: to /actuator/health UP, on the embedded PostgreSQL. The first run starts the packaged jar
# from an empty data directory (initdb + migrations + demo data); the warm runs reuse it, alternating the packaged
# jar and the production layout of scripts/cds.sh (extracted jar + AppCDS archive), so both see the same machine.
# Usage: bench/startup.sh [warm-runs]   (builds the jar if missing; makes the CDS archive in a temporary folder)
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

one_run() { # one_run [java options and jar]
  local start end pid
  start=$(date +%s%N)
  TONGBAN_DEMO_ENABLED=true TONGBAN_DATA_DIR="$data" java ${@:--jar $jar} --server.port=$port > "$data/run.log" 2>&1 &
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
cds=$(mktemp -d /tmp/tongban-cds-bench.XXXX)
scripts/cds.sh "$cds/app" | tail -2
cds_run="-XX:SharedArchiveFile=$cds/app/tongban.jsa -jar $cds/app/$(basename "$jar")"
median() { local sorted=($(printf '%s\n' "$@" | sort -n)); echo "${sorted[$(( ${#sorted[@]} / 2 ))]} ms  (min ${sorted[0]}, max ${sorted[-1]}, n=${#sorted[@]})"; }
warm=(); warm_cds=()
for i in $(seq 1 "$runs"); do
  warm+=("$(one_run)"); warm_cds+=("$(one_run $cds_run)")
  echo "warm start $i: packaged jar ${warm[-1]} ms, extracted + CDS ${warm_cds[-1]} ms"
done
echo "warm start median, packaged jar (java -jar): $(median "${warm[@]}")"
echo "warm start median, extracted + CDS (scripts/cds.sh): $(median "${warm_cds[@]}")"
rm -rf "$data" "$cds"
