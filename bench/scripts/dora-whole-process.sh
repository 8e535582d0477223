#!/usr/bin/env bash
# Whole-process timing of `devops dora` on the 1,000,000-row benchmark file (docs/benchmarks.md,
# "Ledger, DORA and events"). Builds the CLI, generates the CSV into /tmp if missing, imports it into a ledger
# once (not timed by hyperfine), then times the report with hyperfine and peak memory with /usr/bin/time -v.
#
#   bench/scripts/dora-whole-process.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-10}"
CSV=/tmp/deployments-1m.csv
LEDGER=/tmp/devops-ledger-1m
JAR=cli/target/devops.jar

[ -f "$JAR" ] || mvn -B -ntp -q -Dno-plugin -pl core,cli -am package -DskipTests
[ -f "$CSV" ] || python3 ../shared/bench/make_deployments.py > "$CSV"
if [ ! -f "$LEDGER/deployments.idx" ]; then
  rm -rf "$LEDGER"
  /usr/bin/time -f "import: %e s wall, %M KB max RSS" \
    java -Xmx100m -jar "$JAR" dora --ledger "$LEDGER" --import "$CSV" --at latest > /dev/null
fi
ls -l "$LEDGER"

hyperfine --warmup 2 --runs "$RUNS" --export-markdown /tmp/dora-hyperfine.md \
  -n "devops --version (JVM + picocli only)" "java -jar $JAR --version" \
  -n "dora 30d window" "java -Xmx100m -jar $JAR dora --ledger $LEDGER --at latest" \
  -n "dora all 1M rows (3650d)" "java -Xmx100m -jar $JAR dora --ledger $LEDGER --at latest --window 3650d" \
  -n "dora all 1M rows, json" "java -Xmx100m -jar $JAR dora --ledger $LEDGER --at latest --window 3650d --format json"
cat /tmp/dora-hyperfine.md

for window in 30d 3650d; do
  /usr/bin/time -f "dora $window: %e s wall, %U s user, %M KB max RSS" \
    java -Xmx100m -jar "$JAR" dora --ledger "$LEDGER" --at latest --window "$window" > /dev/null
done
