"""Non-error outputs in nbformat 4 shape: streams, DataFrame tables, plots.

Tables are rendered the way pandas prints a DataFrame (text/plain) and its
_repr_html_ (text/html), so the cell view shows what users really see.
"""
import base64

from . import png

HTML_STYLE = """<style scoped>
    .dataframe tbody tr th:only-of-type {
        vertical-align: middle;
    }

    .dataframe tbody tr th {
        vertical-align: top;
    }

    .dataframe thead th {
        text-align: right;
    }
</style>
"""


def stream(text, name="stdout"):
    return {"output_type": "stream", "name": name, "text": text}


def _decimals(values):
    """pandas prints a float column with one shared number of decimals."""
    floats = [v for v in values if isinstance(v, float) and v == v]
    if not floats:
        return None
    return max(1, *(len(f"{v:.6f}".rstrip("0").split(".")[1]) for v in floats))


def _fmt(v, decimals):
    if isinstance(v, float):
        return "NaN" if v != v else f"{v:.{decimals}f}"
    return str(v)


def _cells(columns, rows):
    decs = [_decimals([r[k] for r in rows]) for k in range(len(columns))]
    return [[_fmt(v, d) for v, d in zip(row, decs)] for row in rows]


def _plain(columns, rows, index):
    cells = _cells(columns, rows)
    idx = [str(i) for i in index]
    iw = max(len(i) for i in idx)
    widths = [max(len(c), *(len(r[k]) for r in cells)) for k, c in enumerate(columns)]
    head = " " * iw + "".join("  " + c.rjust(w) for c, w in zip(columns, widths))
    body = [i.ljust(iw) + "".join("  " + v.rjust(w) for v, w in zip(r, widths)) for i, r in zip(idx, cells)]
    return "\n".join([head] + body)


def _html(columns, rows, index):
    out = ["<div>", HTML_STYLE + '<table border="1" class="dataframe">', "  <thead>",
           '    <tr style="text-align: right;">', "      <th></th>"]
    out += [f"      <th>{c}</th>" for c in columns]
    out += ["    </tr>", "  </thead>", "  <tbody>"]
    for i, row in zip(index, _cells(columns, rows)):
        out += ["    <tr>", f"      <th>{i}</th>"] + [f"      <td>{v}</td>" for v in row] + ["    </tr>"]
    out += ["  </tbody>", "</table>", "</div>"]
    return "\n".join(out)


def table(columns, rows, index=None, shape=None):
    """An execute_result of a DataFrame; shape adds pandas' "[n rows x m columns]"."""
    index = list(index if index is not None else range(len(rows)))
    plain, html = _plain(columns, rows, index), _html(columns, rows, index)
    if shape:
        plain += f"\n\n[{shape[0]} rows x {shape[1]} columns]"
        html = html.replace("</table>\n</div>", f"</table>\n<p>{shape[0]} rows × {shape[1]} columns</p>\n</div>")
    return {"output_type": "execute_result", "data": {"text/plain": plain, "text/html": html}, "metadata": {}}


def result(text):
    return {"output_type": "execute_result", "data": {"text/plain": text}, "metadata": {}}


def image(kind, seed, figure="<Figure size 640x480 with 1 Axes>"):
    data = base64.b64encode(png.plot(kind, seed)).decode("ascii")
    return {"output_type": "display_data", "data": {"image/png": data + "\n", "text/plain": figure},
            "metadata": {"needs_background": "light"}}
