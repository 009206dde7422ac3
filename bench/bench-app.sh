#!/bin/sh
# The app at the study's scale (64,031 notebooks, 92,542 crashes), without
# the 25 GB: the lean corpus (the same notebooks minus their image padding,
# generated once), its corpus file, then the figures. Not a test.
#
#   bench/bench-app.sh [FRACTION]        (default 1; run from the source root after a build)
#
# Set GSK_RENDERER=cairo to keep a software OpenGL (Xvfb's llvmpipe) out
# of the frame times.
set -e
fraction=${1:-1}
corpus=bench/corpus-lean-$fraction
db=bench/out/lean-$fraction.crashatlas

mkdir -p bench/out
[ -f "$corpus/MANIFEST.json" ] ||
  python3 bench/gen_corpus.py --fraction "$fraction" --lean --out "$corpus" --jobs 2
[ -f "$db" ] || build/src/crash-atlas scan --jobs 2 --db "$db" "$corpus"

echo "== atlas-store-bench reopen $db"
build/bench/atlas-store-bench reopen "$db"
echo "== bench-window $db (reopen the corpus file in the window)"
xvfb-run -a build/tests/ui/bench-window "$db"
echo "== bench-window $corpus (a scan streaming into the window)"
xvfb-run -a build/tests/ui/bench-window "$corpus"
