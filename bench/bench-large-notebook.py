#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Classification time on one large notebook (issue 21, part 6): writes a
notebook of about SIZE megabytes (default 100) whose code cells crash every
CRASH_EVERY cells (NameErrors, KeyErrors, shape errors, with tracebacks and
definitions above and below), then prints the scan's wall time and peak
memory with --no-classify and with classification, one run each.

Usage: bench/bench-large-notebook.py [SIZE_MB] [CRASH_EVERY] [BINARY]
"""
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def crash(i):
    kind = i % 3
    if kind == 0:
        return ('NameError', f"name 'frame_{i + 7}' is not defined", f'print(frame_{i + 7}.shape)')
    if kind == 1:
        return ('KeyError', f"'col_{i}'", f"df['col_{i}'].mean()")
    return ('ValueError', 'operands could not be broadcast together with shapes (3,) (4,)',
            'x = np.ones(3) + np.ones(4)')


def make(path, size_mb, every):
    cells = [{'cell_type': 'code', 'execution_count': 1, 'metadata': {}, 'outputs': [],
              'source': 'import numpy as np\nimport pandas as pd\n'}]
    filler = '\n'.join(f'value_{k} = np.arange({k}) * 2  # preparing column {k}' for k in range(40))
    size, i = 0, 0
    while size < size_mb * 1e6:
        i += 1
        source = f'frame_{i} = pd.DataFrame({{"a": [1, 2]}})\n' + filler
        cell = {'cell_type': 'code', 'execution_count': i + 1, 'metadata': {}, 'outputs': [],
                'source': source}
        if i % every == 0:
            ename, evalue, line = crash(i)
            cell['source'] = line + '\n' + filler
            cell['outputs'].append({'output_type': 'error', 'ename': ename, 'evalue': evalue, 'traceback': [
                '\x1b[0;31m' + '-' * 75 + '\x1b[0m',
                f'\x1b[0;31m{ename}\x1b[0m                                 Traceback (most recent call last)',
                f'\x1b[0;32m<ipython-input-{i + 1}-3f2a>\x1b[0m in \x1b[0;36m<module>\x1b[0;34m()\x1b[0m\n'
                f'\x1b[0;32m----> 1\x1b[0;31m {line}\x1b[0m\n',
                f'\x1b[0;31m{ename}\x1b[0m: {evalue}']})
        size += len(cell['source']) + 400
        cells.append(cell)
    with open(path, 'w') as f:
        json.dump({'nbformat': 4, 'nbformat_minor': 5, 'metadata': {}, 'cells': cells}, f)
    return len(cells), sum(1 for c in cells if c['outputs'])


def run(exe, args, path):
    timing = path + '.time'
    subprocess.run(['/usr/bin/time', '-f', '%e %M', '-o', timing, exe, 'scan', '--format', 'jsonl']
                   + args + [path], stdout=subprocess.DEVNULL, check=True)
    wall, peak = open(timing).read().split()[-2:]
    return float(wall), int(peak) / 1024


def main():
    size = float(sys.argv[1]) if len(sys.argv) > 1 else 100
    every = int(sys.argv[2]) if len(sys.argv) > 2 else 20
    exe = sys.argv[3] if len(sys.argv) > 3 else os.path.join(ROOT, 'build', 'src', 'crash-atlas')
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, 'large.ipynb')
        n_cells, n_crashes = make(path, size, every)
        mb = os.path.getsize(path) / 1e6
        plain = run(exe, ['--no-classify'], path)
        classified = run(exe, [], path)
        print(f'one notebook: {mb:.0f} MB, {n_cells} cells, {n_crashes} crashes')
        print(f'  --no-classify   {plain[0]:6.2f} s  peak {plain[1]:6.0f} MB')
        print(f'  classified      {classified[0]:6.2f} s  peak {classified[1]:6.0f} MB'
              f'  (+{100 * (classified[0] - plain[0]) / plain[0]:.0f}% time)')
    return 0


if __name__ == '__main__':
    sys.exit(main())
