#!/usr/bin/env python3
"""Runs one command and prints {"wall": s, "maxrss_kib": n, "returncode": rc}
as one JSON line on its stdout.

It exists because RUSAGE_CHILDREN only ever grows within a process: a fresh
measuring process per run is what makes each peak RSS belong to that run. The
peak is that of the largest single process (the kernel keeps the maximum over
waited-for descendants), not the sum over a pool's workers.

Usage: python3 bench/measure.py [--stdout FILE] -- COMMAND...
"""
import json
import resource
import subprocess
import sys
import time


def main():
    argv = sys.argv[1:]
    stdout = None
    if argv[:1] == ["--stdout"]:
        stdout, argv = argv[1], argv[2:]
    if argv[:1] == ["--"]:
        argv = argv[1:]
    sink = open(stdout, "wb") if stdout else subprocess.DEVNULL
    t0 = time.perf_counter()
    rc = subprocess.call(argv, stdout=sink)
    wall = time.perf_counter() - t0
    maxrss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    print(json.dumps({"wall": wall, "maxrss_kib": maxrss, "returncode": rc}))


if __name__ == "__main__":
    main()
