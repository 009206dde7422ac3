#!/usr/bin/env python3
"""The read-every-byte floor: N processes read every notebook completely in
big chunks and do nothing else. No scanner can beat this on the same cache.

Usage: python3 bench/floor.py [--jobs N] PATH...
"""
import argparse
import multiprocessing
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from corpus_files import notebook_paths  # noqa: E402

CHUNK = 4 * 1024 * 1024


def read_all(path):
    n = 0
    fd = os.open(path, os.O_RDONLY)
    try:
        while True:
            block = os.read(fd, CHUNK)
            if not block:
                return n
            n += len(block)
    finally:
        os.close(fd)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    paths = notebook_paths(args.paths)
    with multiprocessing.Pool(args.jobs) as pool:
        total = sum(pool.imap_unordered(read_all, paths, chunksize=8))
    print(f"floor: {len(paths)} files, {total} bytes", file=sys.stderr)


if __name__ == "__main__":
    main()
