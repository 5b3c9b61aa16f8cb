#!/usr/bin/env bash
# The full-scale benchmark of issue 10, side by side in one run: generates the Kaggle-size synthetic
# data (307,511 + 48,744 applicants, 58 M child rows), runs the pandas reference feature script and
# our pipeline on the same CSV folder, imports it, opens it with a 2 GB heap (explain, the
# scoring bench, score), and, with --train, trains on it. Prints one table: ours, pandas, ratio, goal.
#
#   bench/fullscale.sh [--work DIR] [--train] [--keep]
#
# Needs: the built jars (mvn -B -q -DskipTests install), python3 with pandas (Debian:
# apt-get install -y python3-pandas; PYTHON=/path/to/python3 to choose one), GNU time
# (/usr/bin/time), about 6 GB of disk in the work folder. About 10 minutes on 2 cores without
# --train, 30 more with it.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=/tmp/creditdesk-fullscale
TRAIN=0
KEEP=0
while [ $# -gt 0 ]; do
  case "$1" in
    --work) WORK=$2; shift 2 ;;
    --train) TRAIN=1; shift ;;
    --keep) KEEP=1; shift ;;
    *) echo "usage: bench/fullscale.sh [--work DIR] [--train] [--keep]" >&2; exit 2 ;;
  esac
done
JAR=$ROOT/cli/target/creditdesk.jar
REFERENCE=$ROOT/../shared/reference/kernel_features.py
PYTHON=${PYTHON:-}
if [ -z "$PYTHON" ]; then
  for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c "import pandas" 2>/dev/null; then PYTHON=$candidate; break; fi
  done
fi
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests install" >&2; exit 1; }
[ -n "$PYTHON" ] || { echo "needs python3 with pandas (Debian: apt-get install -y python3-pandas), or PYTHON=..." >&2; exit 1; }
[ -f "$REFERENCE" ] || { echo "the pandas reference script is missing: $REFERENCE" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time; Debian: apt-get install -y time)" >&2; exit 1; }
mkdir -p "$WORK"
LOG=$WORK/logs
mkdir -p "$LOG"

source bench/lib.sh

if [ ! -f "$WORK/csv/application_train.csv" ]; then
  run generate java -jar "$JAR" generate --clients 307511 --test-clients 48744 --seed 42 --out "$WORK/csv" --replace
fi
run pandas "$PYTHON" "$REFERENCE" "$WORK/csv"
run ours-csv java -jar "$JAR" score --data "$WORK/csv" --model models/default --out "$WORK/scores-csv.csv" --replace
run import java -jar "$JAR" import --from "$WORK/csv" --to "$WORK/ds" --replace
run ours-dataset java -Xmx2g -jar "$JAR" score --data "$WORK/ds" --model models/default --out "$WORK/scores-ds.csv" --replace
run explain java -Xmx2g -jar "$JAR" explain --data "$WORK/ds" --model models/default --client 100002 --no-peers
run bench-scoring java -Xmx2g -jar "$JAR" bench-scoring --data "$WORK/ds" --model models/default
if [ "$TRAIN" = 1 ]; then
  run train java -jar "$JAR" train --data "$WORK/ds" --out "$WORK/model" --replace --tune off
fi
cmp -s "$WORK/scores-csv.csv" "$WORK/scores-ds.csv" && SAME=yes || SAME=NO

B=$LOG/bench-scoring.txt
p99=$(awk '/explain \(features/ { print $(NF-1) }' "$B")
heap=$(awk '/heap in use after opening/ { gsub(",", "", $0); for (i = 1; i <= NF; i++) if ($i == "MB") { print $(i-1); exit } }' "$B")
peers=$(awk '/peer index built in/ { print $5 }' "$B")
peers_read=$(awk '/peer index built in/ { for (i = 1; i <= NF; i++) if ($i == "cache" && $(i+1) == "in") { print $(i+2); exit } }' "$B")
opened=$(awk '/opened and indexed in/ { print $(NF-1) }' "$B")
echo
echo "CreditDesk full-scale benchmark, $(date -u +%Y-%m-%d), $(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(java -version 2>&1 | head -1)"
printf '%-58s %12s %12s %8s %s\n' "step" "ours" "pandas" "ratio" "goal"
printf '%-58s %11ss %11ss %8s %s\n' "CSV folder -> features (+ scores), wall" "${WALL[ours-csv]}" "${WALL[pandas]}" "$(ratio "${WALL[ours-csv]}" "${WALL[pandas]}")" "<= 0.5"
printf '%-58s %10sMB %10sMB %8s %s\n' "  peak RSS" "${RSS[ours-csv]}" "${RSS[pandas]}" "$(ratio "${RSS[ours-csv]}" "${RSS[pandas]}")" "<= 1"
printf '%-58s %11ss %11ss %8s %s\n' "imported dataset -> features + scores, -Xmx2g, wall" "${WALL[ours-dataset]}" "${WALL[pandas]}" "$(ratio "${WALL[ours-dataset]}" "${WALL[pandas]}")" "<= 0.15"
printf '%-58s %10sMB %12s %8s %s\n' "  peak RSS" "${RSS[ours-dataset]}" "" "" ""
printf '%-58s %11ss %12s %8s %s\n' "import (CSV -> local dataset)" "${WALL[import]}" "" "" ""
printf '%-58s %11ss %12s %8s %s\n' "explain one client, -Xmx2g, JVM start included" "${WALL[explain]}" "" "" ""
printf '%-58s %11ss %12s %8s %s\n' "open dataset + model + history index, -Xmx2g" "$opened" "" "" "<= 1.5 s"
printf '%-58s %10sms %12s %8s %s\n' "one client: score + contributions + reasons, p99" "$p99" "" "" "<= 2 ms"
printf '%-58s %11ss %12s %8s %s\n' "peer index build" "$peers" "" "" "<= 10 s"
printf '%-58s %11ss %12s %8s %s\n' "  the same read back from its cache (a second start)" "$peers_read" "" "" ""
printf '%-58s %10sMB %12s %8s %s\n' "heap in use after opening + peer index" "$heap" "" "" "<= 1536 MB"
if [ "$TRAIN" = 1 ]; then
  printf '%-58s %11ss %12s %8s %s\n' "train, 5 folds, tuning off" "${WALL[train]}" "" "" "<= 900 s"
  printf '%-58s %10sMB %12s %8s %s\n' "  peak RSS" "${RSS[train]}" "" "" "<= 6144 MB"
fi
echo "scores from the CSV folder and from the imported dataset byte-identical: $SAME"
echo "logs: $LOG"
if [ "$KEEP" = 0 ]; then rm -rf "$WORK/ds" "$WORK/scores-csv.csv" "$WORK/scores-ds.csv" "$WORK/model"; fi
