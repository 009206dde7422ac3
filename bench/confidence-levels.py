#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Accuracy per confidence level and dimension, from the same inputs as
../shared/eval/score.py: a labels file and a predictions file (JSON Lines of
`crash-atlas scan --format jsonl`). Prints counts and shares only, never a
row, so it may be run on the check fold.

Usage: bench/confidence-levels.py LABELS PREDICTIONS [--fold tune|check|all]
"""
import collections
import json
import sys

DIMS = ['crash_type', 'root_cause', 'ml_bug', 'stage', 'library']
LEVELS = ['high', 'medium', 'low']
FAMILY = {'keras': 'tensorflow'}   # as score.py: one library family


def same(dim, a, b):
    if dim == 'library':
        return FAMILY.get(a, a) == FAMILY.get(b, b)
    return a == b


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    fold = 'all'
    if '--fold' in argv:
        fold = argv[argv.index('--fold') + 1]
    by_cell = collections.defaultdict(list)
    with open(argv[2]) as f:
        for line in f:
            if line.strip():
                pred = json.loads(line)
                by_cell[pred['cell']].append(pred)
    tally = collections.defaultdict(lambda: [0, 0])
    with open(argv[1]) as f:
        for line in f:
            row = json.loads(line)
            if fold != 'all' and row.get('fold') != fold:
                continue
            pred = next((p for p in by_cell[row['cell']] if p['notebook'].endswith(row['notebook'])), None)
            if pred is None:
                continue
            for dim in DIMS:
                want = row['labels'].get(dim)
                if want is None:
                    continue
                level = (pred.get('confidence') or {}).get(dim) or 'none'
                t = tally[(dim, level)]
                t[0] += same(dim, pred[dim], want)
                t[1] += 1
    print(f'fold {fold}: accuracy per confidence level (right/labels)')
    print(f'{"dimension":12}' + ''.join(f'{lv:>20}' for lv in LEVELS))
    summary = {}
    for dim in DIMS:
        cells = []
        for lv in LEVELS:
            right, n = tally[(dim, lv)]
            cells.append(f'{(100.0 * right / n if n else 0):5.1f}% ({right:3}/{n:3})' if n else '-')
            summary.setdefault(dim, {})[lv] = round(right / n, 4) if n else None
        print(f'{dim:12}' + ''.join(f'{c:>20}' for c in cells))
    print(json.dumps(summary))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
