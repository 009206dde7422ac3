#!/usr/bin/env python3
"""Generates the synthetic scan-benchmark corpus: the study's scale (64,031
notebooks, 92,542 crashes, about 25 GB) or any fraction of it.

Deterministic for a given --seed, --shape and --fraction: notebook i is built
from its own random stream, so --jobs changes the speed, never the bytes.

Usage: python3 bench/gen_corpus.py --fraction 0.01 --out bench/corpus-study-0.01 [--shape study|flat]
                                   [--jobs N] [--lean]

--shape study (the default) is shaped like the study's corpus, which was
collected because its notebooks crash: every notebook holds at least one
crash (1.45 a notebook, the study's 92,542 / 64,031), every message is drawn
with its own names, shapes, paths and numbers (bench/study_crashes.py: about
650 distinct messages per 1,000 crashes), sizes lognormal with a median of
140 KB and a mean near 400 KB, up to 8 MB. --shape flat is the corpus of
stops 1 to 13: 60% of notebooks crash-free and 16 fixed messages, which lets
a scanner skip most notebooks and flatters any cache keyed on text.

--lean writes the same notebooks without the image padding: the study's
64,031 notebooks and 92,542 crashes in a few hundred MB, for the figures
that depend on what is stored (reopen, filters, memory), not on bytes read.
"""
import argparse
import base64
import json
import math
import multiprocessing
import os
import random
import sys
import time

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import study_crashes  # noqa: E402
import templates as T  # noqa: E402
from demogen import outputs as out  # noqa: E402
from demogen.builder import Notebook  # noqa: E402

STUDY_NOTEBOOKS, STUDY_CRASHES = 64031, 92542
CRASH_FREE = 0.60            # share of notebooks without any crash
V3_SHARE = 0.03              # share of nbformat 3 files
MEDIAN, SIGMA = 150e3, 1.40  # lognormal sizes: median 150 KB, mean ~400 KB
STUDY_MEDIAN, STUDY_SIGMA = 150e3, 1.40  # lands near the study's: median ~140 KB, mean ~400 KB
MIN_SIZE, MAX_SIZE = 4e3, 8e6
BLOB_CHARS = 2 * 1024 * 1024  # one shared pool of base64 "image" text per process
_BLOBS = None


