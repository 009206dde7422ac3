#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes data/rules/crash-atlas-confidence.ini: for every rule and dimension,
how often the label that rule decided was right on the eval set's TUNE fold
(../shared/eval/dev, rows whose "fold" is "tune"; check rows are skipped
before anything is read from them), smoothed towards a prior so that a rule
seen on two crashes is not trusted like one seen on forty.

Usage: bench/train-confidence.py [BINARY] [OUTPUT]
"""
import collections
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EVAL = os.path.join(ROOT, '..', 'shared', 'eval')
DIMS = ['crash_type', 'root_cause', 'ml_bug', 'stage', 'library']
FAMILY = {'keras': 'tensorflow'}   # score.py counts Keras and TensorFlow as one
PRIOR = 0.6       # a rule's score before any evidence: neither trusted nor not
WEIGHT = 4.0      # how many crashes the prior counts as
# Rules decided this way are hedges by construction (the last resort of
# their dimension): never above medium, whatever their record.
FALLBACK_CAP = 0.59


def same(dim, a, b):
    if dim == 'library':
        return FAMILY.get(a, a) == FAMILY.get(b, b)
    return a == b


def main():
    exe = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, 'build', 'src', 'crash-atlas')
    out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, 'data', 'rules', 'crash-atlas-confidence.ini')
    if not os.path.isdir(EVAL):
        print('no eval set at', EVAL)
        return 77
    labels = {}
    with open(os.path.join(EVAL, 'dev', 'labels.jsonl')) as f:
        for line in f:
            row = json.loads(line)
            if row.get('fold') != 'tune':
                continue
            labels[(row['notebook'], row['cell'])] = row['labels']
    tally = collections.defaultdict(lambda: [0, 0])
    for platform in ('kaggle', 'github'):
        scan = subprocess.run([exe, 'scan', '--format', 'jsonl', '--platform', platform,
                               os.path.join(EVAL, 'dev', 'notebooks', platform)],
                              capture_output=True, text=True, check=False)
        for line in scan.stdout.splitlines():
            pred = json.loads(line)
            key = None
            for (notebook, cell) in labels:
                if cell == pred['cell'] and pred['notebook'].endswith(notebook):
                    key = (notebook, cell)
                    break
            if key is None:
                continue
            for dim in DIMS:
                want = labels[key].get(dim)
                rule = (pred.get('rules') or {}).get(dim)
                if want is None or rule is None:
                    continue
                t = tally[(dim, rule)]
                t[0] += same(dim, pred[dim], want)
                t[1] += 1
    with open(out, 'w') as f:
        f.write('# Written by bench/train-confidence.py from the eval set\'s tune fold:\n'
                '# per dimension, rule = share of its labels that were right, smoothed\n'
                f'# towards {PRIOR} with the weight of {WEIGHT:g} crashes. Rules not listed\n'
                '# get [defaults]. Levels: high from 0.8, medium from 0.6, low below.\n\n'
                '[defaults]\n')
        for dim in DIMS:
            f.write(f'{dim} = {PRIOR}\n')
        for dim in DIMS:
            f.write(f'\n[{dim}]\n')
            for (d, rule), (right, n) in sorted(tally.items()):
                if d != dim:
                    continue
                score = (right + WEIGHT * PRIOR) / (n + WEIGHT)
                if rule in CAPPED.get(dim, ()):
                    score = min(score, FALLBACK_CAP)
                f.write(f'# {right}/{n} right\n{rule} = {score:.2f}\n')
    print('wrote', out, 'from', len(labels), 'tune crashes')
    return 0


# The last-resort rules of each dimension: what is said when nothing else
# is known.
CAPPED = {
    'crash_type': {'other', 'other-no-name', 'value-error', 'type-error', 'attribute-error', 'runtime-error'},
    'root_cause': {'rc-unknown', 'rc-name-traceback-only', 'rc-python-misuse'},
    'ml_bug': set(),
    'stage': {'stage-data-default', 'stage-framework-default'},
    'library': set(),
}

if __name__ == '__main__':
    sys.exit(main())
