#!/usr/bin/env bash
# Archive benchmark: N real completed cases (default 10,000) with a 50–200 KB PDF material each, archived by
# the builder job (throughput, disk per case), then a full fixity check (time per 10,000 packages).
# Starts the application on a fresh embedded PostgreSQL in a temporary directory, removed afterwards.
# Usage: bench/archive.sh [cases]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp test-compile
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=test)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM; $(java -version 2>&1 | head -1)"
java -XX:ActiveProcessorCount="$(nproc)" -Xmx2g -Djava.awt.headless=true -Duser.timezone=Asia/Shanghai \
  -cp "target/test-classes:target/classes:$cp" org.tongban.archive.ArchiveBench "${1:-10000}" 2>&1 \
  | grep -v -i -E 'cuda|onnxruntime|^\s*$|W:onnx'
