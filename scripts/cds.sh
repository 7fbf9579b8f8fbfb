#!/usr/bin/env bash
# The production layout for a faster start: the packaged jar extracted (its libraries as plain jars, so no
# nested-jar class loading) plus an AppCDS archive of the classes a start loads, made by one training run that
# starts the application context on a throw-away embedded database and exits once it is refreshed.
# Usage: scripts/cds.sh [destination=target/app]   (builds the jar if missing; run again after every build)
# Then start with the command it prints. The archive only works with the same JDK and the same jar path; with
# any other it is ignored with a warning and the product starts as usual, only slower.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=$(ls target/tongban-*.jar 2>/dev/null | grep -v original | head -1 || true)
if [ -z "$jar" ]; then mvn -B -q -ntp package -DskipTests; jar=$(ls target/tongban-*.jar | grep -v original | head -1); fi
out=${1:-target/app}
rm -rf "$out"
java -Djarmode=tools -jar "$jar" extract --destination "$out"
out=$(realpath "$out")
app="$out/$(basename "$jar")"
train=$(mktemp -d /tmp/tongban-cds.XXXX)
# a datasource in the environment would make the training run migrate that database: train on its own
env -u SPRING_DATASOURCE_URL -u SPRING_DATASOURCE_USERNAME -u SPRING_DATASOURCE_PASSWORD TONGBAN_DEMO_ENABLED=true TONGBAN_DATA_DIR="$train" \
  java -XX:ArchiveClassesAtExit="$out/tongban.jsa" -Xlog:cds=error -Dspring.context.exit=onRefresh -jar "$app" \
  --server.port=0 --tongban.scheduling.enabled=false > "$train/training.log" 2>&1 \
  || { echo "training run failed:"; tail -30 "$train/training.log"; exit 1; }
# an exit right after refresh skips the shutdown handler that stops the embedded PostgreSQL
if [ -f "$train/postgres/postmaster.pid" ]; then
  pg=$(head -1 "$train/postgres/postmaster.pid")
  kill "$pg" 2>/dev/null || true
  while kill -0 "$pg" 2>/dev/null; do sleep 0.2; done
fi
rm -rf "$train"
echo "archive: $out/tongban.jsa ($(du -h "$out/tongban.jsa" | cut -f1))"
echo "start with: java -XX:SharedArchiveFile=$out/tongban.jsa -jar $app"
