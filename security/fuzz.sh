#!/usr/bin/env bash
# Fuzzes the parsers of untrusted input with Jazzer (mvn -Pfuzz), one target at a time, for the duration each
# @FuzzTest names (maxDuration = 60s), and prints the executions and findings of each. Not part of mvn verify:
# the fuzz tests carry JUnit's tag "jazzer", which the default build excludes.
#
#   security/fuzz.sh                    every target
#   security/fuzz.sh UploadsFuzzTests#detectAnyBytes     one target
#   FUZZ_REPLAY=1 security/fuzz.sh      replay the stored inputs only (regression mode, seconds)
#
# A finding fails the target's test; Jazzer keeps its input under src/test/resources/<package>/<Class>Inputs/
# (replayed from then on) and the generated corpus in .cifuzz-corpus/.
set -uo pipefail
cd "$(dirname "$0")/.."

TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(
    TaskSheetFuzzTests#arbitraryBytes
    TaskSheetFuzzTests#wellFormedTableWithArbitraryCells
    TaskSheetFuzzTests#workbookPartsWithArbitraryContent
    ApplicationFormFuzzTests#jsonBody
    ApplicationFormFuzzTests#formValues
    UploadsFuzzTests#detectAnyBytes
    UploadsFuzzTests#detectZipsWithMarkerEntries
  )
fi
[ -n "${FUZZ_REPLAY:-}" ] && unset JAZZER_FUZZ || export JAZZER_FUZZ=1
# coverage guidance from the product and the zip reader it relies on
export JAZZER_INSTRUMENT=${JAZZER_INSTRUMENT:-'org.tongban.**,org.apache.commons.compress.archivers.zip.**'}
LOGS=$(mktemp -d /tmp/tongban-fuzz.XXXXXX)
mvn -q -o test-compile -Pfuzz || mvn -q test-compile -Pfuzz

failed=0
printf '%-58s %10s %8s  %s\n' target executions seconds result
for target in "${TARGETS[@]}"; do
  log="$LOGS/${target//#/-}.log"
  mvn -o -Pfuzz test -Dtest="$target" -Dsurefire.failIfNoSpecifiedTests=false -Djacoco.skip=true >"$log" 2>&1
  rc=$?
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1)
  runs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+).*/\1/' <<<"$done_line")
  secs=$(sed -E 's/^Done ([0-9]+) runs in ([0-9]+).*/\2/' <<<"$done_line")
  if [ $rc -eq 0 ]; then result="no finding"; else result="FINDING or failure, see $log"; failed=1; fi
  printf '%-58s %10s %8s  %s\n' "$target" "${runs:-replay}" "${secs:--}" "$result"
done
echo "logs: $LOGS"
exit $failed