def blobs(seed):
    """Random bytes, base64-encoded once per process: images are slices of
    these, so writing 25 GB costs no per-image encoding."""
    global _BLOBS
    if _BLOBS is None:
        rng = random.Random(seed)
        _BLOBS = [base64.b64encode(rng.randbytes(BLOB_CHARS * 3 // 4)).decode("ascii") for _ in range(8)]
    return _BLOBS


def plan(fraction, seed, shape):
    """How many crashes each notebook gets, summing exactly to the study's
    count times the fraction: with the flat shape 40% of notebooks crash,
    with the study's every one does; 1 or more each."""
    n = max(1, round(STUDY_NOTEBOOKS * fraction))
    total = round(STUDY_CRASHES * fraction)
    rng = random.Random(seed)
    crash_free = CRASH_FREE if shape == "flat" else 0.0
    crashing = rng.sample(range(n), min(n, max(1, round(n * (1 - crash_free)))) if total else [])
    counts = [0] * n
    for i in crashing[:total]:
        counts[i] = 1
    for _ in range(total - min(total, len(crashing))):
        counts[rng.choice(crashing)] += 1
    return counts


def relpath(i, rng):
    """owner/repo/... for GitHub-like files, user/kernel for Kaggle-like ones."""
    owner = f"user{rng.randrange(20000):05d}"
    if i % 5 < 3:
        sub = rng.choice(["", "notebooks/", "src/notebooks/", "homework/week3/", "experiments/2021/"])
        return f"github/{owner}/repo{rng.randrange(50)}/{sub}nb{i:06d}.ipynb"
    return f"kaggle/{owner}/kernel-{i:06d}.ipynb"


def build(i, n_crashes, rng, shape):
    style, site = rng.choice(T.STYLES)
    v3 = rng.random() < V3_SHARE
    nb = Notebook(f"nb{i}", "ipy3" if v3 else style, site, nbformat=(3, 0) if v3 else (4, rng.choice([2, 4, 4, 5])),
                  ansi=rng.random() < 0.7, source_as=rng.choice(["list", "list", "str"]))
    nb.heading(1, f"Notebook {i}")
    nb.code(rng.choice(T.IMPORTS))
    n_cells = rng.randint(6, 30)
    crash_at = set(rng.sample(range(n_cells), min(n_cells, n_crashes)))
    extra = max(0, n_crashes - n_cells)  # more crashes than cells: append them
    for k in range(n_cells + extra):
        if rng.random() < 0.3:
            nb.heading(2, rng.choice(T.HEADINGS))
        if k in crash_at or k >= n_cells:
            source, crash = rng.choice(T.CRASHES) if shape == "flat" else study_crashes.varied_crash(rng)
            nb.crash(source, crash)
            continue
        outputs = []
        r = rng.random()
        if r < 0.3:
            outputs.append(out.stream(rng.choice(T.STREAMS)))
        elif r < 0.5:
            outputs.append(out.table(*rng.choice(T.TABLES)[:2]))
        nb.code(rng.choice(T.CODE), *outputs)
    return nb


def add_images(doc, target, rng, seed, lean=False):
    """Pads the notebook to its target size with image/png outputs. With
    lean, draws the very same random numbers but appends nothing, so the
    rest of the notebook (and its indentation) stays byte-for-byte the one
    the full corpus gets, minus the images."""
    missing = int(target) - len(json.dumps(doc))
    cells = doc["worksheets"][0]["cells"] if doc["nbformat"] == 3 else doc["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    pool = None if lean else blobs(seed)
    while missing > 0 and code:
        size = min(missing, rng.randint(20_000, 400_000), BLOB_CHARS) // 4 * 4 or 4
        start = rng.randrange(0, BLOB_CHARS - size + 1) // 4 * 4
        if lean:
            rng.choice(range(8))
            rng.choice(code)
            missing -= size + 120
            continue
        data = rng.choice(pool)[start:start + size]
        if doc["nbformat"] == 3:
            img = {"output_type": "display_data", "png": data, "metadata": {}}
        else:
            img = {"output_type": "display_data", "metadata": {},
                   "data": {"image/png": data, "text/plain": ["<Figure size 640x480 with 1 Axes>"]}}
        rng.choice(code)["outputs"].append(img)
        missing -= size + 120


def write_one(job):
    i, n_crashes, root, seed, lean, shape = job
    rng = random.Random(seed * 1_000_003 + i)
    path = relpath(i, rng)
    median, sigma = (MEDIAN, SIGMA) if shape == "flat" else (STUDY_MEDIAN, STUDY_SIGMA)
    target = min(MAX_SIZE, max(MIN_SIZE, rng.lognormvariate(math.log(median), sigma)))
    doc, _ = build(i, n_crashes, rng, shape).to_json()
    add_images(doc, target, rng, seed, lean)
    text = json.dumps(doc, indent=1 if rng.random() < 0.5 else None, ensure_ascii=False)
    full = os.path.join(root, path)
    os.makedirs(os.path.dirname(full), exist_ok=True)
    with open(full, "w", encoding="utf-8") as f:
        f.write(text)
    return len(text.encode("utf-8"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--fraction", type=float, default=0.01)
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=2025)
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--shape", choices=["study", "flat"], default="study",
                        help="study: every notebook crashes, varied messages (default); flat: the old corpus")
    parser.add_argument("--lean", action="store_true",
                        help="the same notebooks without the base64 image padding (study scale in < 1 GB)")
    args = parser.parse_args()

    counts = plan(args.fraction, args.seed, args.shape)
    jobs = [(i, c, args.out, args.seed, args.lean, args.shape) for i, c in enumerate(counts)]
    t0, total = time.monotonic(), 0
    with multiprocessing.Pool(args.jobs) as pool:
        for k, size in enumerate(pool.imap(write_one, jobs, chunksize=16), 1):
            total += size
            if k % 2000 == 0:
                print(f"  {k}/{len(jobs)} notebooks, {total / 1e9:.2f} GB", file=sys.stderr)
    manifest = {"fraction": args.fraction, "seed": args.seed, "shape": args.shape, "lean": args.lean,
                "notebooks": len(counts),
                "crashes": sum(counts), "crashing_notebooks": sum(1 for c in counts if c),
                "bytes": total}
    with open(os.path.join(args.out, "MANIFEST.json"), "w") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    print(f"{manifest['notebooks']} notebooks, {manifest['crashes']} crashes, {total / 1e6:.1f} MB "
          f"in {time.monotonic() - t0:.1f} s -> {args.out}")


if __name__ == "__main__":
    main()
