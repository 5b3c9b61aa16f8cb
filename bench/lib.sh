# Shared by the bench scripts (sourced, not run): run NAME CMD... runs CMD under GNU time, keeps its
# output in $LOG/NAME.txt and records its wall seconds in WALL[NAME] and peak RSS (MB) in RSS[NAME];
# a failing step stops the bench with the end of its output. The caller sets LOG.
declare -A WALL RSS
run() {
  local name=$1; shift
  echo "== $name: $*" >&2
  /usr/bin/time -f "%e %M" -o "$LOG/$name.time" "$@" > "$LOG/$name.txt" 2>&1 || { echo "$name failed, see $LOG/$name.txt" >&2; tail -5 "$LOG/$name.txt" >&2; exit 1; }
  read -r wall rss < "$LOG/$name.time"
  WALL[$name]=$wall
  RSS[$name]=$((rss / 1024))
}

# ratio A B: A / B to two decimals.
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
