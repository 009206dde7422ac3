#!/usr/bin/env python3
"""Regenerates the Crash Atlas demo corpus: data/demo/{kaggle,github}/*.ipynb
and data/demo/labels.jsonl (the labels each crash was written to carry).

Deterministic: the same script always writes the same bytes.
Usage: python3 data/demo/generate.py [--out DIR]
"""
import argparse
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True  # keep __pycache__ out of the committed corpus
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from demogen import github_nbs, kaggle_nbs  # noqa: E402


def vary(index, nb):
    """Spread the forms found in the wild over the notebooks: about 30% carry
    plain tracebacks (exported by tools that strip colour), a quarter store
    sources as single strings, a few use another JSON indent."""
    if index % 10 in (3, 6, 9):
        nb.ansi = False
    if index % 4 == 1:
        nb.source_as = "str"
    if index % 9 == 7:
        nb.indent = 2 if nb.path.startswith("github/") else None
    return nb


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=here)
    args = parser.parse_args()

    for sub in ("kaggle", "github"):
        shutil.rmtree(os.path.join(args.out, sub), ignore_errors=True)
    labels = []
    builders = kaggle_nbs.NOTEBOOKS + github_nbs.NOTEBOOKS
    for index, build in enumerate(builders):
        labels += vary(index, build()).write(args.out)
    with open(os.path.join(args.out, "labels.jsonl"), "w", encoding="utf-8") as f:
        for row in labels:
            f.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(builders)} notebooks, {len(labels)} crashes written to {args.out}")


if __name__ == "__main__":
    main()
