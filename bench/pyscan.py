#!/usr/bin/env python3
"""A competent pure-Python crash scanner, the baseline crash-atlas is
measured against: json + a multiprocessing pool, one JSON line per crash in
the shape of `crash-atlas scan --format jsonl` (classification fields null).

Usage: python3 bench/pyscan.py [--jobs N] [--platform P] [--output FILE] PATH...
"""
import argparse
import json
import multiprocessing
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from corpus_files import notebook_paths  # noqa: E402

NULL_FIELDS = ("crash_type", "root_cause", "root_cause_detail", "ml_bug", "stage", "library", "cluster", "evidence")


def cells_of(nb):
    if nb.get("nbformat") == 3 or "worksheets" in nb:
        return [c for ws in nb.get("worksheets") or [] for c in ws.get("cells") or []]
    return nb.get("cells") or []


def scan_one(path):
    """Returns (path, [crash dicts]) or (path, error message)."""
    try:
        with open(path, "rb") as f:
            nb = json.loads(f.read())
        crashes = []
        for index, cell in enumerate(cells_of(nb)):
            if not isinstance(cell, dict) or cell.get("cell_type") != "code":
                continue
            count = cell.get("execution_count", cell.get("prompt_number"))
            for out in cell.get("outputs") or []:
                if isinstance(out, dict) and out.get("output_type") in ("error", "pyerr"):
                    crashes.append((index, count, out.get("ename"), out.get("evalue")))
        return path, crashes
    except (OSError, ValueError, AttributeError, TypeError) as e:
        return path, f"{type(e).__name__}: {e}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--platform", default="local", choices=["local", "github", "kaggle"])
    parser.add_argument("--output")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()

    paths = notebook_paths(args.paths)
    sink = open(args.output, "w", encoding="utf-8") if args.output else sys.stdout
    n_crashes = 0
    with multiprocessing.Pool(args.jobs) as pool:
        # imap keeps input order, so the output is deterministic whatever the jobs
        for path, result in pool.imap(scan_one, paths, chunksize=8):
            if isinstance(result, str):
                print(f"pyscan: {path}: {result}", file=sys.stderr)
                continue
            for cell, count, ename, evalue in result:
                record = {"notebook": path, "platform": args.platform, "cell": cell, "execution_count": count,
                          "ename": ename, "evalue": evalue}
                record.update(dict.fromkeys(NULL_FIELDS))
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                n_crashes += 1
    if sink is not sys.stdout:
        sink.close()
    print(f"pyscan: {len(paths)} notebooks, {n_crashes} crashes", file=sys.stderr)


if __name__ == "__main__":
    main()
