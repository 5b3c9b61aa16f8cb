#!/usr/bin/env bash
# The installed app's start, side by side in one run: for each app image given (a folder made by
# packaging/jpackage.sh app-image, or an installed /opt/creditdesk), its dashboard's smoke mode
# (process start to the first client drawn) and a bare JavaFX window from the first image's own
# runtime with the build's app jar (app.devtools.BareWindow, which the installer leaves out), alternated RUNS times; prints the median and range of each and
# each one's ratio to the bare window. Linux, under Xvfb; the user's own folders are not touched.
#
#   packaging/bench-start.sh [--runs N] IMAGE [IMAGE...]
set -euo pipefail
RUNS=5
if [ "${1:-}" = --runs ]; then RUNS=$2; shift 2; fi
[ $# -ge 1 ] || { echo "usage: packaging/bench-start.sh [--runs N] IMAGE [IMAGE...]" >&2; exit 2; }
command -v xvfb-run > /dev/null || { echo "needs xvfb-run (Debian: apt-get install -y xvfb)" >&2; exit 1; }
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
xvfb() { HOME=$SCRATCH xvfb-run -a -s "-screen 0 1600x1000x24" "$@"; }
first=$(cd "$1" && pwd)
DEV_JAR=$(cd "$(dirname "$0")/.." && pwd)/app/target/creditdesk-app.jar
[ -f "$DEV_JAR" ] || { echo "needs the build's $DEV_JAR (mvn -B -q -DskipTests package)" >&2; exit 1; }
images=()
for image in "$@"; do images+=("$(cd "$image" && pwd)"); done
set -- "${images[@]}"
# From a folder of its own: an image built before 2026-12-03 opened a data/demo found in the working
# folder (a checkout's gzipped one) before its own.
cd "$SCRATCH"
for ((run = 1; run <= RUNS; run++)); do
  xvfb "$first/lib/runtime/bin/java" -cp "$DEV_JAR" com.pretadepenser.creditdesk.app.devtools.BareWindow 2>/dev/null \
    | sed -n 's/.*shown \([0-9]*\) ms.*/\1/p' >> "$SCRATCH/bare"
  i=0
  for image in "$@"; do
    i=$((i + 1))
    xvfb "$image/bin/CreditDesk" --smoke "$SCRATCH/shot.png" 2>/dev/null | sed -n 's/.*shown \([0-9]*\) ms.*/\1/p' >> "$SCRATCH/image$i"
  done
done
stats() { sort -n "$1" | awk '{ v[NR] = $1 } END { printf "%d %d %d %d\n", v[int((NR + 1) / 2)], v[1], v[NR], NR }'; }
read -r bare_median bare_low bare_high bare_n < <(stats "$SCRATCH/bare")
printf "%-48s %8s %14s %6s %10s\n" "start to first client drawn ($(nproc) cores)" "median" "range" "runs" "vs bare"
printf "%-48s %6d ms %6d-%-5d ms %6d %10s\n" "bare JavaFX window ($first)" "$bare_median" "$bare_low" "$bare_high" "$bare_n" "1.00x"
i=0
for image in "$@"; do
  i=$((i + 1))
  [ -s "$SCRATCH/image$i" ] || { echo "$image: the smoke run failed (run $image/bin/CreditDesk --smoke x.png to see why)" >&2; exit 1; }
  read -r median low high n < <(stats "$SCRATCH/image$i")
  printf "%-48s %6d ms %6d-%-5d ms %6d %9.2fx\n" "$image" "$median" "$low" "$high" "$n" "$(awk -v a="$median" -v b="$bare_median" 'BEGIN { print a / b }')"
done
