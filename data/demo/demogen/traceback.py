"""IPython-style traceback lists, for the header forms of IPython 3 to 8.

A traceback is the list of strings IPython stores in an error output: a rule,
the "Traceback (most recent call last)" banner, one string per frame (header
plus numbered source lines, with embedded newlines) and the final
"ename: evalue" line. Styles:
  ipy3     <ipython-input-5-abc> in <module>()          (nbformat 3 era)
  ipy7     <ipython-input-5-abc> in <module>
  kaggle7  /tmp/ipykernel_33/123456.py in <module>
  input8   Input In [5], in <cell line: 3>()            (IPython 8.0-8.5)
  cell8    Cell In[5], line 3                           (IPython >= 8.6)
"""
import hashlib
from dataclasses import dataclass, field

from .highlight import colour, strip

RED, GREEN, CYAN, BLUE, BGREEN, RESET = ("\x1b[0;31m", "\x1b[0;32m", "\x1b[0;36m",
                                         "\x1b[0;34m", "\x1b[1;32m", "\x1b[0m")
BANNER = "Traceback (most recent call last)"
CHAINED = "\nThe above exception was the direct cause of the following exception:\n"
DURING = "\nDuring handling of the above exception, another exception occurred:\n"


@dataclass
class Frame:
    """A frame in a library. path is relative to site-packages unless absolute
    is set (Cython frames such as pandas/_libs/index.pyx print no source)."""
    path: str
    lineno: int
    func: str
    args: str = "()"
    line: str = None
    pre: list = field(default_factory=list)
    absolute: bool = False


@dataclass
class UserFrame:
    """A frame in a function defined by an earlier cell of the notebook."""
    count: int
    func: str
    args: str
    source: str
    lineno: int


@dataclass
class Crash:
    ename: str
    evalue: str
    at: object                 # the "---->" line: 1-based number or a substring of it
    frames: list = field(default_factory=list)
    labels: dict = None        # crash_type, root_cause, root_cause_detail, ml_bug, stage, library
    user_frames: list = field(default_factory=list)
    chain: tuple = None        # (frames, ename, evalue, joiner): the exception this one came from
    syntax: str = None         # the caret line of a SyntaxError, e.g. "    ^"
    bare: bool = False         # only the final line survives (unknown-cause crashes)


def _arrow(n):
    pad = 7 - len(str(n))
    return ("-" * (pad - 2) + "> " if pad >= 2 else "") + str(n)


def kernel_file(seed, count):
    """The ipykernel temp-file name of a cell, stable per notebook and count."""
    digest = hashlib.sha1(f"{seed}/{count}".encode()).hexdigest()
    return str(int(digest[:8], 16) % 4000000000 + 100000000) + ".py"


def input_hash(seed, count):
    return hashlib.sha1(f"{seed}#{count}".encode()).hexdigest()[:12]


