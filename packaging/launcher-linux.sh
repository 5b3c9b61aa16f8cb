#!/bin/sh
# CreditDesk's launcher on Linux (bin/CreditDesk and bin/creditdesk), in place of jpackage's
# native one: that one asks rpm and dpkg which package owns it on every start, which costs 0.5 s
# before Java even starts (docs/installers.md). This script reads the same launcher file
# (lib/app/NAME.cfg: class path, main class, java-options, which IT may edit) and starts the
# bundled runtime with it.
set -e
self=$(readlink -f "$0")
name=$(basename "$self")
root=$(dirname "$(dirname "$self")")
app="$root/lib/app"
cfg="$app/$name.cfg"
[ -f "$cfg" ] || { echo "$name: $cfg is missing; reinstall CreditDesk" >&2; exit 1; }
classpath=$(sed -n 's/^app\.classpath=//p' "$cfg" | sed "s|\\\$APPDIR|$app|g" | paste -sd: -)
main=$(sed -n 's/^app\.mainclass=//p' "$cfg")
# One java option per line of the file, spaces inside an option kept.
options=$(sed -n 's/^java-options=//p' "$cfg" | sed "s|\\\$APPDIR|$app|g")
old_ifs=$IFS
IFS='
'
# shellcheck disable=SC2086 # split on newlines only, on purpose
set -- $options "-Djpackage.app-path=$self" -cp "$classpath" "$main" "$@"
IFS=$old_ifs
exec "$root/lib/runtime/bin/java" "$@"
