"""One demo notebook: cells are added in page order, then written as
nbformat 4 (minor 0-5) or nbformat 3, in Kaggle or GitHub dress.

The builder also records the intended label of every crash it renders, at the
cell index the app will report (0-based among all cells, markdown included),
so labels.jsonl can never drift from the notebooks.
"""
import hashlib
import json
import os

from .traceback import Renderer

KAGGLE_SITE = "/opt/conda/lib/python3.10/site-packages/"
COLAB_SITE = "/usr/local/lib/python3.8/dist-packages/"
WINDOWS_SITE = "C:\\Users\\priya\\anaconda3\\lib\\site-packages\\"
MAC_SITE = "/Users/jmartin/opt/anaconda3/lib/python3.9/site-packages/"
LINUX_SITE = "/home/wei/.local/lib/python3.9/site-packages/"
PY27_SITE = "/usr/local/lib/python2.7/dist-packages/"

NEVER = "never"  # a code cell that was never run: null count, no outputs


class Cell:
    def __init__(self, kind, source, count=None, outputs=(), crash=None, level=0):
        self.kind, self.source, self.count = kind, source, count
        self.outputs, self.crash, self.level = list(outputs), crash, level
        self.papermill_status = "completed"


class Notebook:
    def __init__(self, path, style, site, nbformat=(4, 4), ansi=True, source_as="list",
                 papermill=False, kaggle_meta=False, python="3.10.12", indent=1):
        self.path, self.style, self.site = path, style, site
        self.nbformat, self.ansi, self.source_as = nbformat, ansi, source_as
        self.papermill, self.kaggle_meta, self.python, self.indent = papermill, kaggle_meta, python, indent
        self.cells, self.counter, self.stop_at_error = [], 0, False
        self.renderer = Renderer(style, site, seed=path, kernel_pid=17 + len(path) % 60)

    # -- adding cells --------------------------------------------------------
    def md(self, text):
        self.cells.append(Cell("markdown", text))
        return self

    def heading(self, level, text):
        """A heading: a "heading" cell in nbformat 3, a markdown "#" line in 4."""
        if self.nbformat[0] == 3:
            self.cells.append(Cell("heading", text, level=level))
        else:
            self.cells.append(Cell("markdown", "#" * level + " " + text))
        return self

    def _count(self, count):
        if count == NEVER:
            return None
        if count is None:
            self.counter += 1
            return self.counter
        self.counter = max(self.counter, count)
        return count

    def code(self, source, *outputs, count=None):
        self.cells.append(Cell("code", source.strip("\n"), self._count(count), outputs if count != NEVER else ()))
        return self

    def crash(self, source, crash, *before, count=None, after=()):
        """A code cell whose run ended in @crash; @before are outputs printed first."""
        cell = Cell("code", source.strip("\n"), self._count(count), list(before) + [None] + list(after), crash)
        cell.papermill_status = "failed"
        self.cells.append(cell)
        return self

    def outputs(self, cell):
        """The cell's outputs, its traceback rendered now that the notebook's
        style (ANSI or plain) is settled; None marks where the error goes."""
        if cell.crash is None:
            return cell.outputs
        evalue, tb = self.renderer.render(cell.crash, cell.count, cell.source, self.ansi)
        err = {"output_type": "error", "ename": cell.crash.ename, "evalue": evalue, "traceback": tb}
        return [err if o is None else o for o in cell.outputs]

    # -- labels ---------------------------------------------------------------
    def labels(self, cells):
        rows = []
        for index, cell in enumerate(cells):
            if cell.crash is not None:
                rows.append(dict({"notebook": self.path, "cell": index}, **(cell.crash.labels or {})))
        return rows

    # -- writing ----------------------------------------------------------------
    def _source(self, text):
        if self.source_as == "str":
            return text
        return text.splitlines(keepends=True)

    def _cell_id(self, index):
        digest = hashlib.sha1(f"{self.path}:{index}".encode()).hexdigest()
        if self.kaggle_meta:
            return f"{digest[:8]}-{digest[8:12]}-4{digest[13:16]}-a{digest[17:20]}-{digest[20:32]}"
        return digest[:8]

    def _v4_output(self, o, count):
        o = dict(o)
        if "text" in o:
            o["text"] = self._source(o["text"])
        if "data" in o:
            o["data"] = {k: (v if k.startswith("image/") or k.endswith("json") else self._source(v))
                         for k, v in o["data"].items()}
        if o["output_type"] == "execute_result":
            o["execution_count"] = count
        return o

    def _v4_cell(self, index, cell, clock):
        d = {"cell_type": cell.kind, "metadata": {}, "source": self._source(cell.source)}
        if self.nbformat[1] >= 5:
            d["id"] = self._cell_id(index)
        if cell.kind == "code":
            d["execution_count"] = cell.count
            d["outputs"] = [self._v4_output(o, cell.count) for o in self.outputs(cell)]
        if self.papermill:
            d["metadata"] = self._papermill_cell(cell, clock)
        return d

    def _papermill_cell(self, cell, clock):
        start, end = clock.tick(cell)
        meta = {"papermill": {"duration": round(end[1] - start[1], 6), "end_time": end[0],
                              "exception": cell.papermill_status == "failed",
                              "start_time": start[0], "status": cell.papermill_status},
                "tags": []}
        if cell.kind == "code" and cell.papermill_status != "pending":
            meta["execution"] = {"iopub.execute_input": start[0], "iopub.status.busy": start[0],
                                 "iopub.status.idle": end[0], "shell.execute_reply": end[0]}
        if cell.papermill_status == "pending":
            meta["papermill"].update(duration=None, end_time=None, start_time=None, exception=None)
        return meta

    def _with_papermill_error(self):
        """What papermill leaves when a run stops at a failing cell: a red
        banner cell on top, an anchor cell before the failure, later cells
        pending and unrun."""
        cells = list(self.cells)
        failed = next(i for i, c in enumerate(cells) if c.crash is not None)
        count = cells[failed].count
        for c in cells[failed + 1:]:
            if c.kind == "code":
                c.count, c.outputs, c.crash = None, [], None
            c.papermill_status = "pending"
        style = "color:red; font-family:Helvetica Neue, Helvetica, Arial, sans-serif; font-size:2em;"
        top = Cell("markdown", f'<span style="{style}">An Exception was encountered at '
                               f"'<a href=\"#papermill-error-cell\">In [{count}]</a>'.</span>")
        anchor = Cell("markdown", f'<span id="papermill-error-cell" style="{style}">Execution using '
                                  "papermill encountered an exception here and stopped:</span>")
        for c in (top, anchor):
            c.papermill_tag = True
        return [top] + cells[:failed] + [anchor] + cells[failed:]

    def _metadata(self, exception):
        kernel = {"display_name": "Python 3", "language": "python", "name": "python3"}
        lang = {"codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
                "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
                "pygments_lexer": "ipython3", "version": self.python}
        meta = {"kernelspec": kernel, "language_info": lang}
        if self.kaggle_meta:
            meta["kaggle"] = {"accelerator": "gpu", "isGpuEnabled": True, "isInternetEnabled": False,
                              "language": "python", "sourceType": "notebook"}
        if self.papermill:
            meta["papermill"] = {"default_parameters": {}, "duration": 0.0, "end_time": "",
                                 "environment_variables": {}, "exception": exception,
                                 "input_path": "__notebook__.ipynb", "output_path": "__notebook__.ipynb",
                                 "parameters": {}, "start_time": "", "version": "2.4.0"}
        return meta

    def to_json(self):
        if self.nbformat[0] == 3:
            from .v3 import to_v3
            return to_v3(self), self.labels(self.cells)
        cells = self._with_papermill_error() if self.stop_at_error else self.cells
        clock = Clock(self.path)
        body = [self._v4_cell(i, c, clock) for i, c in enumerate(cells)]
        for c, d in zip(cells, body):
            if getattr(c, "papermill_tag", False):
                d["metadata"]["tags"] = ["papermill-error-cell-tag"]
        meta = self._metadata(True if self.stop_at_error else None)
        if self.papermill:
            meta["papermill"].update(start_time=clock.first, end_time=clock.now[0],
                                     duration=round(clock.now[1] - clock.t0, 6))
        nb = {"cells": body, "metadata": meta, "nbformat": 4, "nbformat_minor": self.nbformat[1]}
        return nb, self.labels(cells)

    def write(self, root):
        nb, labels = self.to_json()
        path = os.path.join(root, self.path)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            json.dump(nb, f, indent=self.indent, sort_keys=True, ensure_ascii=False)
            f.write("\n")
        return labels


class Clock:
    """Deterministic papermill timestamps: each cell takes a made-up time."""
    def __init__(self, seed):
        h = int(hashlib.sha1(seed.encode()).hexdigest()[:6], 16)
        self.t0 = 1684000000 + h % 20000000
        self.now = (self._iso(self.t0), float(self.t0))
        self.first = self.now[0]

    @staticmethod
    def _iso(t):
        import datetime
        d = datetime.datetime.fromtimestamp(t, datetime.timezone.utc)
        return d.strftime("%Y-%m-%dT%H:%M:%S.") + f"{int((t % 1) * 1e6):06d}Z"

    def tick(self, cell):
        start = self.now
        cost = 0.004 + (len(cell.source) % 97) / 50.0 if cell.kind == "code" else 0.003
        t = start[1] + cost
        self.now = (self._iso(t), t)
        return start, self.now