class Renderer:
    def __init__(self, style, site, seed, kernel_pid=33):
        self.style, self.site, self.seed, self.pid = style, site, seed, kernel_pid
        self.scheme = "ipy8" if style.endswith("8") else "ipy7"
        self.v8 = self.scheme == "ipy8"

    # -- pieces -----------------------------------------------------------
    def _lines(self, numbered, current):
        """numbered: [(lineno, text)]; current: the lineno of the arrow."""
        out = []
        for n, text in numbered:
            code = colour(text, self.scheme)
            if n == current:
                out.append(f"{GREEN}{_arrow(n)}{RESET if self.v8 else RED} {code}\n")
            else:
                out.append(f"{BGREEN}{n:>7}{RESET} {code}\n")
        return "".join(out) + ("" if self.v8 else RESET)

    def _cell_name(self, count):
        if self.style == "kaggle7":
            return f"/tmp/ipykernel_{self.pid}/{kernel_file(self.seed, count)}"
        return f"<ipython-input-{count}-{input_hash(self.seed, count)}>"

    def _header_cell(self, count, lineno, func=None, args="()"):
        if self.style == "cell8":
            where = f", in {CYAN}{func}{BLUE}{args}{RESET}" if func else ""
            return f"Cell {GREEN}In[{count}], line {lineno}{RESET}{where}\n"
        if self.style == "input8":
            func, args = (func, args) if func else (f"<cell line: {lineno}>", "()")
            return f"Input {GREEN}In [{count}]{RESET}, in {CYAN}{func}{BLUE}{args}{RESET}\n"
        suffix = "()" if self.style == "ipy3" else ""
        func, args = (func, args) if func else ("<module>", suffix)
        return f"{GREEN}{self._cell_name(count)}{RESET} in {CYAN}{func}{BLUE}{args}{RESET}\n"

    def _path(self, frame):
        if frame.absolute:
            return frame.path
        if "\\" in self.site:
            return self.site + frame.path.replace("/", "\\")
        return self.site + frame.path

    def _header_lib(self, f):
        if self.v8:
            name = f.func
            return f"File {GREEN}{self._path(f)}:{f.lineno}{RESET}, in {CYAN}{name}{BLUE}{f.args}{RESET}\n"
        name = f.func if f.absolute else f.func.rsplit(".", 1)[-1]
        return f"{GREEN}{self._path(f)}{RESET} in {CYAN}{name}{BLUE}{f.args}{RESET}\n"

    def _cell_frame(self, count, source, lineno, func=None, args="()"):
        lines = source.split("\n")
        lo, hi = max(1, lineno - 2), min(len(lines), lineno + 2)
        numbered = [(n, lines[n - 1]) for n in range(lo, hi + 1)]
        return self._header_cell(count, lineno, func, args) + self._lines(numbered, lineno)

    def _lib_frame(self, f):
        if f.line is None:
            return self._header_lib(f)
        numbered = [(f.lineno - len(f.pre) + i, t) for i, t in enumerate(f.pre)]
        numbered.append((f.lineno, f.line))
        return self._header_lib(f) + self._lines(numbered, f.lineno)

    def _banner(self, ename):
        pad = " " * max(1, 75 - len(ename) - len(BANNER))
        return [f"{RED}{'-' * 75}{RESET}", f"{RED}{ename}{RESET}{pad}{BANNER}"]

    def _final(self, ename, evalue):
        return f"{RED}{ename}{RESET}: {evalue}"

    # -- whole tracebacks -------------------------------------------------
    def _syntax(self, crash, count, lineno, code):
        if self.v8:
            fname = kernel_file(self.seed, count)
            where = f"Cell {GREEN}In[{count}], line {lineno}" if self.style == "cell8" \
                else f"Input {GREEN}In [{count}]"
        else:
            fname = self._cell_name(count)
            where = f'File {GREEN}"{fname}"{CYAN}, line {GREEN}{lineno}'
        evalue = f"{crash.evalue} ({fname.rsplit('/', 1)[-1]}, line {lineno})"
        text = (f"{CYAN}  {where}{CYAN}{RESET}\n{RED}    {code.strip()}{RESET}\n"
                f"{RESET}{crash.syntax}{RESET}\n{RED}{crash.ename}{RESET}{RED}:{RESET} {crash.evalue}\n")
        return evalue, [text]

    def render(self, crash, count, source, ansi=True):
        """Returns (evalue, traceback list) for @crash raised in a cell."""
        lines = source.split("\n")
        if isinstance(crash.at, int):
            lineno = crash.at
        else:
            lineno = next(i for i, t in enumerate(lines, 1) if crash.at in t)
        if crash.syntax is not None:
            evalue, tb = self._syntax(crash, count, lineno, lines[lineno - 1])
        elif crash.bare:
            evalue, tb = crash.evalue, [self._final(crash.ename, crash.evalue)]
        else:
            evalue, tb = crash.evalue, []
            if crash.chain:
                frames, ename, value, joiner = crash.chain
                tb += self._banner(ename) + [self._lib_frame(f) for f in frames]
                tb += [self._final(ename, value), joiner]
            tb += self._banner(crash.ename) + [self._cell_frame(count, source, lineno)]
            for u in crash.user_frames:
                tb.append(self._cell_frame(u.count, u.source, u.lineno, u.func, u.args))
            tb += [self._lib_frame(f) for f in crash.frames]
            tb.append(self._final(crash.ename, crash.evalue))
        if not ansi:
            tb = [strip(t) for t in tb]
        return evalue, tb
