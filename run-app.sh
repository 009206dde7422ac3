#!/bin/sh
# Installs what is needed, builds Crash Atlas and opens it on the bundled
# demo corpus.
set -eu
cd "$(dirname "$0")"

./install-deps.sh
[ -d build ] || meson setup build
meson compile -C build
GSETTINGS_SCHEMA_DIR="$PWD/build/data" CRASH_ATLAS_DEMO_DIR="$PWD/data/demo" exec ./build/src/crash-atlas "$@"
