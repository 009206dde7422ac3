#!/bin/sh
# Runs `crash-atlas scan` over corpora in every output format at --jobs 1 and 2
# (and --no-classify), writing the outputs to OUTDIR; with REFDIR, compares them
# byte for byte with an earlier binary's outputs there. For optimisations that
# must not change a byte of the output.
#
#   bench/check-outputs.sh CRASH_ATLAS OUTDIR [REFDIR] CORPUS...
#   (REFDIR is recognised as the third argument when it names a folder of outputs
#    written by an earlier run: it holds a file named .check-outputs)
set -eu
bin=$1; out=$2; shift 2
ref=
if [ $# -gt 0 ] && [ -f "$1/.check-outputs" ]; then ref=$1; shift; fi
mkdir -p "$out"; : > "$out/.check-outputs"
status=0
for corpus in "$@"; do
  name=$(basename "$corpus")
  for jobs in 1 2; do
    for fmt in jsonl csv summary; do
      f="$out/$name.j$jobs.$fmt"
      "$bin" scan --jobs "$jobs" --format "$fmt" --output "$f" "$corpus"
    done
    f="$out/$name.j$jobs.noclassify.jsonl"
    "$bin" scan --jobs "$jobs" --no-classify --format jsonl --output "$f" "$corpus"
  done
done
for f in "$out"/*.jsonl "$out"/*.csv "$out"/*.summary; do
  b=$(basename "$f")
  case $b in *.j2.*) one=$(echo "$b" | sed 's/\.j2\./.j1./')
    if ! cmp -s "$f" "$out/$one"; then echo "DIFFERS between --jobs 1 and 2: $b"; status=1; fi;;
  esac
  if [ -n "$ref" ]; then
    if ! cmp -s "$f" "$ref/$b"; then echo "DIFFERS from $ref: $b"; status=1; fi
  fi
done
[ $status -eq 0 ] && echo "identical ($(ls "$out" | wc -l) outputs${ref:+, against $ref})"
exit $status
