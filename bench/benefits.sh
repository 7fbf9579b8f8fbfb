#!/usr/bin/env bash
# 免申即享 benchmark: a synthetic Pudong of N residents (default 5,800,000) loaded with COPY, two full matches of the
# four programmes (the second on unchanged data: nothing created, nothing notified), DuckDB running the same facts
# and translated rules over the same data exported in the same run, and the incremental match of one person.
# Embedded PostgreSQL by default; on a server: SPRING_DATASOURCE_URL=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=…
# SPRING_DATASOURCE_USERNAME=postgres bench/benefits.sh
# Usage: bench/benefits.sh [residents]   (BENCH_REUSE=1 keeps the registers an earlier run loaded)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp test-compile
cpfile=$(mktemp); trap 'rm -f "$cpfile"' EXIT
mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >/dev/null
cp=$(cat "$cpfile")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM; $(java -version 2>&1 | head -1)"
java -XX:ActiveProcessorCount=2 -Xmx2g -cp "target/test-classes:target/classes:$cp" \
  org.tongban.benefits.BenefitsBench "${1:-5800000}"
