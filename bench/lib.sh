# Shared by the cases benchmarks: build, classpath, machine line, starting and stopping the jar.
# Sourced, not run. JAR=path (and BENCH_CLASSES=dir, a copy of target/test-classes) run a copy while target/ is
# rebuilt. Every server gets a fresh TONGBAN_DATA_DIR (its own embedded PostgreSQL).
cd "$(dirname "${BASH_SOURCE[0]}")/.."
root=$(pwd)

bench_build() {
  classes=$(realpath -m "${BENCH_CLASSES:-target/test-classes}")
  if [ -n "${JAR:-}" ]; then jar=$JAR; cp="$classes:$(cat target/bench.classpath)"; return; fi
  jar=$(ls target/tongban-*.jar 2>/dev/null | grep -v original | head -1 || true)
  if [ -z "$jar" ] || [ ! -d target/test-classes/org/tongban/bench/server ] || [ -n "${REBUILD:-}" ]; then
    mvn -B -q -ntp -DskipTests package
    jar=$(ls target/tongban-*.jar | grep -v original | head -1)
  fi
  [ -f target/bench.classpath ] || mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=runtime
  cp="$classes:$(cat target/bench.classpath)"
}

machine() {
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM; $(java -version 2>&1 | head -1)"
}

# start_server PORT PGPORT DATADIR [--bench-api] [extra args...]; sets $pid. Starts the packaged jar as it ships.
# --bench-api: the production jar has no bench code; the bench endpoints (/api/bench/*, BenchApi) and the
# migration of their table are in the test sources (org/tongban/bench/server, db/bench). Only those are copied
# to DATADIR/bench-api, and the same jar is started through Spring Boot's PropertiesLauncher with that folder on
# loader.path, the switch that turns the endpoints on and db/bench added to the migration locations.
start_server() {
  local port=$1 pgport=$2 data=$3; shift 3
  local launch=(-jar "$(realpath "$jar")")
  if [ "${1:-}" = --bench-api ]; then
    shift
    local extra="$data/bench-api"
    mkdir -p "$extra/org/tongban/bench" "$extra/db"
    cp -r "$classes/org/tongban/bench/server" "$extra/org/tongban/bench/"
    cp -r "$classes/db/bench" "$extra/db/"
    launch=(-cp "$(realpath "$jar")" -Dloader.path="$extra" org.springframework.boot.loader.launch.PropertiesLauncher
      --tongban.bench.enabled=true --spring.flyway.locations=classpath:db/migration,classpath:db/bench)
  fi
  # the benchmarks sign in with the demo accounts: demo mode is asked for (a packaged jar never turns it on)
  TONGBAN_DEMO_ENABLED=true TONGBAN_DATA_DIR="$data" java ${JAVA_OPTS:-} "${launch[@]}" --server.port=$port \
    --tongban.embedded-postgres.port=$pgport --logging.level.root=WARN --logging.level.org.tongban.guidance.GuideSearch=INFO "$@" >> "$data/run.log" 2>&1 &
  pid=$!
  wait_ready $port
}

wait_ready() {
  local port=$1 t0=$(date +%s)
  until curl -sf "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"UP"'; do
    if ! kill -0 $pid 2>/dev/null; then echo "server died:"; tail -40 "$data/run.log"; exit 1; fi
    if (( $(date +%s) - t0 > 900 )); then echo "server not ready after 900 s"; tail -40 "$data/run.log"; exit 1; fi
    sleep 0.2
  done
}

stop_server() {
  if [ -n "${pid:-}" ] && kill -0 $pid 2>/dev/null; then kill $pid; wait $pid 2>/dev/null || true; fi
  pid=
}

psql_at() { # psql_at PGPORT SQL
  psql -X -q -t -A -h 127.0.0.1 -p "$1" -U postgres postgres -c "$2"
}

# The embedded PostgreSQL (zonky) is started with synchronous_commit=off and fsync=off on its command line,
# which ALTER SYSTEM cannot override: the figures are for that configuration, as the product ships it.
set_sync_commit() {
  echo "postgres: $(psql_at "$1" 'SHOW server_version') (embedded), synchronous_commit=$(psql_at "$1" 'SHOW synchronous_commit'), fsync=$(psql_at "$1" 'SHOW fsync'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
}

# After /actuator/health is UP the product still loads demo data and embeds the guides for search
# (a minute of CPU on a fresh data directory); a benchmark started then measures that work too.
wait_settled() {
  local t0=$(date +%s)
  until grep -q "Search: embedded" "$data/run.log"; do
    if (( $(date +%s) - t0 > 400 )); then echo "search embedding not finished after 400 s, going on"; return; fi
    sleep 1
  done
  echo "settled: demo data and search index ready $(( $(date +%s) - t0 )) s after health UP"
}
