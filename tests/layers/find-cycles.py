#!/usr/bin/env python3
"""Finds cycles between the files of src/ (issue 16: "no cycles between files").

An implementation (.c) depends on another file when it calls a function
defined there (static functions are a file's own) or uses a type, macro or
enum constant a header declares; a header depends on the headers it
includes. A header and the .c of the same name are one file here (the
header declares what the .c defines). A private header shared by several
files is no excuse: two files that call each other are a cycle whatever
header declares the calls. Every strongly connected component of more than one file
is a cycle, printed with one loop through it; the exit status is 1 when
there is any, so the test suite keeps it that way.

    tests/layers/find-cycles.py [SRC_DIR [KNOWN]]   (default: the src/ beside tests/)

KNOWN lists cycles not broken yet, one a line (its files, as printed after
"cycle:"), each after a comment saying why: they are printed but pass, and
one that is gone must leave the list.
"""
import os
import re
import sys

SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "src")
KNOWN = sys.argv[2] if len(sys.argv) > 2 else None

# GNOME style: the return type on a line of its own, the name at column 0.
DEFINITION = re.compile(r"^([a-z_][a-z0-9_]*)\s*\(", re.M)
IDENT = re.compile(r"\b([A-Za-z_][A-Za-z0-9_]*)\b")
# What a header declares besides functions: macros, types, enum constants.
MACRO = re.compile(r"^\s*#\s*define\s+([A-Za-z_][A-Za-z0-9_]*)", re.M)
TYPEDEF_END = re.compile(r"^}\s*([A-Za-z_][A-Za-z0-9_]*)\s*;", re.M)
TYPEDEF_ONE = re.compile(r"^typedef\s+[^;{]*?\b([A-Za-z_][A-Za-z0-9_]*)\s*;", re.M)
TYPEDEF_FUNC = re.compile(r"^typedef\s+[^;{]*?\(\s*\*\s*([A-Za-z_][A-Za-z0-9_]*)\s*\)", re.M)
DECLARE_TYPE = re.compile(r"^G_DECLARE_\w+\s*\(\s*([A-Za-z_][A-Za-z0-9_]*)", re.M)
ENUM_BODY = re.compile(r"\benum\b[^{;]*\{([^}]*)\}", re.S)
ENUM_CONST = re.compile(r"^\s*([A-Z_][A-Z0-9_]*)\s*(?:=[^,\n]*)?,?", re.M)
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)


def strip(text):
    """Comments and string literals out: names in them are not uses."""
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    text = re.sub(r"//[^\n]*", " ", text)
    return re.sub(r'"(?:\\.|[^"\\\n])*"', '""', text)


def main():
    files = {}
    for root, _, names in os.walk(SRC):
        for name in names:
            if name.endswith((".c", ".h")):
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    files[os.path.relpath(path, SRC)] = f.read()
    by_base = {}
    for rel in files:
        by_base.setdefault(os.path.basename(rel), []).append(rel)

    # Who defines each global function (a name at column 0 followed by "(",
    # not on a line that declares it static).
    defined_in = {}
    for rel, text in files.items():
        if not rel.endswith(".c"):
            continue
        body = strip(text)
        lines = body.split("\n")
        for m in DEFINITION.finditer(body):
            line_no = body.count("\n", 0, m.start())
            before = lines[line_no - 1] if line_no > 0 else ""
            if before.startswith("static") or "static" in before.split():
                continue
            # A definition is followed by its body before the next ";".
            rest = body[m.end():]
            brace, semi = rest.find("{"), rest.find(";")
            if brace == -1 or (semi != -1 and semi < brace):
                continue
            if m.group(1) != "main":
                defined_in.setdefault(m.group(1), set()).add(rel)

    # And who declares each type, macro and enum constant (a header).
    for rel, text in files.items():
        if not rel.endswith(".h"):
            continue
        body = strip(text)
        names = set(MACRO.findall(body)) | set(TYPEDEF_END.findall(body)) | \
            set(TYPEDEF_ONE.findall(body)) | set(TYPEDEF_FUNC.findall(body)) | set(DECLARE_TYPE.findall(body))
        for m in ENUM_BODY.finditer(body):
            names |= set(ENUM_CONST.findall(m.group(1)))
        names.discard("")
        for name in names:
            if not name.startswith("G_") and name not in ("__attribute__",):
                defined_in.setdefault(name, set()).add(rel)

    edges = {rel: {} for rel in files}   # target -> what is used there
    for rel, text in files.items():
        body = strip(text)
        # Headers include headers; an implementation's includes only carry
        # the declarations of what it uses, counted below.
        if rel.endswith(".h"):
            for inc in INCLUDE.findall(text):
                for target in by_base.get(os.path.basename(inc), []):
                    if target != rel:
                        edges[rel].setdefault(target, set()).add("#include " + inc)
        for name in set(IDENT.findall(body)):
            for target in defined_in.get(name, ()):
                if target != rel and (rel.endswith(".c") or target.endswith(".h")):
                    edges[rel].setdefault(target, set()).add(name)

    # A .c file and its own header are one unit (the header declares what
    # the file defines); fold each header into the .c of the same name.
    # So is a header whose every function one .c defines (a second header
    # of that file, like the notebook's builder).
    declared_by = {}
    for rel, text in files.items():
        if rel.endswith(".h"):
            names = set(re.findall(r"^[A-Za-z_][^;(]*?\b([a-z_][a-z0-9_]*)\s*\(", strip(text), re.M))
            homes = set()
            for name in names:
                homes |= {d for d in defined_in.get(name, ()) if d.endswith(".c")}
            if len(homes) == 1:
                declared_by[rel] = homes.pop()

    def unit(rel):
        if rel.endswith(".h"):
            c = rel[:-2] + ".c"
            if c in files:
                return c
            return declared_by.get(rel, rel)
        return rel

    graph = {}
    why = {}
    for rel, targets in edges.items():
        u = unit(rel)
        graph.setdefault(u, set())
        for t, names in targets.items():
            if unit(t) != u:
                graph[u].add(unit(t))
                why.setdefault((u, unit(t)), set()).update(names)

    # Tarjan's strongly connected components, iteratively.
    index, low, on_stack, stack, sccs = {}, {}, set(), [], []
    counter = [0]
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(sorted(graph[start])))]
        index[start] = low[start] = counter[0]; counter[0] += 1
        stack.append(start); on_stack.add(start)
        while work:
            node, it = work[-1]
            advanced = False
            for nxt in it:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter[0]; counter[0] += 1
                    stack.append(nxt); on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    w = stack.pop(); on_stack.discard(w); comp.append(w)
                    if w == node:
                        break
                if len(comp) > 1:
                    sccs.append(sorted(comp))

    for comp in sccs:
        print("cycle: " + "  ".join(comp))
        members = set(comp)
        for a in comp:
            for b in sorted(graph[a] & members):
                print(f"    {a} -> {b}: {', '.join(sorted(why[(a, b)])[:5])}")
    known = set()
    if KNOWN:
        with open(KNOWN, encoding="utf-8") as f:
            known = {" ".join(line.split()) for line in f if line.strip() and not line.startswith("#")}
    found = {" ".join(comp) for comp in sccs}
    new = found - known
    gone = known - found
    for comp in sorted(gone):
        print("no longer a cycle (remove it from the known ones): " + comp)
    print(f"{len(graph)} files, {sum(len(t) for t in graph.values())} dependencies, "
          f"{len(sccs)} cycles ({len(found & known)} known, {len(new)} new)")
    return 1 if new or gone else 0


if __name__ == "__main__":
    sys.exit(main())
