#!/bin/sh
# Installs what is needed, builds Crash Atlas and runs the whole test suite:
# once as built, once under AddressSanitizer and UndefinedBehaviorSanitizer.
# Widget tests need a display; they get a virtual one from Xvfb.
set -eu
cd "$(dirname "$0")"

./install-deps.sh

[ -d build ] || meson setup build
meson compile -C build
xvfb-run -a -s "-screen 0 1600x1200x24" meson test -C build --print-errorlogs

[ -d build-sanitize ] || meson setup build-sanitize -Db_sanitize=address,undefined -Db_lundef=false
meson compile -C build-sanitize
# GLib and GTK keep caches alive until exit by design, so leak reports would
# be noise; every other finding fails the run.
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  xvfb-run -a -s "-screen 0 1600x1200x24" meson test -C build-sanitize --print-errorlogs --timeout-multiplier 4
