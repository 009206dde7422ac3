#!/usr/bin/env python3
"""Checks the demo corpus: every notebook loads as JSON, every crash has
exactly one label and every label a crash, the "---->" line of each
traceback is a line of its cell, and the labels cover every identifier of
the taxonomy's crash types, root causes, bug kinds and stages.

Usage: python3 data/demo/check.py   (exit status 1 on any problem)
"""
import collections
import glob
import json
import os
import re
import sys

TAXONOMY = {
    "crash_type": "VNF NAME MODULE ATTR KEY INDEX TYPE VALUE TSHAPE BCAST DVIOL FNAME IARG INIT RUNTIME OOM IO RERR "
                  "ENV OTHER".split(),
    "root_cause": "API DATA NB IMPL ENV MODEL RSC LIB UNK".split(),
    "ml_bug": ["ML", "PY"],
    "stage": "ENVS DATAP DATAV MCONS TRAIN EVAL".split(),
}
ANSI = re.compile(r"\x1b\[[0-9;]*m")
ARROW = re.compile(r"^-*> *(\d+) (.*)$")


def cells_of(nb):
    if nb.get("nbformat") == 3:
        return [c for ws in nb.get("worksheets", []) for c in ws.get("cells", [])]
    return nb.get("cells", [])


def text(value):
    return "".join(value) if isinstance(value, list) else value


def crashes(nb):
    """(cell index, source, error output) for every error/pyerr output."""
    for index, cell in enumerate(cells_of(nb)):
        source = text(cell.get("source", cell.get("input", "")))
        for out in cell.get("outputs", []):
            if out.get("output_type") in ("error", "pyerr"):
                yield index, source, out


CELL_HEADER = re.compile(r"^(Cell In\[|Input In \[|<ipython-input-|/tmp/ipykernel_)")


def arrow_matches(source, traceback):
    """The "---->" line of the crashing cell's frame is a line of the cell."""
    lines = source.split("\n")
    for part in traceback:
        plain = ANSI.sub("", part).split("\n")
        if not CELL_HEADER.match(plain[0]):
            continue
        for line in plain[1:]:
            m = ARROW.match(line)
            if m:
                n = int(m.group(1))
                return 0 < n <= len(lines) and lines[n - 1] == m.group(2)
        return False
    return True  # SyntaxErrors and bare tracebacks carry no cell frame


def main():
    root = os.path.dirname(os.path.abspath(__file__))
    problems, found, total_bytes, ansi_nbs = [], set(), 0, 0
    formats = collections.Counter()
    paths = sorted(glob.glob(os.path.join(root, "*", "*.ipynb")))
    for path in paths:
        rel = os.path.relpath(path, root)
        total_bytes += os.path.getsize(path)
        with open(path, encoding="utf-8") as f:
            nb = json.load(f)
        formats[f"{nb['nbformat']}.{nb['nbformat_minor']}"] += 1
        has_ansi = False
        for index, source, out in crashes(nb):
            found.add((rel, index))
            has_ansi |= any("\x1b[" in t for t in out["traceback"])
            if not arrow_matches(source, out["traceback"]):
                problems.append(f"{rel} cell {index}: the ----> line is not in the cell source")
        ansi_nbs += has_ansi
    with open(os.path.join(root, "labels.jsonl"), encoding="utf-8") as f:
        labels = [json.loads(line) for line in f]
    labelled = {(row["notebook"], row["cell"]) for row in labels}
    problems += [f"crash without a label: {k}" for k in sorted(found - labelled)]
    problems += [f"label without a crash: {k}" for k in sorted(labelled - found)]
    print(f"{len(paths)} notebooks, {len(found)} crashes, {len(labels)} labels, "
          f"{total_bytes / 1e6:.2f} MB, {ansi_nbs} with ANSI tracebacks")
    print("nbformat:", dict(sorted(formats.items())))
    for dim, ids in TAXONOMY.items():
        counts = collections.Counter(row[dim] for row in labels)
        missing = [i for i in ids if counts[i] == 0]
        unknown = sorted(set(counts) - set(ids))
        print(f"{dim}: " + " ".join(f"{i}={counts[i]}" for i in ids))
        problems += [f"{dim}: no crash labelled {i}" for i in missing]
        problems += [f"{dim}: unknown identifier {i}" for i in unknown]
    libs = collections.Counter(row["library"] for row in labels)
    print("library:", " ".join(f"{k}={v}" for k, v in libs.most_common()))
    for p in problems:
        print("PROBLEM:", p, file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
