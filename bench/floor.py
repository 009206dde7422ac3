#!/usr/bin/env python3
"""The read-every-byte floor: N processes read every notebook completely in
big chunks and do nothing else. No scanner can beat this on the same cache.

Plain fork()ed workers, each taking every N-th file, rather than a
multiprocessing pool: a pool's start-up and shutdown alone cost about half a
second, which would make the floor slower than a fast scanner.

Usage: python3 bench/floor.py [--jobs N] PATH...
"""
import argparse
import os
import sys

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from corpus_files import notebook_paths  # noqa: E402

CHUNK = 4 * 1024 * 1024


def read_all(path, buf=None):
    """Reads @path to the end into one reused buffer; returns the byte count."""
    buf = buf if buf is not None else bytearray(CHUNK)
    n = 0
    fd = os.open(path, os.O_RDONLY)
    try:
        while True:
            got = os.readv(fd, [buf])
            if not got:
                return n
            n += got
    finally:
        os.close(fd)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    paths = notebook_paths(args.paths)
    children = []
    for k in range(args.jobs):
        pid = os.fork()
        if pid == 0:
            buf = bytearray(CHUNK)
            for p in paths[k::args.jobs]:
                read_all(p, buf)
            os._exit(0)
        children.append(pid)
    failed = sum(1 for pid in children if os.waitpid(pid, 0)[1] != 0)
    print(f"floor: {len(paths)} files, {args.jobs} processes", file=sys.stderr)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
