#!/usr/bin/env python3
"""Scan benchmark: crash-atlas against a pure-Python scanner and against the
read-every-byte floor, on a synthetic corpus at a fraction of the study's
scale (1.0 = 64,031 notebooks, 92,542 crashes, ~25 GB).

Usage: python3 bench/bench.py --fraction 0.05 --jobs 2 --crash-atlas build/src/crash-atlas
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from corpus_files import notebook_paths  # noqa: E402
from floor import read_all  # noqa: E402

PY = sys.executable


def ensure_corpus(args):
    # The flat corpus keeps the folder name of stops 1 to 13.
    name = f"corpus-{args.fraction:g}" if args.shape == "flat" else f"corpus-study-{args.fraction:g}"
    corpus = args.corpus or os.path.join(HERE, name)
    manifest = os.path.join(corpus, "MANIFEST.json")
    if not os.path.exists(manifest):
        if args.corpus:
            sys.exit(f"bench: {corpus} has no MANIFEST.json (make one with bench/gen_corpus.py)")
        print(f"generating the {args.shape} corpus (fraction {args.fraction:g}) in {corpus} ...", flush=True)
        subprocess.run([PY, os.path.join(HERE, "gen_corpus.py"), "--fraction", str(args.fraction),
                        "--shape", args.shape, "--out", corpus, "--jobs", str(args.jobs)], check=True)
    with open(manifest) as f:
        return corpus, json.load(f)


def measure(command, stdout=None):
    """One run in a fresh measuring process; returns its JSON result."""
    wrapper = [PY, os.path.join(HERE, "measure.py")] + (["--stdout", stdout] if stdout else []) + ["--"]
    done = subprocess.run(wrapper + command, capture_output=True, text=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["stderr"] = done.stderr
    if result["returncode"] != 0:
        sys.exit(f"bench: {' '.join(command)} failed ({result['returncode']}):\n{done.stderr}")
    return result


def run_in_turns(commands, n):
    """Runs each (name, command) once per round, n rounds: a burst of other
    load on the machine then slows all of them alike instead of whichever
    happened to be measured during it. Returns the runs of each name."""
    runs = {name: [] for name, _ in commands}
    for _ in range(n):
        for name, command in commands:
            runs[name].append(measure(command))
    return runs


def summary(name, runs):
    walls = sorted(r["wall"] for r in runs)
    return {"name": name, "best": walls[0], "median": statistics.median(walls),
            "maxrss_kib": max(r["maxrss_kib"] for r in runs), "stderr": runs[-1]["stderr"]}


def count_lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def report(row, n_bytes, n_notebooks):
    mb = n_bytes / 1e6
    print(f"  {row['name']:<12} best {row['best']:8.3f} s  median {row['median']:8.3f} s  "
          f"{mb / row['best']:9.1f} MB/s  {n_notebooks / row['best']:9.1f} notebooks/s  "
          f"peak RSS {row['maxrss_kib'] / 1024:7.1f} MiB")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fraction", type=float, default=0.01, help="of the study's scale (default 0.01)")
    parser.add_argument("--shape", choices=["study", "flat"], default="study",
                        help="corpus to generate: study (every notebook crashes, varied messages; the headline "
                        "figure) or flat (stops 1-13's corpus)")
    parser.add_argument("--corpus", help="use this generated corpus instead of bench/corpus-[study-]FRACTION")
    parser.add_argument("--no-classify", action="store_true",
                        help="also measure crash-atlas scan --no-classify, to show what classification costs")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--crash-atlas", default="build/src/crash-atlas")
    args = parser.parse_args()

    corpus, manifest = ensure_corpus(args)
    paths = notebook_paths([corpus])
    n_bytes = sum(os.path.getsize(p) for p in paths)
    print(f"corpus {corpus}: {len(paths)} notebooks, {manifest['crashes']} crashes (manifest), "
          f"{n_bytes / 1e6:.1f} MB; jobs {args.jobs}, repeat {args.repeat}")
    # The page cache cannot be dropped without root: read every byte once so
    # that all three measurements run on the same, warm cache.
    buf = bytearray(4 * 1024 * 1024)
    for p in paths:
        read_all(p, buf)
    print("warm cache: every byte was read once before measuring (caches are not dropped)\n")

    tmp = tempfile.mkdtemp(prefix="crash-atlas-bench-")
    counts = {}
    py_out = os.path.join(tmp, "pyscan.jsonl")
    ca_out = os.path.join(tmp, "crash-atlas.jsonl")
    commands = [
        ("floor", [PY, os.path.join(HERE, "floor.py"), "--jobs", str(args.jobs), corpus]),
        ("pyscan", [PY, os.path.join(HERE, "pyscan.py"), "--jobs", str(args.jobs), "--output", py_out, corpus]),
    ]
    ca = args.crash_atlas
    if os.access(ca, os.X_OK):
        commands.append(("crash-atlas", [ca, "scan", "--format", "jsonl", "--jobs", str(args.jobs),
                                         "--output", ca_out, corpus]))
        if args.no_classify:
            commands.append(("no-classify", [ca, "scan", "--no-classify", "--format", "jsonl", "--jobs",
                                             str(args.jobs), "--output", os.path.join(tmp, "no-classify.jsonl"),
                                             corpus]))
    else:
        print(f"crash-atlas: no executable at {ca} (build it, or pass --crash-atlas PATH); "
              "measuring the floor and pyscan only\n")
    runs = run_in_turns(commands, args.repeat)
    rows = [summary(name, runs[name]) for name, _ in commands]
    counts["pyscan"] = count_lines(py_out)
    if "crash-atlas" in runs:
        counts["crash-atlas"] = count_lines(ca_out)

    print(f"wall time (best and median of {args.repeat} rounds, the three commands in turns), throughput "
          "from the best run, peak RSS of the largest single process:")
    for row in rows:
        report(row, n_bytes, len(paths))
    print(f"\ncrashes found: manifest {manifest['crashes']}, "
          + ", ".join(f"{k} {v}" for k, v in counts.items()))
    if len(set(counts.values()) | {manifest["crashes"]}) > 1:
        print("WARNING: the crash counts differ")
    by = {r["name"]: r for r in rows}
    if "crash-atlas" in by:
        print(f"crash-atlas vs pyscan: {by['pyscan']['best'] / by['crash-atlas']['best']:.2f}x faster")
        rounds = sorted(p["wall"] / c["wall"] for p, c in zip(runs["pyscan"], runs["crash-atlas"]))
        print(f"  round by round:      median {statistics.median(rounds):.2f}x, "
              f"{rounds[0]:.2f}x to {rounds[-1]:.2f}x")
        print(f"crash-atlas vs floor:  {by['crash-atlas']['best'] / by['floor']['best']:.2f}x the floor's time")
    if "no-classify" in by:
        rounds = sorted(c["wall"] / n["wall"] for c, n in zip(runs["crash-atlas"], runs["no-classify"]))
        print(f"classification:        +{(statistics.median(rounds) - 1) * 100:.0f}% of the scan's wall time "
              "(median of rounds, scan against scan --no-classify)")
    print(f"pyscan vs floor:       {by['pyscan']['best'] / by['floor']['best']:.2f}x the floor's time")
    print(f"(outputs kept in {tmp})")


if __name__ == "__main__":
    main()
