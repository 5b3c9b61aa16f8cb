#!/usr/bin/env bash
# Builds CreditDesk's installer for the platform it runs on (jpackage builds for its own OS only):
#
#   packaging/jpackage.sh TYPE      TYPE: app-image | deb | rpm (Linux), msi | exe (Windows), dmg | pkg (macOS)
#
# The route: the app's jar (a class-path app) -> jdeps lists the JDK modules it needs -> jlink
# makes a runtime of only those (debug data, headers and man pages stripped, locales en and fr,
# a CDS archive for a faster start) -> jpackage makes the app image: the runtime, the jar, the demo
# dataset and the default model, with two launchers, CreditDesk (the dashboard) and creditdesk (the
# command line: import, train, serve, explain...) -> with a runtime of Java 25 or later, one smoke
# run of the image records an AOT cache (classes loaded and linked, method profiles) that every
# later start reads -> jpackage wraps the image into the installer. Output in packaging/target/.
#
# Needs the built jars (mvn -B -q -DskipTests package; built here when missing) and a JDK 17+ with
# jdeps, jlink and jpackage: CREDITDESK_RUNTIME_JDK=DIR names the JDK whose runtime is bundled
# (Java 25 or later gives the AOT cache: the first client shows about a second sooner,
# docs/installers.md), else the JDK on the PATH. The smoke run needs a display (Xvfb on Linux). Per
# platform: Linux .deb needs dpkg-deb and fakeroot, .rpm rpmbuild; Windows .msi/.exe WiX 3;
# macOS nothing more. See packaging/README.md.
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
VERSION=$(sed -n '0,/<version>/s/.*<version>\([^<]*\)<\/version>.*/\1/p' pom.xml | head -1)
CLI_JAR=$ROOT/cli/target/creditdesk-cli-$VERSION-installer.jar
[ -f "$JAR" ] && [ -f "$CLI_JAR" ] || mvn -B -q -DskipTests package
if [ -n "${CREDITDESK_RUNTIME_JDK:-}" ] && command -v cygpath > /dev/null; then
  CREDITDESK_RUNTIME_JDK=$(cygpath -u "$CREDITDESK_RUNTIME_JDK")  # Windows: C:\... as the shell's /c/...
fi
BIN=${CREDITDESK_RUNTIME_JDK:+$CREDITDESK_RUNTIME_JDK/bin/}
for tool in java jdeps jlink jpackage; do
  command -v "$BIN$tool" > /dev/null || { echo "needs $BIN$tool from a JDK 17 or newer (set CREDITDESK_RUNTIME_JDK or the PATH)" >&2; exit 1; }
done
RUNTIME_MAJOR=$("${BIN}java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
[ "$RUNTIME_MAJOR" -ge 17 ] || { echo "the runtime JDK is Java $RUNTIME_MAJOR; CreditDesk needs 17 or newer" >&2; exit 1; }
case "$(uname -s)" in
  Linux*) OS=linux ICON=packaging/icons/creditdesk.png ;;
  Darwin*) OS=mac ICON=packaging/icons/creditdesk.icns ;;
  *) OS=windows ICON=packaging/icons/creditdesk.ico ;;
esac
case "$OS:$TYPE" in
  *:app-image|linux:deb|linux:rpm|windows:msi|windows:exe|mac:dmg|mac:pkg) ;;
  *) echo "jpackage builds $TYPE only on its own system, not on $OS" >&2; exit 2 ;;
esac

# The version, from the parent pom: numeric as jpackage wants it (no -SNAPSHOT; macOS wants the
# first number >= 1, which the project's 1.x versions give).
APP_VERSION=${VERSION%%-*}
[[ "$APP_VERSION" =~ ^[1-9][0-9]*\.[0-9]+\.[0-9]+$ ]] || { echo "the pom's version $VERSION is not MAJOR.MINOR.PATCH with MAJOR >= 1" >&2; exit 1; }

