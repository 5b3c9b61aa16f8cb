#!/usr/bin/env bash
# Tests the Linux installer for real: builds the .deb, installs it with apt-get (its declared
# dependencies included), runs the installed dashboard's smoke mode under Xvfb (open the demo,
# show the first client, write a screenshot, exit 0) and the installed command line (explain on a
# demo client), then removes the package (purge) and checks that nothing is left in the install folder.
#
#   sudo packaging/test-linux.sh [SCREENSHOT.png]
#
# Needs root (apt-get), dpkg-deb and fakeroot (jpackage), xvfb-run. The user's own folders are not
# touched: the installed programs run with a scratch HOME.
set -euo pipefail
cd "$(dirname "$0")/.."
SHOT=${1:-packaging/target/installed-smoke.png}
INSTALL=/opt/creditdesk
[ "$(id -u)" = 0 ] || { echo "run as root: the test installs and removes a package" >&2; exit 1; }
for tool in dpkg-deb fakeroot xvfb-run apt-get; do
  command -v "$tool" > /dev/null || { echo "needs $tool (Debian: apt-get install -y dpkg-dev fakeroot xvfb)" >&2; exit 1; }
done
if dpkg-query -W -f='${Status}' creditdesk 2>/dev/null | grep -q "ok installed"; then
  echo "creditdesk is already installed; remove it first (apt-get purge -y creditdesk)" >&2; exit 1
fi
packaging/jpackage.sh deb
DEB=$(ls -t packaging/target/creditdesk_*.deb | head -1)
echo "installer: $DEB ($(du -m "$DEB" | cut -f1) MB)"
SCRATCH=$(mktemp -d)
INSTALLED=0
# On any failure the package this test installed is purged again: the machine is left as it was.
cleanup() {
  if [ "$INSTALLED" = 1 ]; then apt-get purge -y creditdesk > /dev/null 2>&1 || dpkg --purge --force-all creditdesk > /dev/null 2>&1 || true; fi
  rm -rf "$SCRATCH"
}
trap cleanup EXIT
INSTALLED=1
apt-get install -y "./$DEB" > packaging/target/apt-install.log 2>&1 || { tail -20 packaging/target/apt-install.log >&2; exit 1; }
echo "installed: $(du -sm "$INSTALL" | cut -f1) MB in $INSTALL"
mkdir -p "$(dirname "$SHOT")"
SHOT=$(cd "$(dirname "$SHOT")" && pwd)/$(basename "$SHOT")
START=$(date +%s.%N)
HOME=$SCRATCH xvfb-run -a -s "-screen 0 1600x1000x24" "$INSTALL/bin/CreditDesk" --smoke "$SHOT" | tee "$SCRATCH/smoke.txt"
END=$(date +%s.%N)
echo "installed dashboard: smoke run in $(awk -v a="$START" -v b="$END" 'BEGIN { printf "%.1f", b - a }') s (JVM start to exit, Xvfb included)"
[ -s "$SHOT" ] || { echo "no screenshot written" >&2; exit 1; }
# Started from the checkout (which holds its own data/demo), it still opens the demo installed with it.
grep -q "data $INSTALL/lib/app/data/demo," "$SCRATCH/smoke.txt" \
  || { echo "the installed dashboard did not open its own demo ($INSTALL/lib/app/data/demo) when started from $(pwd):" >&2; cat "$SCRATCH/smoke.txt" >&2; exit 1; }
echo "installed dashboard: opened the demo installed with it, though started from $(pwd)"
# The developer's tools are not installed: asking for one gets a sentence, not a stack trace.
HOME=$SCRATCH timeout 60 xvfb-run -a -s "-screen 0 1600x1000x24" "$INSTALL/bin/CreditDesk" --screenshots "$SCRATCH/shots" > "$SCRATCH/devtools.txt" 2>&1 || true
grep -q "developer tools, not part of the installed app" "$SCRATCH/devtools.txt" && [ ! -e "$SCRATCH/shots" ] \
  || { echo "the installed dashboard's --screenshots did not say the tool is left out:" >&2; tail -5 "$SCRATCH/devtools.txt" >&2; exit 1; }
echo "installed dashboard: the developer's tools are left out, and it says so"
HOME=$SCRATCH "$INSTALL/bin/creditdesk" explain --data "$INSTALL/lib/app/data/demo" --model "$INSTALL/lib/app/models/default" \
  --client 100002 --no-peers > "$SCRATCH/explain.txt"
grep -q "100002" "$SCRATCH/explain.txt" || { echo "the installed command line did not explain client 100002:" >&2; cat "$SCRATCH/explain.txt" >&2; exit 1; }
echo "installed command line: explain printed $(wc -l < "$SCRATCH/explain.txt") lines for client 100002"
if grep -q AOTCache "$INSTALL/lib/app/creditdesk.cfg"; then
  # The AOT cache recorded at packaging time must still match the installed runtime and jar.
  HOME=$SCRATCH JDK_JAVA_OPTIONS=-Xlog:aot=info "$INSTALL/bin/creditdesk" --version > "$SCRATCH/aot.txt" 2>&1
  grep -q "Using AOT-linked classes: true" "$SCRATCH/aot.txt" || { echo "the installed AOT cache is not used:" >&2; grep -i "aot" "$SCRATCH/aot.txt" | tail -5 >&2; exit 1; }
  echo "installed AOT cache: used ($(du -m "$INSTALL/lib/app/creditdesk.aot" | cut -f1) MB)"
fi
# The dashboard starts with the quick JIT compiler only (a faster start), the command line with both
# (its batch work): docs/installers.md.
grep -qx 'java-options=-XX:TieredStopAtLevel=1' "$INSTALL/lib/app/CreditDesk.cfg" && ! grep -q TieredStopAtLevel "$INSTALL/lib/app/creditdesk.cfg" \
  || { echo "the launchers' compiler options are not the dashboard's C1 and the command line's C1+C2:" >&2; grep -H java-options "$INSTALL"/lib/app/*.cfg >&2; exit 1; }
echo "installed launchers: the dashboard on C1 alone, the command line on C1 and C2"
apt-get purge -y creditdesk > packaging/target/apt-remove.log 2>&1
INSTALLED=0
if dpkg-query -W creditdesk > /dev/null 2>&1; then
  echo "the package is still known to dpkg after its removal:" >&2; dpkg-query -W -f='${Status}\n' creditdesk >&2; exit 1
fi
if [ -e "$INSTALL" ]; then
  echo "left behind after removal:" >&2; find "$INSTALL" | head >&2; exit 1
fi
echo "removed: nothing left in $INSTALL"
echo "installer test passed; screenshot: $SHOT"
