#!/usr/bin/env bash
# Runs Debian's sqlmap against every parameter of every API operation of a running instance and prints
# "N operations, M parameters, K injectable". Not part of the unit suite (it takes about 15-30 minutes).
# It changes data (it submits, acts on and edits records): point it only at a throwaway demo instance.
#
#   security/sqlmap.sh                  start a throwaway demo instance on 127.0.0.1:18080 (fresh data dir)
#   TONGBAN_URL=http://127.0.0.1:8080 security/sqlmap.sh    use a running demo instance (loopback only)
#
# Settings: SQLMAP_LEVEL (2), SQLMAP_RISK (1), SQLMAP_TIMEOUT per parameter in seconds (120),
# SQLMAP_JOBS parallel sqlmap processes (3). Exit status 1 when any parameter is injectable.
set -euo pipefail
cd "$(dirname "$0")/.."

LEVEL=${SQLMAP_LEVEL:-2}
RISK=${SQLMAP_RISK:-1}
PER_PARAM=${SQLMAP_TIMEOUT:-120}
JOBS=${SQLMAP_JOBS:-3}
URL=${TONGBAN_URL:-http://127.0.0.1:18080}
WORK=$(mktemp -d /tmp/tongban-sqlmap.XXXXXX)
echo "work directory: $WORK"

case "$URL" in
  http://127.0.0.1:*|http://localhost:*|http://\[::1\]:*) ;;
  *) echo "refusing to scan $URL: loopback only" >&2; exit 2 ;;
esac

if ! command -v sqlmap >/dev/null; then
  apt-get update -qq && apt-get install -y -qq sqlmap >/dev/null
fi

APP_PID=
cleanup() { if [ -n "$APP_PID" ]; then kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; fi; }
trap cleanup EXIT

if ! curl -fsS "$URL/actuator/health" >/dev/null 2>&1; then
  [ -n "${TONGBAN_URL:-}" ] && { echo "no instance answers at $URL" >&2; exit 2; }
  JAR=$(ls target/tongban-*.jar 2>/dev/null | head -1 || true)
  if [ -z "$JAR" ]; then mvn -q package -DskipTests; JAR=$(ls target/tongban-*.jar | head -1); fi
  PORT=${URL##*:}
  echo "starting $JAR on 127.0.0.1:$PORT (demo data, data dir $WORK/data)"
  TONGBAN_DEMO_ENABLED=true TONGBAN_DATA_DIR="$WORK/data" java -jar "$JAR" \
    --server.address=127.0.0.1 --server.port="$PORT" --tongban.demo.enabled=true >"$WORK/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1 600); do
    curl -fsS "$URL/actuator/health" >/dev/null 2>&1 && break
    kill -0 "$APP_PID" 2>/dev/null || { echo "instance failed to start, see $WORK/app.log" >&2; exit 2; }
    sleep 1
  done
  curl -fsS "$URL/actuator/health" >/dev/null
fi

read -r OPERATIONS PARAMETERS < <(python3 security/sqlmap_targets.py "$URL" "$WORK/targets.tsv")
echo "$OPERATIONS API operations, $PARAMETERS parameters to test (level $LEVEL, risk $RISK)"

run_one() {
  local n=$1 line=$2
  local op param user status args
  IFS=$'\t' read -r op param user status args <<<"$line"
  mapfile -t argv < <(python3 -c 'import json,sys; print("\n".join(json.loads(sys.argv[1])))' "$args")
  local out="$WORK/runs/$n"
  mkdir -p "$out"
  printf '%s\t%s\t%s\t%s\n' "$op" "$param" "$user" "$status" >"$out/target"
  timeout "$PER_PARAM" sqlmap "${argv[@]}" --batch --level="$LEVEL" --risk="$RISK" --dbms=PostgreSQL \
    --flush-session --drop-set-cookie --disable-coloring --output-dir="$out/session" \
    --ignore-code=400,401,403,404,405,409,413,415,422,429,500 >"$out/log" 2>&1
  echo $? >"$out/rc"
}
export -f run_one
export WORK LEVEL RISK PER_PARAM
started=$(date +%s)
nl -ba -w1 -s$'\t' "$WORK/targets.tsv" | while IFS=$'\t' read -r n rest; do printf '%s\0%s\0' "$n" "$rest"; done \
  | xargs -0 -n2 -P "$JOBS" bash -c 'run_one "$1" "$2"' _
elapsed=$(( $(date +%s) - started ))

injectable=0; timed_out=0
for d in "$WORK"/runs/*/; do
  if grep -q 'identified the following injection point' "$d/log"; then
    injectable=$((injectable + 1)); echo "INJECTABLE: $(cat "$d/target")"
  fi
  [ "$(cat "$d/rc")" = 124 ] && { timed_out=$((timed_out + 1)); echo "timed out: $(cat "$d/target")"; }
done
echo "baseline answers (HTTP status of the unmodified request: parameters):" \
  "$(cut -f4 "$WORK/targets.tsv" | sort | uniq -c | awk '{printf "%s: %s  ", $2, $1}')"
echo "not injected (no text parameter): $(grep -c . "$WORK/targets.tsv.skipped" || true) operation parts, see $WORK/targets.tsv.skipped"
echo "sqlmap $(sqlmap --version 2>/dev/null | tail -1), level $LEVEL, risk $RISK, ${elapsed}s, $timed_out timed out"
echo "$OPERATIONS operations, $PARAMETERS parameters, $injectable injectable"
[ "$injectable" -eq 0 ]
