"""nbformat 3 (IPython 1-3): worksheets, input/prompt_number, pyout/pyerr,
MIME data flattened into short keys, heading cells."""
import hashlib

SHORT = {"text/plain": "text", "text/html": "html", "image/png": "png"}


def _lines(text):
    return text.splitlines(keepends=True)


def _output(o, count):
    kind = o["output_type"]
    if kind == "stream":
        return {"output_type": "stream", "stream": o["name"], "text": _lines(o["text"])}
    if kind == "error":
        return {"output_type": "pyerr", "ename": o["ename"], "evalue": o["evalue"],
                "traceback": o["traceback"]}
    d = {"output_type": "pyout" if kind == "execute_result" else "display_data", "metadata": {}}
    if kind == "execute_result":
        d["prompt_number"] = count
    for mime, value in o["data"].items():
        d[SHORT[mime]] = value if mime == "image/png" else _lines(value)
    return d


def _cell(nb, cell):
    if cell.kind == "heading":
        return {"cell_type": "heading", "level": cell.level, "metadata": {}, "source": _lines(cell.source)}
    if cell.kind == "markdown":
        return {"cell_type": "markdown", "metadata": {}, "source": _lines(cell.source)}
    d = {"cell_type": "code", "collapsed": False, "input": _lines(cell.source), "language": "python",
         "metadata": {}, "outputs": [_output(o, cell.count) for o in nb.outputs(cell)]}
    if cell.count is not None:
        d["prompt_number"] = cell.count
    return d


def to_v3(nb):
    name = nb.path.rsplit("/", 1)[-1][:-len(".ipynb")]
    signature = hashlib.sha256(nb.path.encode()).hexdigest()
    return {"metadata": {"name": name, "signature": "sha256:" + signature},
            "nbformat": 3, "nbformat_minor": 0,
            "worksheets": [{"cells": [_cell(nb, c) for c in nb.cells], "metadata": {}}]}
