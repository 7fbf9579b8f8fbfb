#!/usr/bin/env bash
# Verifies a licence's detached SM2 signature (SM3withSM2) with only the public key.
#
#   scripts/verify-licence.sh public-key.pem canonical-data.json signature.b64
#
# Get the three files from GET /api/licences/{number}/signature (holder or staff), e.g. with jq:
#   curl -su citizen:… "$BASE/api/licences/$NUMBER/signature" > sig.json
#   jq -j .publicKeyPem sig.json > key.pem; jq -j .canonicalData sig.json > data.json; jq -j .signature sig.json > sig.b64
# (-j: no trailing newline — the signature covers the exact UTF-8 bytes of canonicalData.)
# Uses the packaged jar (TONGBAN_JAR or target/tongban-*.jar) or, in a checkout, the compiled classes.
# Exit code 0: signature good; 1: it does not match; 2: bad usage.
set -euo pipefail
[ $# -eq 3 ] || { echo "usage: $0 public-key.pem canonical-data.json signature.b64" >&2; exit 2; }
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${TONGBAN_JAR:-$(ls "$here"/target/tongban-*.jar 2>/dev/null | grep -v original | head -1 || true)}"
if [ -n "$jar" ] && [ -f "$jar" ]; then
  exec java -Dloader.main=org.tongban.licences.LicenceVerifier -cp "$jar" \
    org.springframework.boot.loader.launch.PropertiesLauncher "$@"
fi
cd "$here"
[ -d target/classes/org/tongban/licences ] || mvn -B -q -ntp compile
cp=$(mvn -B -q -ntp dependency:build-classpath -Dmdep.outputFile=/dev/stdout -Dmdep.includeScope=runtime)
cd - >/dev/null
exec java -cp "$here/target/classes:$cp" org.tongban.licences.LicenceVerifier "$@"
