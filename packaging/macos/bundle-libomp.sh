#!/usr/bin/env bash
# macOS only (run by .github/workflows/installers.yml): LightGBM's dylib inside the lightgbm4j jar
# is linked against Homebrew's libomp, absent from a bare Mac. Copies Homebrew's libomp beside each
# lib_lightgbm dylib inside JAR, rewrites the dylib's reference to @loader_path/libomp.dylib and
# libomp's own id, re-signs both ad hoc, and puts them back into JAR.
#
#   packaging/macos/bundle-libomp.sh app/target/creditdesk-app.jar
#
# Needs Homebrew's libomp (brew install libomp), install_name_tool, otool, codesign, zip. Untested
# on the project's machine (Linux); the workflow runs it on macos-15 and macos-15-intel.
set -euo pipefail
JAR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
OMP=$(brew --prefix libomp)/lib/libomp.dylib
[ -f "$OMP" ] || { echo "needs Homebrew's libomp: brew install libomp" >&2; exit 1; }
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
unzip -q "$JAR" 'lightgbm4j/osx/*' || { echo "no lightgbm4j/osx/ natives in $JAR" >&2; exit 1; }
for lib in $(find lightgbm4j/osx -name 'lib_lightgbm*.dylib'); do
  dir=$(dirname "$lib")
  cp "$OMP" "$dir/libomp.dylib"
  chmod u+w "$dir/libomp.dylib"
  install_name_tool -id @loader_path/libomp.dylib "$dir/libomp.dylib"
  for old in $(otool -L "$lib" | awk '/libomp.dylib/ { print $1 }'); do
    install_name_tool -change "$old" @loader_path/libomp.dylib "$lib"
  done
  codesign --force --sign - "$dir/libomp.dylib" "$lib"
  # lightgbm4j compares each library with its .md5 to decide whether to extract it again.
  md5 -q "$lib" | tr -d '\n' > "$lib.md5"
  md5 -q "$dir/libomp.dylib" | tr -d '\n' > "$dir/libomp.dylib.md5"
  otool -L "$lib"
done
zip -q -r "$JAR" lightgbm4j/osx
echo "libomp bundled into $JAR"
