"""ANSI syntax colouring of a source line, the way IPython tracebacks do it.

IPython 7 and older colour tokens with the old 8-colour scheme and close every
token with a reset; IPython 8 goes through Pygments' 256-colour terminal
formatter. Stripping the escapes must give back the line exactly, which is
what the app relies on to match a traceback's "---->" line to the cell.
"""
import keyword
import re

TOKEN = re.compile(r"""
 (?P<comment>\#.*)
|(?P<string>[rbfuRBFU]{0,2}(?:'(?:\\.|[^'\\])*'?|"(?:\\.|[^"\\])*"?))
|(?P<number>\b\d+(?:\.\d*)?(?:[eE][-+]?\d+)?j?\b)
|(?P<name>[A-Za-z_]\w*)
|(?P<ws>\s+)
|(?P<op>\*\*=?|//=?|->|[-+*/%&|^~<>=!@]=?|\.)
|(?P<punct>[()\[\]{},:;])
|(?P<other>.)
""", re.X)

BUILTINS = {"print", "len", "range", "int", "float", "str", "list", "dict", "set", "tuple",
            "open", "zip", "enumerate", "sum", "min", "max", "abs", "round", "type",
            "isinstance", "sorted", "map", "super", "self", "None", "True", "False"}

IPY8 = {
    "keyword": "\x1b[38;5;28;01m{}\x1b[39;00m",
    "namespace": "\x1b[38;5;21;01m{}\x1b[39;00m",
    "defname": "\x1b[38;5;21m{}\x1b[39m",
    "builtin": "\x1b[38;5;28m{}\x1b[39m",
    "string": "\x1b[38;5;124m{}\x1b[39m",
    "number": "\x1b[38;5;241m{}\x1b[39m",
    "op": "\x1b[38;5;241m{}\x1b[39m",
    "comment": "\x1b[38;5;66;03m{}\x1b[39;00m",
}

IPY7 = {
    "keyword": "\x1b[0;32m{}\x1b[0m",
    "namespace": "\x1b[0m{}\x1b[0m",
    "defname": "\x1b[0m{}\x1b[0m",
    "builtin": "\x1b[0;34m{}\x1b[0m",
    "string": "\x1b[0;34m{}\x1b[0m",
    "number": "\x1b[0;36m{}\x1b[0m",
    "op": "\x1b[0;34m{}\x1b[0m",
    "punct": "\x1b[0;34m{}\x1b[0m",
    "name": "\x1b[0m{}\x1b[0m",
    "comment": "\x1b[0;31m{}\x1b[0m",
}

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def strip(text):
    return ANSI.sub("", text)


def _kinds(line):
    """Yields (kind, text) for every token, keeping whitespace."""
    prev = None
    for m in TOKEN.finditer(line):
        kind, text = m.lastgroup, m.group()
        if kind == "name":
            if keyword.iskeyword(text):
                kind = "keyword"
            elif prev in ("import", "from", "as") and "import" in line:
                kind = "namespace"
            elif prev in ("def", "class"):
                kind = "defname"
            elif text in BUILTINS:
                kind = "builtin"
        if kind != "ws":
            prev = text
        yield kind, text


def colour(line, scheme):
    """line without its newline; scheme is 'ipy8' or 'ipy7'."""
    table = IPY8 if scheme == "ipy8" else IPY7
    out = []
    for kind, text in _kinds(line):
        fmt = table.get(kind)
        out.append(fmt.format(text) if fmt else text)
    if scheme != "ipy8":
        out.append("\x1b[0;34m\x1b[0m\x1b[0;34m\x1b[0m\x1b[0m")  # IPython 7 closes each line so
    return "".join(out)
