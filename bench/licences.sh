#!/usr/bin/env bash
# Licence benchmark: warm PDF generation per licence (openhtmltopdf + embedded Noto Sans SC subset, seal,
# QR code; no cache) and SM2 sign + verify per licence, on 2 cores.
# Usage: bench/licences.sh [licences]   (default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -ntp test-compile
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/{print $2}') GiB RAM; $(java -version 2>&1 | head -1)"
java -XX:ActiveProcessorCount=2 -Xmx1g -Djava.awt.headless=true -cp "target/test-classes:target/classes:$cp" \
  org.tongban.licences.LicenceBench "${1:-200}"
