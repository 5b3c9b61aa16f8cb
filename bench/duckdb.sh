#!/usr/bin/env bash
# Issue 10's evaluation of DuckDB (org.duckdb:duckdb_jdbc) against CreditDesk's own path, side by
# side in one run on the same CSV folder: import of the seven tables, then one batch aggregation
# per client over installments_payments (bench/DuckDbComparison.java says which). Each side runs in
# its own process under GNU time, so that wall time and peak RSS are its own. Prints one table.
#
#   bench/duckdb.sh [--work DIR]
#
# DIR/csv is the Kaggle-size CSV folder (bench/fullscale.sh --keep leaves it; generated here when
# missing). Needs the built jar (mvn -B -q -DskipTests install), Maven (to fetch the DuckDB driver,
# about 80 MB, into ~/.m2), GNU time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
WORK=/tmp/creditdesk-fullscale
while [ $# -gt 0 ]; do
  case "$1" in
    --work) WORK=$2; shift 2 ;;
    *) echo "usage: bench/duckdb.sh [--work DIR]" >&2; exit 2 ;;
  esac
done
JAR=$ROOT/cli/target/creditdesk.jar
VERSION=2.0.0.1
DUCKDB=$HOME/.m2/repository/org/duckdb/duckdb_jdbc/$VERSION/duckdb_jdbc-$VERSION.jar
[ -f "$JAR" ] || { echo "build first: mvn -B -q -DskipTests install" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs GNU time (/usr/bin/time; Debian: apt-get install -y time)" >&2; exit 1; }
[ -f "$DUCKDB" ] || mvn -B -q dependency:get -Dartifact=org.duckdb:duckdb_jdbc:$VERSION
mkdir -p "$WORK/logs"
LOG=$WORK/logs
if [ ! -f "$WORK/csv/application_train.csv" ]; then
  java -jar "$JAR" generate --clients 307511 --test-clients 48744 --seed 42 --out "$WORK/csv" --replace > "$LOG/generate.txt"
fi
# The comparison program, compiled once against the product jar and the driver.
CLASSES=$WORK/duckdb-classes
mkdir -p "$CLASSES"
javac -d "$CLASSES" -cp "$JAR:$DUCKDB" bench/DuckDbComparison.java
CP="$CLASSES:$JAR:$DUCKDB"

source bench/lib.sh
run duckdb-import java -cp "$CP" DuckDbComparison duckdb-import "$WORK/csv" "$WORK/duckdb.db"
run ours-import java -jar "$JAR" import --from "$WORK/csv" --to "$WORK/ds-duckdb-bench" --replace
run duckdb-aggregate java -cp "$CP" DuckDbComparison duckdb-aggregate "$WORK/duckdb.db"
run ours-aggregate java -Xmx2g -cp "$CP" DuckDbComparison java-aggregate "$WORK/ds-duckdb-bench"

inner() { grep -o 'in [0-9.]* s' "$LOG/$1.txt" | head -1 | awk '{ print $2 }'; }
sum() { grep -o 'checksum [-0-9.e+]*' "$LOG/$1.txt" | awk '{ print $2 }'; }
echo
echo "DuckDB $VERSION against CreditDesk, $(date -u +%Y-%m-%d), $(nproc) cores, $(java -version 2>&1 | head -1)"
printf '%-52s %12s %12s %8s\n' "step" "CreditDesk" "DuckDB" "ratio"
printf '%-52s %11ss %11ss %8s\n' "import 7 CSVs, process wall" "${WALL[ours-import]}" "${WALL[duckdb-import]}" "$(ratio "${WALL[ours-import]}" "${WALL[duckdb-import]}")"
printf '%-52s %10sMB %10sMB %8s\n' "  peak RSS" "${RSS[ours-import]}" "${RSS[duckdb-import]}" "$(ratio "${RSS[ours-import]}" "${RSS[duckdb-import]}")"
printf '%-52s %10sMB %10sMB %8s\n' "  on disk" "$(du -sm "$WORK/ds-duckdb-bench" | cut -f1)" "$(du -sm "$WORK/duckdb.db" | cut -f1)" ""
printf '%-52s %11ss %11ss %8s\n' "aggregate installments per client, the query alone" "$(inner ours-aggregate)" "$(inner duckdb-aggregate)" "$(ratio "$(inner ours-aggregate)" "$(inner duckdb-aggregate)")"
printf '%-52s %11ss %11ss %8s\n' "  process wall (JVM start, opening included)" "${WALL[ours-aggregate]}" "${WALL[duckdb-aggregate]}" "$(ratio "${WALL[ours-aggregate]}" "${WALL[duckdb-aggregate]}")"
printf '%-52s %10sMB %10sMB %8s\n' "  peak RSS" "${RSS[ours-aggregate]}" "${RSS[duckdb-aggregate]}" "$(ratio "${RSS[ours-aggregate]}" "${RSS[duckdb-aggregate]}")"
echo "checksums: CreditDesk $(sum ours-aggregate), DuckDB $(sum duckdb-aggregate)"
echo "logs: $LOG"
rm -rf "$WORK/ds-duckdb-bench" "$WORK/duckdb.db" "$WORK/duckdb.db.wal" "$CLASSES"
