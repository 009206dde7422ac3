#!/bin/sh
# Scores the classifier on the labeled dev notebooks beside the project
# (../shared/eval, never copied into it): all of them, then set A
# (tracebacks only) and set B (whole notebooks). Skips (77) without them.
#
# Usage: bench/score.sh [crash-atlas binary]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
exe=${1:-${CRASH_ATLAS:-$here/../build/src/crash-atlas}}
eval_dir=${CRASH_ATLAS_EVAL_DIR:-$here/../../shared/eval}

if [ ! -f "$eval_dir/score.py" ] || [ ! -d "$eval_dir/dev/notebooks" ]; then
  echo "no labeled data at $eval_dir: skipped"
  exit 77
fi

pred=$(mktemp "${TMPDIR:-/tmp}/crash-atlas-pred.XXXXXX.jsonl")
trap 'rm -f "$pred"' EXIT
"$exe" scan --format jsonl --platform kaggle "$eval_dir/dev/notebooks/kaggle" > "$pred"
"$exe" scan --format jsonl --platform github "$eval_dir/dev/notebooks/github" >> "$pred"

echo "== dev set, all"
python3 "$eval_dir/score.py" "$eval_dir/dev/labels.jsonl" "$pred"
for set in A B; do
  echo
  echo "== dev set $set"
  python3 "$eval_dir/score.py" "$eval_dir/dev/labels.jsonl" "$pred" --set $set
done
