#!/usr/bin/env bash
# Builds CreditDesk's installer for the platform it runs on (jpackage builds for its own OS only):
#
#   packaging/jpackage.sh TYPE      TYPE: app-image | deb | rpm (Linux), msi | exe (Windows), dmg | pkg (macOS)
#
# The route: the app's jar (a class-path app) -> jdeps lists the JDK modules it needs -> jlink
# makes a runtime of only those (debug data, headers and man pages stripped, locales en and fr,
# a CDS archive for a faster start) -> jpackage wraps the runtime, the jar, the demo dataset and
# the default model into the installer, with two launchers: CreditDesk (the dashboard) and
# creditdesk (the command line: import, train, serve, explain...). Output in packaging/target/.
# Needs a JDK 17+ with jpackage and jlink (the one that builds), the built jars
# (mvn -B -q -DskipTests package; built here when missing), and per platform: Linux .deb needs
# dpkg-deb and fakeroot, .rpm rpmbuild; Windows .msi/.exe WiX 3 on the PATH; macOS nothing more.
# See packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
TYPE=${1:-}
case "$TYPE" in
  app-image|deb|rpm|msi|exe|dmg|pkg) ;;
  *) echo "usage: packaging/jpackage.sh app-image|deb|rpm|msi|exe|dmg|pkg" >&2; exit 2 ;;
esac
OUT=${CREDITDESK_PACKAGING_OUT:-$ROOT/packaging/target}
JAR=$ROOT/app/target/creditdesk-app.jar
[ -f "$JAR" ] || mvn -B -q -DskipTests package
for tool in jdeps jlink jpackage; do
  command -v "$tool" > /dev/null || { echo "needs $tool from a JDK 17 or newer on the PATH" >&2; exit 1; }
done

# The version, from the parent pom: numeric as jpackage wants it (no -SNAPSHOT; macOS wants the
# first number >= 1, which the project's 1.x versions give).
VERSION=$(sed -n '0,/<version>/s/.*<version>\([^<]*\)<\/version>.*/\1/p' pom.xml | head -1)
APP_VERSION=${VERSION%%-*}
[[ "$APP_VERSION" =~ ^[1-9][0-9]*\.[0-9]+\.[0-9]+$ ]] || { echo "the pom's version $VERSION is not MAJOR.MINOR.PATCH with MAJOR >= 1" >&2; exit 1; }

rm -rf "$OUT/input" "$OUT/runtime" "$OUT/CreditDesk" "$OUT/CreditDesk.app"
mkdir -p "$OUT/input/data" "$OUT/input/models"
cp "$JAR" "$OUT/input/"
cp -r data/demo "$OUT/input/data/demo"
cp -r models/default "$OUT/input/models/default"
cp packaging/LICENSE.txt "$OUT/input/"

# Only the JDK modules the jar uses, plus the French and English locale data (number and date formats).
MODULES=$(jdeps --print-module-deps --ignore-missing-deps --multi-release 17 "$JAR")
MODULES="$MODULES,jdk.localedata,jdk.crypto.ec,jdk.zipfs"
echo "runtime modules: $MODULES"
jlink --add-modules "$MODULES" --include-locales=en,fr --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$OUT/runtime"

COMMON=(--name CreditDesk --app-version "$APP_VERSION" --vendor "Pret a depenser"
  --description "Credit-scoring workstation: probability of default, reasons, peers, what-if"
  --copyright "Pret a depenser" --dest "$OUT")
APP=(--input "$OUT/input" --main-jar creditdesk-app.jar --main-class com.pretadepenser.creditdesk.app.Launcher
  --runtime-image "$OUT/runtime" --java-options "-XX:MaxRAMPercentage=40"
  --add-launcher "creditdesk=$ROOT/packaging/cli-launcher.properties")
case "$(uname -s)" in
  Linux*) ICON=packaging/icons/creditdesk.png ;;
  Darwin*) ICON=packaging/icons/creditdesk.icns ;;
  *) ICON=packaging/icons/creditdesk.ico ;;
esac

case "$TYPE" in
  app-image)
    jpackage --type app-image "${COMMON[@]}" "${APP[@]}" --icon "$ICON" ;;
  deb|rpm)
    # jpackage does not see the libraries inside jars: LightGBM needs the GNU OpenMP runtime and a
    # glibc >= 2.29 (Debian 11, Ubuntu 20.04 and later), JavaFX GTK 3, OpenGL and X11.
    if [ "$TYPE" = deb ]; then
      DEPS="libgomp1, libc6 (>= 2.29), libgtk-3-0, libgl1, libxtst6, libxxf86vm1, libasound2 | libasound2t64"
    else
      DEPS="libgomp, glibc >= 2.29, gtk3, mesa-libGL, libXtst, libXxf86vm, alsa-lib"
    fi
    jpackage --type "$TYPE" "${COMMON[@]}" "${APP[@]}" --icon "$ICON" \
      --license-file packaging/LICENSE.txt --install-dir /opt \
      --linux-package-name creditdesk --linux-deb-maintainer "it@pretadepenser.example" \
      --linux-menu-group Office --linux-app-category office --linux-shortcut \
      --linux-package-deps "$DEPS" --resource-dir packaging/linux ;;
  msi|exe)
    # Per-user: no administrator rights needed. The upgrade code is fixed for ever, so a new
    # version replaces the old one instead of installing beside it.
    jpackage --type "$TYPE" "${COMMON[@]}" "${APP[@]}" --icon "$ICON" \
      --license-file packaging/LICENSE.txt --win-per-user-install --win-menu --win-menu-group CreditDesk \
      --win-shortcut --win-dir-chooser --win-upgrade-uuid 5d6f1c8e-3b7a-4e59-9c2d-8a4f0b6e2c71 ;;
  dmg|pkg)
    jpackage --type "$TYPE" "${COMMON[@]}" "${APP[@]}" --icon "$ICON" \
      --license-file packaging/LICENSE.txt --mac-package-identifier com.pretadepenser.creditdesk \
      --mac-package-name CreditDesk ;;
esac
echo "built in $OUT:"
ls -la "$OUT" | grep -v -e input -e runtime
