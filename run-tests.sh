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

# The sanitizer build also builds the fuzz harnesses (tests/fuzz/): its
# suite runs each over its seed corpus, then a short time-boxed fuzz (about a
# minute in all). bench/README.md describes a long run with libFuzzer.
[ -d build-sanitize ] || meson setup build-sanitize -Db_sanitize=address,undefined -Db_lundef=false
meson configure build-sanitize -Dfuzzing=true
meson compile -C build-sanitize
# Leaks are detected too. Libraries below ours that keep caches alive until
# exit by design are suppressed by name in tests/lsan.supp (never our code);
# G_SLICE=always-malloc lets LeakSanitizer see GLib's allocations as they
# are; full stacks (no fast unwinding through GLib) let the suppressions see
# which library an allocation comes from. Every finding fails the run.
ASAN_OPTIONS=detect_leaks=1:fast_unwind_on_malloc=0:abort_on_error=1 \
LSAN_OPTIONS=suppressions="$PWD/tests/lsan.supp":print_suppressions=0 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
G_SLICE=always-malloc \
  meson test -C build-sanitize --print-errorlogs --timeout-multiplier 4 --no-suite widgets
# The widget tests (suite "widgets") run GTK, whose every allocation a full
# unwind would walk: they take longer than the rest of the suite together
# that way. They run with memory errors and undefined behaviour caught but
# leaks left to the rest of the suite, which runs the same code headless.
ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  xvfb-run -a -s "-screen 0 1600x1200x24" meson test -C build-sanitize --print-errorlogs --timeout-multiplier 4 --suite widgets
