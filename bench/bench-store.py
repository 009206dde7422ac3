#!/usr/bin/env python3
"""Corpus-file benchmark: import a generated corpus into a corpus file
(`crash-atlas scan --db`), import it again (everything skipped), reopen it
and load every crash, aggregate as the charts would, rebuild notebooks for
the cell view, re-classify from the store, re-cluster and export; then the
scan benchmark (bench/bench.py) on the same corpus for crash-atlas against
pyscan and the read floor. Prints the figures; not a test.

Usage: python3 bench/bench-store.py --fraction 1 --jobs 2
"""
import argparse
import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from bench import ensure_corpus, measure  # noqa: E402
from corpus_files import notebook_paths  # noqa: E402

PY = sys.executable


def remove_db(db):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)


def figures(command):
    """Runs atlas-store-bench and parses its "key: value" lines."""
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return dict(line.split(": ", 1) for line in done.stdout.splitlines() if ": " in line)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fraction", type=float, default=0.03, help="of the study's scale (default 0.03)")
    parser.add_argument("--corpus", help="use this generated corpus instead of bench/corpus-FRACTION")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1, help="repeats of the scan benchmark")
    parser.add_argument("--crash-atlas", default="build/src/crash-atlas")
    parser.add_argument("--store-bench", default="build/bench/atlas-store-bench")
    parser.add_argument("--db", help="the corpus file (default bench/out/store-FRACTION.crashatlas)")
    parser.add_argument("--no-scan-bench", action="store_true", help="skip bench/bench.py")
    args = parser.parse_args()

    corpus, manifest = ensure_corpus(args)
    paths = notebook_paths([corpus])
    n_bytes = sum(os.path.getsize(p) for p in paths)
    db = args.db or os.path.join(HERE, "out", f"store-{args.fraction:g}.crashatlas")
    os.makedirs(os.path.dirname(db), exist_ok=True)
    remove_db(db)
    ca, sb, jobs = args.crash_atlas, args.store_bench, str(args.jobs)
    print(f"corpus {corpus}: {len(paths)} notebooks, {manifest['crashes']} crashes (manifest), "
          f"{n_bytes / 1e9:.2f} GB; jobs {args.jobs}; corpus file {db}\n")

    imp = measure([ca, "scan", "--jobs", jobs, "--db", db, corpus])
    print(f"import (scan --db, SHA-256 of every file, classify, write, cluster): {imp['wall']:.2f} s, "
          f"{n_bytes / 1e6 / imp['wall']:.0f} MB/s, {len(paths) / imp['wall']:.0f} notebooks/s, "
          f"peak RSS {imp['maxrss_kib'] / 1024:.0f} MiB")
    again = measure([ca, "scan", "--jobs", jobs, "--db", db, corpus])
    print(f"import again (every notebook skipped by content hash): {again['wall']:.2f} s")
    print(f"corpus file: {os.path.getsize(db) / 1e6:.1f} MB\n")

    out = os.path.join(os.path.dirname(db), "export.jsonl")
    exp = measure([ca, "export", "--db", db, "--format", "jsonl"], stdout=out)
    with open(out, "rb") as f:
        n_exported = sum(1 for _ in f)
    print(f"export jsonl: {exp['wall']:.2f} s, {n_exported} records (manifest {manifest['crashes']})")

    reopen = measure([sb, "reopen", db])
    r = figures([sb, "reopen", db])
    print(f"reopen (separate process): {r['notebooks']} notebooks, {r['crashes']} crashes")
    print(f"  open + checks:                  {float(r['open_ms']):8.1f} ms")
    print(f"  open -> every crash loaded:     {float(r['reopen_to_corpus_loaded_ms']):8.1f} ms "
          f"(CPU {float(r['reopen_to_corpus_loaded_cpu_ms']):.1f} ms)")
    print(f"  peak RSS with the corpus loaded: {int(r['peak_rss_loaded_kib']) / 1024:7.1f} MiB "
          f"(whole process run: {reopen['maxrss_kib'] / 1024:.1f} MiB)")
    print(f"  filter change, charts' statistics + all {r['charts']} chart models: median "
          f"{float(r['charts_filter_stats_models_ms_median']):.2f} ms, "
          f"max {float(r['charts_filter_stats_models_ms_max']):.2f} ms")
    print(f"  ... and all {r['charts']} charts drawn with Cairo (900x560 image): median "
          f"{float(r['charts_and_cairo_drawing_ms_median']):.2f} ms, "
          f"max {float(r['charts_and_cairo_drawing_ms_max']):.2f} ms, "
          f"CPU median {float(r['charts_and_cairo_drawing_cpu_ms_median']):.2f} ms")
    print(f"  (a hand-written filter + 5 histograms + heatmap pass: median "
          f"{float(r['filter_and_aggregate_ms_median']):.2f} ms)")
    print(f"  peak RSS after the charts: {int(r['peak_rss_after_charts_kib']) / 1024:.1f} MiB")
    print(f"  one notebook rebuilt from the store for the cell view: "
          f"{float(r['load_one_notebook_for_cell_view_ms']):.2f} ms")

    c = figures([sb, "clusters", db])
    print(f"re-cluster every stored message: {float(c['update_clusters_ms']) / 1000:.2f} s")
    rc = figures([sb, "reclassify", db])
    print(f"re-classify from the store (no notebook re-read): {float(rc['reclassify_from_store_ms']) / 1000:.2f} s"
          f" (vs import {imp['wall']:.2f} s)\n")

    if not args.no_scan_bench:
        print("scan benchmark (bench/bench.py):", flush=True)
        subprocess.run([PY, os.path.join(HERE, "bench.py"), "--corpus", corpus, "--jobs", jobs,
                        "--repeat", str(args.repeat), "--crash-atlas", ca], check=True)


if __name__ == "__main__":
    main()
