#!/usr/bin/env bash
# Search benchmark: N generated guides (default 5000) indexed in the guidance search engine, then
# p50/p99 of a few hundred queries end to end, on 2 cores.
# Usage: bench/search.sh [guides] [queries] [real|noisy]   (real: every passage embedded, ≈ 4 min for 5,000)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -d target/classes/org/tongban/guidance ] || mvn -B -q -ntp compile
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
out=target/bench-classes
mkdir -p "$out"
javac -nowarn -encoding UTF-8 -d "$out" -cp "target/classes:$cp" bench/SearchBench.java
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM; $(java -version 2>&1 | head -1)"
# target/bench-classes first on the path, in the same package as target/classes: package-private access works
java -XX:ActiveProcessorCount=2 -Xmx2g -cp "$out:target/classes:$cp" org.tongban.guidance.SearchBench "${1:-5000}" "${2:-300}" "${3:-real}" 2>&1 \
  | grep -v -i -E 'cuda|onnxruntime|^\s*$|W:onnx'
