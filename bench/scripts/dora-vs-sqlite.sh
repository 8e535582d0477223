#!/usr/bin/env bash
# `devops dora` against SQLite computing the same four DORA keys per service over the same 1,000,000 deployments,
# whole processes, alternating in one run (docs/benchmarks.md, "DORA against SQLite"). Builds the CLI (and its
# class-data-sharing archive) if missing, generates the CSV from ../shared/bench, imports it once into a ledger and
# into a SQLite database (neither timed), checks that both give the same figures, then runs each command RUNS times,
# alternating, and prints the medians of wall, user+system CPU and their ratios.
#
#   bench/scripts/dora-vs-sqlite.sh [runs]        # needs sqlite3 and python3 (apt-get install sqlite3)
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS="${1:-7}"
WORK=${WORK:-/tmp/dora-vs-sqlite}
CSV=$WORK/deployments-1m.csv
LEDGER=$WORK/ledger
DB=$WORK/deployments.db
JAR=cli/target/devops.jar
mkdir -p "$WORK"

[ -f "$JAR" ] && [ -f cli/target/devops-dora.jsa ] || mvn -B -ntp -q -Dno-plugin -pl core,cli -am package -DskipTests
[ -f "$CSV" ] || python3 ../shared/bench/make_deployments.py > "$CSV"
if [ ! -f "$LEDGER/deployments.idx" ]; then
  rm -rf "$LEDGER"
  java -Xmx100m -jar "$JAR" dora --ledger "$LEDGER" --import "$CSV" --at latest > /dev/null
fi
if [ ! -f "$DB" ]; then
  sqlite3 "$DB" \
    "CREATE TABLE deployments(id INTEGER, service TEXT, environment TEXT, result TEXT, finished_epoch_s INTEGER, commit_epoch_s INTEGER);" \
    ".import --csv --skip 1 $CSV deployments" \
    "CREATE INDEX series ON deployments(service, environment, finished_epoch_s);"
fi

DEVOPS=(cli/devops dora --ledger "$LEDGER" --at latest --window 3650d)       # the text table, as sqlite3 prints text
SQLITE=(sqlite3 -readonly "$DB")

# Same figures? (deployment frequency, lead time, change failure rate, recovery time of every service)
"${DEVOPS[@]}" --format json > "$WORK/devops.json"
"${SQLITE[@]}" < bench/scripts/dora-sqlite.sql > "$WORK/sqlite.out"
python3 - "$WORK/devops.json" "$WORK/sqlite.out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
ours = {(s['service'], s['environment']): s for s in d['services']}
rows = [l.strip().split('|') for l in open(sys.argv[2]) if l.strip()]
n = len(ours)
assert len(rows) == 4 * n, (len(rows), n)
keys = ['deploymentFrequency', 'leadTimeForChanges', 'changeFailureRate', 'failedDeploymentRecoveryTime']
for q, key in enumerate(keys):
    for service, env, value in rows[q * n:(q + 1) * n]:
        ours_v = ours[(service, env)][key]
        if abs(float(value) - float(ours_v)) > 1e-4 * max(1.0, abs(float(value))):
            sys.exit(f"{service}/{env} {key}: sqlite {value} devops {ours_v}")
print(f"same figures for {n} services: {', '.join(keys)}")
PY

: > "$WORK/times.txt"
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "sqlite %e %U %S" -a -o "$WORK/times.txt" "${SQLITE[@]}" < bench/scripts/dora-sqlite.sql > /dev/null
  /usr/bin/time -f "devops %e %U %S" -a -o "$WORK/times.txt" "${DEVOPS[@]}" > /dev/null
  /usr/bin/time -f "plainjvm %e %U %S" -a -o "$WORK/times.txt" java -jar "$JAR" dora --ledger "$LEDGER" --at latest --window 3650d > /dev/null
  /usr/bin/time -f "json %e %U %S" -a -o "$WORK/times.txt" "${DEVOPS[@]}" --format json > /dev/null
  /usr/bin/time -f "version %e %U %S" -a -o "$WORK/times.txt" cli/devops --version > /dev/null
done
python3 - "$WORK/times.txt" "$RUNS" <<'PY'
import statistics, sys
t = {}
for line in open(sys.argv[1]):
    name, wall, user, system = line.split()
    t.setdefault(name, []).append((float(wall), float(user) + float(system)))
med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in t.items()}
labels = {'sqlite': 'sqlite3, the 4 queries', 'devops': 'cli/devops dora (CDS + C1)',
          'plainjvm': 'java -jar devops.jar dora (no CDS)', 'json': 'cli/devops dora --format json',
          'version': 'cli/devops --version'}
print(f"runs: {sys.argv[2]} of each, alternating")
print(f"{'command':38s} {'wall median':>12s} {'CPU median':>11s} {'wall ratio':>11s} {'CPU ratio':>10s}")
for k in ['sqlite', 'devops', 'plainjvm', 'json', 'version']:
    w, c = med[k]
    print(f"{labels[k]:38s} {w:10.3f} s {c:9.3f} s {med['sqlite'][0] / w:10.1f}x {med['sqlite'][1] / c:9.1f}x")
PY
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
