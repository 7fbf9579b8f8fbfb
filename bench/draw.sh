#!/usr/bin/env bash
# 双随机 draw benchmark: the algorithm over N graded entities and M inspectors (default 200,000 and 3,000), then
# (with "db") the product on a fresh embedded PostgreSQL: a demo district of N entities loaded with COPY,
# regrading all after a rule change, making a plan and drawing it as the endpoint does.
# Usage: bench/draw.sh [entities] [inspectors] [db]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp test-compile
cpfile=$(mktemp); trap 'rm -f "$cpfile"' EXIT
mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile="$cpfile" -Dmdep.includeScope=test >/dev/null
cp=$(cat "$cpfile")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM; $(java -version 2>&1 | head -1)"
java -XX:ActiveProcessorCount=2 -Xmx2g -cp "target/test-classes:target/classes:$cp" \
  org.tongban.supervision.DrawBench "${1:-200000}" "${2:-3000}" ${3:-}
