#!/usr/bin/env bash
# Secret scan benchmark: `devops checklist --secrets-only` with exactly ../shared/bench/secret-rules.txt against
# `rg -c -f secret-rules.txt` on the same >= 200 MB source tree, same machine, same hyperfine run (runs alternate).
#
# Usage: bench/scripts/secret-scan-vs-ripgrep.sh [TREE] [RULES]
#   TREE   default /tmp/secretbench/tree; created from the JDK's lib/src.zip when missing (never committed)
#   RULES  default ../shared/bench/secret-rules.txt (relative to the repository root)
# Needs: java 17+, maven, ripgrep, hyperfine, unzip, python3. Writes /tmp/secretbench/results.json.
# The scan runs twice: through the `cli/devops` launcher (what users run: the class-data-sharing archive the build
# made for `checklist`, C1 only, serial GC) and as a plain `java -jar devops.jar` with the JVM's defaults.
# BUILTIN=1 adds the launcher with the built-in rules (about 90 rules with entropy, placeholder and stop-word
# filters; ripgrep cannot run them, so it is compared with the same ripgrep run).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
TREE=${1:-/tmp/secretbench/tree}
DEFAULT_RULES=$ROOT/../shared/bench/secret-rules.txt
[ -f "$DEFAULT_RULES" ] || DEFAULT_RULES=/work/shared/bench/secret-rules.txt
RULES=$(realpath "${2:-$DEFAULT_RULES}")
OUT=/tmp/secretbench
mkdir -p "$OUT"

if [ ! -d "$TREE" ]; then
  SRC_ZIP=$(ls /usr/lib/jvm/*/lib/src.zip 2>/dev/null | sort | tail -1)
  [ -n "$SRC_ZIP" ] || { echo "no JDK src.zip found; pass a source tree of >= 200 MB as TREE" >&2; exit 2; }
  echo "Unpacking $SRC_ZIP into $TREE"
  mkdir -p "$TREE"
  unzip -q -o "$SRC_ZIP" -d "$TREE/jdk"
fi
BYTES=$(du -sb --apparent-size "$TREE" | cut -f1)
copy=1
while [ "$BYTES" -lt $((200 * 1024 * 1024)) ]; do
  # Too small: add copies of the first unpacked tree until the total is at least 200 MB.
  cp -r "$TREE/jdk" "$TREE/jdk-copy-$copy"
  copy=$((copy + 1))
  BYTES=$(du -sb --apparent-size "$TREE" | cut -f1)
done
echo "Tree: $TREE, $((BYTES / 1024 / 1024)) MB, $(find "$TREE" -type f | wc -l) files; rules: $RULES"

JAR=$ROOT/cli/target/devops.jar
if [ ! -f "$JAR" ]; then
  mvn -B -ntp -q -Dno-plugin -pl cli -am package -DskipTests -Dspotless.check.skip=true
fi
[ -f "$ROOT/cli/target/devops-checklist.jsa" ] || echo "warning: no cli/target/devops-checklist.jsa (built with -DskipCds?): the launcher runs without it" >&2

# Exit code 1 (secrets found) is expected on real trees: -i keeps hyperfine going.
EXTRA=()
if [ "${BUILTIN:-0}" = 1 ]; then
  EXTRA=(-n "devops-builtin-rules" "$ROOT/cli/devops checklist $TREE --secrets-only --format text --out $OUT/findings-builtin.txt")
fi
echo "Load before: $(cut -d' ' -f1-3 /proc/loadavg)"
hyperfine -N -i --warmup 2 --runs "${RUNS:-10}" --export-json "$OUT/results.json" \
  -n ripgrep "rg -c -f $RULES $TREE" \
  -n "devops-secret-scan" "$ROOT/cli/devops checklist $TREE --rules $RULES --secrets-only --format text --out $OUT/findings.txt" \
  -n "java-jar" "java -jar $JAR checklist $TREE --rules $RULES --secrets-only --format text --out $OUT/findings-jar.txt" \
  "${EXTRA[@]}"
echo "Load after: $(cut -d' ' -f1-3 /proc/loadavg)"
cmp -s "$OUT/findings.txt" "$OUT/findings-jar.txt" || { echo "the launcher and java -jar reported different findings" >&2; exit 1; }

python3 - "$OUT/results.json" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
rg, scan = results["ripgrep"], results["devops-secret-scan"]
print(f"ripgrep            median {rg['median']:.3f} s  (user {rg['user']:.2f} s, system {rg['system']:.2f} s)")
print(f"devops secret scan median {scan['median']:.3f} s  (user {scan['user']:.2f} s, system {scan['system']:.2f} s)")
print(f"ratio (median devops / median ripgrep): {scan['median'] / rg['median']:.2f}  (goal: <= 1.50)")
print(f"CPU ratio (user+system): {(scan['user'] + scan['system']) / (rg['user'] + rg['system']):.2f}")
jar = results["java-jar"]
print(f"java -jar (JVM defaults) median {jar['median']:.3f} s  (user {jar['user']:.2f} s, system {jar['system']:.2f} s),"
      f" ratio to ripgrep {jar['median'] / rg['median']:.2f}")
if "devops-builtin-rules" in results:
    b = results["devops-builtin-rules"]
    print(f"devops built-in rules median {b['median']:.3f} s  (user {b['user']:.2f} s, system {b['system']:.2f} s),"
          f" ratio to ripgrep {b['median'] / rg['median']:.2f}")
PY