rm -rf "$OUT/input" "$OUT/runtime" "$OUT/CreditDesk" "$OUT/CreditDesk.app"
[ "$TYPE" = app-image ] || rm -f "$OUT"/*."$TYPE"  # an older build's installer is not mistaken for this one
mkdir -p "$OUT/input/data" "$OUT/input/models"
# The dashboard's jar (the engine and every library) without the developer's tools (app.devtools:
# screenshots, the screen bench), then the command line's own classes and console libraries.
rm -rf "$OUT/unpacked" && mkdir -p "$OUT/unpacked"
(cd "$OUT/unpacked" && "${BIN}jar" xf "$JAR")
rm -r "$OUT/unpacked/com/pretadepenser/creditdesk/app/devtools"
mv "$OUT/unpacked/META-INF/MANIFEST.MF" "$OUT/manifest.mf"
"${BIN}jar" --create --file "$OUT/input/creditdesk-app.jar" --manifest "$OUT/manifest.mf" -C "$OUT/unpacked" .
rm -rf "$OUT/unpacked" "$OUT/manifest.mf"
cp "$CLI_JAR" "$OUT/input/creditdesk-cli.jar"
cp -r data/demo "$OUT/input/data/demo"
# The repository keeps the demo's tables gzipped (5 times smaller in git). The installer is compressed
# anyway, so they go in as plain files: plain child tables are memory-mapped where gzipped ones are
# inflated on every start, and the first client shows about 0.5 s sooner (docs/installers.md).
for table in "$OUT/input/data/demo"/*.cdt.gz; do gzip -d "$table"; done
sed -i.gz 's/\.cdt\.gz"/.cdt"/' "$OUT/input/data/demo/manifest.json" && rm "$OUT/input/data/demo/manifest.json.gz"
cp -r models/default "$OUT/input/models/default"
cp packaging/LICENSE.txt "$OUT/input/"

# Only the JDK modules the jar uses, plus the French and English locale data (number and date formats).
MODULES=$("${BIN}jdeps" --print-module-deps --ignore-missing-deps --multi-release 17 "$JAR" "$CLI_JAR")
MODULES="$MODULES,jdk.localedata,jdk.crypto.ec,jdk.zipfs"
echo "runtime: Java $RUNTIME_MAJOR, modules $MODULES"
"${BIN}jlink" --add-modules "$MODULES" --include-locales=en,fr --strip-debug --no-header-files --no-man-pages \
  --generate-cds-archive --output "$OUT/runtime"

# The launchers' Java options. From Java 24 the JVM warns on every start about JavaFX's and
# LightGBM's native libraries and, from 23, about ClassGraph's (Tablesaw's) use of sun.misc.Unsafe,
# unless allowed: the officer and the data scientist would read those warnings on each start.
JAVA_OPTIONS=()
[ "$RUNTIME_MAJOR" -lt 24 ] || JAVA_OPTIONS+=(--enable-native-access=ALL-UNNAMED)
[ "$RUNTIME_MAJOR" -lt 23 ] || JAVA_OPTIONS+=(--sun-misc-unsafe-memory-access=allow)
# The dashboard's JVM: 40 % of the RAM at most, and the quick JIT compiler only (C1,
# -XX:TieredStopAtLevel=1): on two cores the optimising compiler (C2) and the profiling that feeds
# it took a core for themselves during the start, and the first client showed 0.4-0.7 s later; the
# dashboard's screens answer as fast with C1 (client switch, what-if), its batch work is slower
# (peer index at full scale 6.5 -> 9.1 s, docs/installers.md). The command line, where the data
# scientist's batch work runs, keeps both compilers. IT may change either in the launcher's .cfg.
GUI_OPTIONS="-XX:MaxRAMPercentage=40 -XX:TieredStopAtLevel=1"
CLI_MAIN=$(sed -n 's/^main-class=//p' packaging/cli-launcher.properties)
CLI_HEAP=$(sed -n 's/^java-options=//p' packaging/cli-launcher.properties)
# The command line's launcher: its own main class and heap, the common options.
CLI_PROPERTIES="$OUT/cli-launcher.properties"
{ grep -v '^java-options=' packaging/cli-launcher.properties; echo "java-options=$CLI_HEAP ${JAVA_OPTIONS[*]:-}"; } > "$CLI_PROPERTIES"

COMMON=(--name CreditDesk --app-version "$APP_VERSION" --vendor "Pret a depenser"
  --description "Credit-scoring workstation: probability of default, reasons, peers, what-if"
  --copyright "Pret a depenser" --dest "$OUT")
IMAGE_OPTIONS=(--input "$OUT/input" --main-jar creditdesk-app.jar --main-class com.pretadepenser.creditdesk.app.Launcher
  --runtime-image "$OUT/runtime" --icon "$ICON" --java-options "$GUI_OPTIONS ${JAVA_OPTIONS[*]:-}")

case "$OS" in
  linux) IMAGE="$OUT/CreditDesk" APPDIR="$IMAGE/lib/app" JAVA="$IMAGE/lib/runtime/bin/java" ;;
  mac) IMAGE="$OUT/CreditDesk.app" APPDIR="$IMAGE/Contents/app" JAVA="$IMAGE/Contents/runtime/Contents/Home/bin/java" ;;
  windows) IMAGE="$OUT/CreditDesk" APPDIR="$IMAGE/app" JAVA="$IMAGE/runtime/bin/java.exe" ;;
esac

if [ "$OS" = linux ]; then
  # On Linux the native launchers jpackage writes ask rpm and dpkg which package owns them on every
  # start (0.5 s before Java starts): packaging/launcher-linux.sh takes their place, reading the same
  # kind of .cfg file. The command line's launcher is added here, not with --add-launcher: jpackage
  # 17 would give it a menu entry of its own when packaging the image.
  "${BIN}jpackage" --type app-image "${COMMON[@]}" "${IMAGE_OPTIONS[@]}"
  [ -f "$APPDIR/CreditDesk.cfg" ] || { echo "jpackage wrote no CreditDesk.cfg" >&2; exit 1; }
  {
    echo "[Application]"
    echo 'app.classpath=$APPDIR/creditdesk-app.jar'
    echo 'app.classpath=$APPDIR/creditdesk-cli.jar'
    echo "app.mainclass=$CLI_MAIN"
    echo
    echo "[JavaOptions]"
    echo "java-options=-Djpackage.app-version=$APP_VERSION"
    for option in $CLI_HEAP ${JAVA_OPTIONS[@]+"${JAVA_OPTIONS[@]}"}; do echo "java-options=$option"; done
  } > "$APPDIR/creditdesk.cfg"
  for launcher in CreditDesk creditdesk; do
    install -m 755 packaging/launcher-linux.sh "$IMAGE/bin/$launcher"
  done
  rm -f "$IMAGE/lib/libapplauncher.so"  # the native launchers' library, unused by the script
else
  "${BIN}jpackage" --type app-image "${COMMON[@]}" "${IMAGE_OPTIONS[@]}" --add-launcher "creditdesk=$CLI_PROPERTIES"
fi
if [ "$OS" = windows ]; then
  # LightGBM's DLL imports VCOMP140 (OpenMP), which no JDK ships: the build machine's copy (from the
  # VC++ redistributable) goes beside the launchers, where NativeLibrary loads it first.
  VCOMP=${CREDITDESK_VCOMP140:-/c/Windows/System32/vcomp140.dll}
  if [ -f "$VCOMP" ]; then cp "$VCOMP" "$IMAGE/"; else echo "warning: no vcomp140.dll at $VCOMP: the installer will need the VC++ runtime" >&2; fi
fi

# The AOT cache (Java 25+): recorded by one smoke run of the image (open the demo, show the first
# client), then named in each launcher's .cfg. Java checks it at each start and ignores it when it
# does not match its runtime and jar; the image can move (installed elsewhere) and keep it.
if [ "$RUNTIME_MAJOR" -ge 25 ]; then
  DISPLAY_RUN=()
  if [ "$OS" = linux ] && [ -z "${DISPLAY:-}" ]; then
    command -v xvfb-run > /dev/null || { echo "the AOT cache's smoke run needs a display: install xvfb (xvfb-run) or set DISPLAY" >&2; exit 1; }
    DISPLAY_RUN=(xvfb-run -a -s "-screen 0 1600x1000x24")
  fi
  TRAINING_HOME=$(mktemp -d)
  echo "recording the AOT cache: one smoke run of the image"
  HOME=$TRAINING_HOME ${DISPLAY_RUN[@]+"${DISPLAY_RUN[@]}"} "$JAVA" $GUI_OPTIONS ${JAVA_OPTIONS[@]+"${JAVA_OPTIONS[@]}"} -XX:AOTCacheOutput="$APPDIR/creditdesk.aot" \
    -cp "$APPDIR/creditdesk-app.jar" com.pretadepenser.creditdesk.app.Launcher --smoke "$OUT/aot-training.png" > "$OUT/aot-training.log" 2>&1 \
    || { cat "$OUT/aot-training.log" >&2; echo "the AOT cache's smoke run failed" >&2; exit 1; }
  rm -rf "$TRAINING_HOME"
  # Recorded on the image's own demo (plain tables), not the checkout's gzipped one.
  # (the path as Java prints it: C:\... on Windows, so only its end is compared).
  grep -qE 'data .*app[/\\]data[/\\]demo, ' "$OUT/aot-training.log" \
    || { cat "$OUT/aot-training.log" >&2; echo "the AOT cache's smoke run did not open the image's demo ($APPDIR/data/demo)" >&2; exit 1; }
  [ -s "$APPDIR/creditdesk.aot" ] || { cat "$OUT/aot-training.log" >&2; echo "no AOT cache was written" >&2; exit 1; }
  for cfg in "$APPDIR"/*.cfg; do
    sed -i.bak '/^\[JavaOptions\]/a\
java-options=-XX:AOTCache=$APPDIR/creditdesk.aot
' "$cfg" && rm "$cfg.bak"
  done
  echo "AOT cache: $(du -m "$APPDIR/creditdesk.aot" | cut -f1) MB, named in $(ls "$APPDIR"/*.cfg | wc -l | tr -d ' ') launcher files"
else
  echo "no AOT cache: the runtime is Java $RUNTIME_MAJOR (25 or later records one; set CREDITDESK_RUNTIME_JDK)"
fi

case "$TYPE" in
  app-image) ;;
  deb|rpm)
    # jpackage does not see the libraries inside jars: LightGBM needs the GNU OpenMP runtime and a
    # glibc >= 2.29 (Debian 11, Ubuntu 20.04 and later), JavaFX GTK 3, OpenGL and X11.
    if [ "$TYPE" = deb ]; then
      DEPS="libgomp1, libc6 (>= 2.29), libgtk-3-0, libgl1, libxtst6, libxxf86vm1, libasound2 | libasound2t64"
    else
      DEPS="libgomp, glibc >= 2.29, gtk3, mesa-libGL, libXtst, libXxf86vm, alsa-lib"
    fi
    # The maintainer scripts of packaging/linux name jpackage 17's shell helpers (UTILITY_SCRIPTS);
    # jpackage 25 splits them in two (COMMON_SCRIPTS, DESKTOP_SCRIPTS).
    RESOURCES="$OUT/linux-resources"
    rm -rf "$RESOURCES" && cp -r packaging/linux "$RESOURCES"
    if [ "$RUNTIME_MAJOR" -ge 25 ]; then
      for script in "$RESOURCES"/*; do
        sed -i.bak 's/^UTILITY_SCRIPTS$/COMMON_SCRIPTS\
DESKTOP_SCRIPTS/' "$script" && rm "$script.bak"
      done
    fi
    "${BIN}jpackage" --type "$TYPE" "${COMMON[@]}" --app-image "$IMAGE" \
      --license-file packaging/LICENSE.txt --install-dir /opt \
      --linux-package-name creditdesk --linux-deb-maintainer "it@pretadepenser.example" \
      --linux-menu-group Office --linux-app-category office --linux-shortcut \
      --linux-package-deps "$DEPS" --resource-dir "$RESOURCES" ;;
  msi|exe)
    # Per-user: no administrator rights needed. The upgrade code is fixed for ever, so a new
    # version replaces the old one instead of installing beside it.
    "${BIN}jpackage" --type "$TYPE" "${COMMON[@]}" --app-image "$IMAGE" \
      --license-file packaging/LICENSE.txt --win-per-user-install --win-menu --win-menu-group CreditDesk \
      --win-shortcut --win-dir-chooser --win-upgrade-uuid 5d6f1c8e-3b7a-4e59-9c2d-8a4f0b6e2c71 ;;
  dmg|pkg)
    "${BIN}jpackage" --type "$TYPE" "${COMMON[@]}" --app-image "$IMAGE" \
      --license-file packaging/LICENSE.txt --mac-package-identifier com.pretadepenser.creditdesk ;;
esac
echo "built in $OUT:"
ls -la "$OUT" | grep -v -e input -e runtime
