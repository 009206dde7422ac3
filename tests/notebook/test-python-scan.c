/* test-python-scan.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-python-scan.h"

static char *
join_names (char **names)
{
  return g_strjoinv (" ", names);
}

/* @defines and @uses are space-separated, sorted. */
static void
assert_names (const char *source,
              const char *defines,
              const char *uses)
{
  g_auto(GStrv) d = NULL;
  g_auto(GStrv) u = NULL;
  g_autofree char *dj = NULL;
  g_autofree char *uj = NULL;

  atlas_python_scan_names (source, &d, &u);
  dj = join_names (d);
  uj = join_names (u);

  if (g_strcmp0 (dj, defines) != 0 || g_strcmp0 (uj, uses) != 0)
    g_error ("source:\n%s\n-- defines: got \"%s\", want \"%s\"\n-- uses: got \"%s\", want \"%s\"",
             source, dj, defines, uj, uses);
}

static GPtrArray *
scan_imports (const char *source,
              guint       cell)
{
  GPtrArray *imports = g_ptr_array_new_with_free_func ((GDestroyNotify) atlas_import_free);

  atlas_python_scan_imports (source, cell, imports);
  return imports;
}

static void
assert_import_symbol (GPtrArray  *imports,
                      guint       i,
                      const char *module,
                      const char *symbol,
                      const char *name,
                      const char *package,
                      guint       line)
{
  const AtlasImport *import;

  g_assert_cmpuint (i, <, imports->len);
  import = g_ptr_array_index (imports, i);
  g_assert_cmpstr (import->module, ==, module);
  g_assert_cmpstr (import->symbol, ==, symbol);
  g_assert_cmpstr (import->name, ==, name);
  g_assert_cmpstr (import->package, ==, package);
  g_assert_cmpuint (import->line, ==, line);
}

/* Plain "import m" (no symbol), or a from-import whose symbol is @name. */
static void
assert_import (GPtrArray  *imports,
               guint       i,
               const char *module,
               const char *name,
               const char *package,
               guint       line)
{
  const AtlasImport *import = g_ptr_array_index (imports, i);

  assert_import_symbol (imports, i, module, import->symbol != NULL ? name : NULL, name, package, line);
}

/* ---- imports ---------------------------------------------------------- */

static void
test_imports_forms (void)
{
  g_autoptr(GPtrArray) imports = scan_imports (
    "import numpy as np\n"
    "import pandas as pd, os\n"
    "from sklearn.model_selection import train_test_split, cross_val_score as cvs\n"
    "from a.b import (c,\n"
    "    d as e)\n"
    "import a.b.c\n"
    "from . import x\n"
    "from ..utils import helper\n"
    "from matplotlib.pyplot import *\n"
    "import a.b as ab\n", 4);
  const AtlasImport *first = g_ptr_array_index (imports, 0);

  g_assert_cmpuint (imports->len, ==, 12);
  g_assert_cmpuint (first->cell, ==, 4);
  assert_import_symbol (imports, 0, "numpy", NULL, "np", "numpy", 1);
  assert_import (imports, 1, "pandas", "pd", "pandas", 2);
  assert_import (imports, 2, "os", "os", "os", 2);
  assert_import_symbol (imports, 3, "sklearn.model_selection", "train_test_split", "train_test_split",
                        "sklearn", 3);
  assert_import_symbol (imports, 4, "sklearn.model_selection", "cross_val_score", "cvs", "sklearn", 3);
  assert_import (imports, 5, "a.b", "c", "a", 4);
  assert_import_symbol (imports, 6, "a.b", "d", "e", "a", 4);
  assert_import_symbol (imports, 7, "a.b.c", NULL, "a", "a", 6);
  assert_import (imports, 8, ".", "x", "", 7);
  assert_import (imports, 9, "..utils", "helper", "", 8);
  assert_import_symbol (imports, 10, "matplotlib.pyplot", "*", "*", "matplotlib", 9);
  assert_import (imports, 11, "a.b", "ab", "a", 10);
}

static void
test_imports_blocks (void)
{
  g_autoptr(GPtrArray) imports = scan_imports (
    "try:\n"
    "    import xgboost\n"
    "except ImportError:\n"
    "    xgboost = None\n"
    "if USE_GPU: import cupy as cp\n"
    "def load():\n"
    "    from torch import nn\n"
    "    return nn\n"
    "x = 1; import json\n"
    "with ctx: from io import StringIO\n", 0);

  g_assert_cmpuint (imports->len, ==, 5);
  assert_import (imports, 0, "xgboost", "xgboost", "xgboost", 2);
  assert_import (imports, 1, "cupy", "cp", "cupy", 5);
  assert_import (imports, 2, "torch", "nn", "torch", 7);
  assert_import (imports, 3, "json", "json", "json", 9);
  assert_import (imports, 4, "io", "StringIO", "io", 10);
}

static void
test_imports_not_code (void)
{
  g_autoptr(GPtrArray) imports = scan_imports (
    "# import commented\n"
    "s = \"import in_string\"\n"
    "t = '''\n"
    "import in_docstring\n"
    "'''\n"
    "raise ValueError from err\n"
    "y = (yield from gen)\n"
    "!pip install -q imported_by_pip\n"
    "%load_ext autoreload\n"
    "print('from x import y')\n", 0);

  g_assert_cmpuint (imports->len, ==, 0);
}

static void
test_imports_cell_magics (void)
{
  g_autoptr(GPtrArray) timed = scan_imports ("%%time\nimport os\nos.listdir('.')\n", 0);
  g_autoptr(GPtrArray) bash = scan_imports ("%%bash\nimport fake\necho hi\n", 0);
  g_autoptr(GPtrArray) written = scan_imports ("\n%%writefile util.py\nimport fake\n", 0);
  g_autoptr(GPtrArray) capture = scan_imports ("%%capture out --no-stderr\nimport seaborn as sns\n", 0);

  g_assert_cmpuint (timed->len, ==, 1);
  assert_import (timed, 0, "os", "os", "os", 2);
  g_assert_cmpuint (bash->len, ==, 0);
  g_assert_cmpuint (written->len, ==, 0);
  g_assert_cmpuint (capture->len, ==, 1);
  assert_import (capture, 0, "seaborn", "sns", "seaborn", 2);
}

static void
test_top_package (void)
{
  g_autofree char *a = atlas_python_top_package ("a.b.c");
  g_autofree char *b = atlas_python_top_package ("sklearn");
  g_autofree char *c = atlas_python_top_package (".utils");
  g_autofree char *d = atlas_python_top_package ("");

  g_assert_cmpstr (a, ==, "a");
  g_assert_cmpstr (b, ==, "sklearn");
  g_assert_cmpstr (c, ==, "");
  g_assert_cmpstr (d, ==, "");
}

/* ---- names ------------------------------------------------------------ */

static void
test_names_assignments (void)
{
  assert_names ("a, b = 1, 2\n"
                "(c, d) = f(x0)\n"
                "[e, *g] = h\n"
                "x[0] = 1\n"
                "y.z = 2\n"
                "n += 1\n"
                "if (w := compute()) > 3: pass\n"
                "k: int = 3\n"
                "ann: str\n"
                "p = q = r0\n"
                "obj.attr[idx] = val\n",
                "a b c d e g k p q w",
                "compute f h idx n obj r0 val x x0 y");
}

/* A statement that reads a name before it binds it needs that name to
 * exist already: it cannot be what defines it. A name bound earlier in the
 * cell stays defined. */
static void
test_names_read_before_bound (void)
{
  assert_names ("total = total + 5\n"
                "count += 1\n"
                "df = clean(df)\n"
                "i = 0\n"
                "i += 1\n"
                "j = 1\n"
                "j = j * 2\n"
                "def f():\n"
                "    global g\n"
                "    g = 1\n",
                "f g i j",
                "clean count df i j total");
}

static void
test_names_imports_bind (void)
{
  assert_names ("import numpy as np\nimport a.b.c\nfrom m import *\nfrom k import v as w\n"
                "arr = np.zeros(3)\n",
                "a arr np w",
                "np");
}

static void
test_names_functions (void)
{
  assert_names ("def train(model, data, epochs=EPOCHS, *args, lr: float = LR, **kw) -> Result:\n"
                "    loss = model.fit(data, epochs=epochs)\n"
                "    total = loss + offset\n"
                "    return helper(total, verbose=True)\n"
                "\n"
                "result = train(net, df)\n",
                "result train",
                "EPOCHS LR Result df helper net offset train");
}

static void
test_names_local_before_bind (void)
{
  /* x is local to f (bound in it), so reading it first is UnboundLocalError
   * territory, not a read of the cell's x. */
  assert_names ("def f():\n    print(x)\n    x = 1\n", "f", "");
}

static void
test_names_closure (void)
{
  assert_names ("def outer():\n"
                "    y = 1\n"
                "    def inner():\n"
                "        return y + z\n"
                "    return inner\n"
                "out = outer()\n",
                "out outer",
                "outer z");
}

static void
test_names_class (void)
{
  assert_names ("class Net(nn.Module, metaclass=Meta):\n"
                "    size = 3\n"
                "    other = size + base_size\n"
                "    def forward(self, x):\n"
                "        return x * size\n"
                "model = Net()\n",
                "Net model",
                "Meta Net base_size nn size");
}

static void
test_names_global (void)
{
  assert_names ("def setup():\n"
                "    global model, cache\n"
                "    model = build()\n"
                "    tmp = 1\n"
                "    nonlocal_ok = tmp\n"
                "setup()\n",
                "model setup",
                "build setup");
}

static void
test_names_comprehensions (void)
{
  assert_names ("squares = [i * i for i in range(n)]\n"
                "d = {k: v for k, v in items.items() if v > lim}\n"
                "g = sum(x for x in xs)\n"
                "nested = [a for row in grid for a in row]\n"
                "s = {w.lower() for w in words}\n"
                "i\n",
                "d g nested s squares",
                "grid i items lim n words xs");
}

static void
test_names_lambda (void)
{
  assert_names ("f = lambda a, b=dflt: a + b + c\n"
                "ys = sorted(xs, key=lambda t: t[1], reverse=rev)\n"
                "h = lambda: q\n",
                "f h ys",
                "c dflt q rev xs");
}

static void
test_names_for_with_except (void)
{
  assert_names ("for i, (j, k) in enumerate(pairs):\n"
                "    total += j\n"
                "with open(p) as fh, lock:\n"
                "    data = fh.read()\n"
                "with (open(a) as fa, open(b) as fb):\n"
                "    pass\n"
                "try:\n"
                "    run()\n"
                "except ValueError as err:\n"
                "    log(err)\n",
                "data err fa fb fh i j k",
                "a b err fh j lock log p pairs run total");
}

static void
test_names_calls_attributes (void)
{
  assert_names ("plt.plot(x, y, color=c, label=\"a\")\n"
                "obj.method(arg).attr\n"
                "print(len(data))\n"
                "df.groupby(by=col).agg(total=('v', 'sum'))\n",
                "",
                "arg c col data df obj plt x y");
}

static void
test_names_strings_comments (void)
{
  assert_names ("s = \"not_a_name\"  # comment_name\n"
                "t = f\"{value:.2f} and {other!r} {{literal}} {width:>{pad}}\"\n"
                "u = rb'\\x00' + Rb\"q\" + br'\\'' + U'x'\n"
                "v = '''multi\n"
                "line {notf} still_string'''\n"
                "w = F'''{fa}\n"
                "{fb}'''\n"
                "y = f\"{', '.join(str(e) for e in items)}\"\n"
                "print(f'{loss = :.3f} {a == b} {c=!r}')\n",
                "s t u v w y",
                "a b c fa fb items loss other pad value width");
}

static void
test_names_continuations (void)
{
  assert_names ("total = a + \\\n"
                "    b\n"
                "result = (c +\n"
                "  d)\n"
                "m = [\n"
                "  e,\n"
                "  # comment inside\n"
                "  g]\n",
                "m result total",
                "a b c d e g");
}

static void
test_names_semicolons (void)
{
  assert_names ("a = 1; b = a; c = undefined_x;", "a b c", "a undefined_x");
}

static void
test_names_magics (void)
{
  assert_names ("%time model = fit(data)\n"
                "%timeit -n 10 -r 3 score(model)\n"
                "%timeit\n"
                "%time\n"
                "%timestamp x\n",
                "model",
                "data fit model score");
  assert_names ("%matplotlib inline\n"
                "!pip install seaborn\n"
                "import seaborn as sns\n"
                "files = !ls {folder}\n"
                "t = %timeit -o f()\n"
                "?np\n"
                "np.sum?\n"
                "sns.histplot??\n"
                "    !echo indented\n"
                "x = a != b\n",
                "files sns t x",
                "a b");
}

static void
test_names_misc_statements (void)
{
  assert_names ("@app.route('/')\n"
                "def index(): return render(tpl)\n"
                "del stale\n"
                "assert ok, msg\n"
                "async def main():\n"
                "    await fetch(url)\n"
                "match cmd:\n"
                "    case 'go':\n"
                "        go()\n"
                "match = re.match(p, s)\n"
                "raise Err from cause\n"
                "while running: step()\n",
                "index main match",
                "Err app cause cmd fetch go msg ok p re render running s stale step tpl url");
}

static void
test_names_more_forms (void)
{
  assert_names ("df = df.dropna()\n"
                "x = [1, 2]; x[0] += 1\n"
                "def f(key=lambda o: o.name, *args, flag: Dict[str, int] = None, **kw) -> List[T]:\n"
                "    g = lambda *a, **k: a + k + free1\n"
                "    while (line := fh.readline()):\n"
                "        pass\n"
                "    for p, *rest in pairs:\n"
                "        yield p\n"
                "    return key\n"
                "@dataclass\n"
                "class C:\n"
                "    \"\"\"Doc.\"\"\"\n"
                "    v: int = 0\n"
                "    w: float\n"
                "    def m(self):\n"
                "        return [self.v * k for k in range(w)]\n"
                "async def main():\n"
                "    async with session as s:\n"
                "        async for item in s.stream():\n"
                "            await handle(item, retries=RETRY)\n"
                "for a, b in zip(xs, ys): total = a + b\n"
                "else: finished = True\n",
                "C a b f finished main total x",
                "Dict List RETRY T a b dataclass df fh free1 handle pairs session w x xs ys");
}

static void
test_names_unterminated (void)
{
  assert_names ("x = \"abc\ny = 'def\nz = (1,\n", "x y z", "");
  assert_names ("z = \"\"\"never closed\nw = 1\n", "z", "");
  assert_names ("q = f'{unclosed\n", "q", "unclosed");
  assert_names ("s = 'ends with backslash\\", "s", "");
}

static void
test_names_empty (void)
{
  assert_names ("", "", "");
  assert_names (NULL, "", "");
  assert_names ("\n\n   \n# only a comment\n", "", "");
}

static void
test_names_unicode (void)
{
  g_auto(GStrv) d = NULL;
  g_auto(GStrv) u = NULL;

  assert_names ("naïve = 2\nprint(naïve, 变量)\n", "naïve", "naïve 变量");

  atlas_python_scan_names ("x\xff = 1\nbad\xc3 = y\xfe\n", &d, &u);
  for (guint i = 0; d[i] != NULL; i++)
    g_assert_true (g_utf8_validate (d[i], -1, NULL));
  for (guint i = 0; u[i] != NULL; i++)
    g_assert_true (g_utf8_validate (u[i], -1, NULL));
  g_assert_true (g_strv_contains ((const char * const *) d, "x"));
  g_assert_true (g_strv_contains ((const char * const *) u, "y"));
}

/* ---- hostile input ---------------------------------------------------- */

static void
scan_all (const char *source)
{
  g_autoptr(GPtrArray) imports = scan_imports (source, 0);
  g_auto(GStrv) d = NULL;
  g_auto(GStrv) u = NULL;

  atlas_python_scan_names (source, &d, &u);
  g_assert_nonnull (d);
  g_assert_nonnull (u);
}

static char *
repeat (const char *unit,
        guint       times)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < times; i++)
    g_string_append (s, unit);

  return g_string_free (s, FALSE);
}

static void
test_garbage_random (void)
{
  g_autofree char *bytes = g_malloc (1 << 20);
  guint32 seed = 99;

  for (gsize i = 0; i < (1 << 20) - 1; i++)
    {
      seed = seed * 1103515245 + 12345;
      bytes[i] = (char) (1 + (seed >> 16) % 255);
    }
  bytes[(1 << 20) - 1] = '\0';

  scan_all (bytes);
}

static void
test_garbage_structured (void)
{
  const char *units[] = {
    "(", "[x for x in ", "lambda ", "lambda a: ", "class A(x): ", "def f(): ",
    "f'{f\"{", "'''", "\\\n", "{", ")", "x = ", "a, ", "import ", "from . import ",
    "for x in y: ", "with a as b: ", "global g; ", "x := ", "@", "?", "%%", "!",
    "def f(\n", " if x else ", ":", "async ", "case ", "match ",
  };
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < G_N_ELEMENTS (units); i++)
    {
      g_autofree char *source = repeat (units[i], (1 << 18) / strlen (units[i]));

      scan_all (source);
    }

  {
    g_autofree char *deep = NULL;
    GString *s = g_string_new (NULL);

    /* Deeply nested defs, each with a read. */
    for (guint i = 0; i < 1000; i++)
      {
        g_string_append_printf (s, "%*sdef f%u(a):\n", i, "", i);
        g_string_append_printf (s, "%*s  v%u = u%u\n", i, "", i, i);
      }
    deep = g_string_free (s, FALSE);
    scan_all (deep);
  }

  /* Anything quadratic takes minutes here, even at these sizes. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 60 * G_USEC_PER_SEC);
}

static void
test_large_source (void)
{
  g_autofree char *source = repeat ("df = pd.read_csv(path)\nx = [v for v in df.col if v > limit]\n", 20000);
  g_auto(GStrv) d = NULL;
  g_auto(GStrv) u = NULL;
  g_autofree char *dj = NULL;
  g_autofree char *uj = NULL;

  atlas_python_scan_names (source, &d, &u);
  dj = join_names (d);
  uj = join_names (u);
  g_assert_cmpstr (dj, ==, "df x");
  g_assert_cmpstr (uj, ==, "df limit path pd");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/PythonScan/imports-forms", test_imports_forms);
  g_test_add_func ("/Atlas/PythonScan/imports-blocks", test_imports_blocks);
  g_test_add_func ("/Atlas/PythonScan/imports-not-code", test_imports_not_code);
  g_test_add_func ("/Atlas/PythonScan/imports-cell-magics", test_imports_cell_magics);
  g_test_add_func ("/Atlas/PythonScan/top-package", test_top_package);
  g_test_add_func ("/Atlas/PythonScan/names-assignments", test_names_assignments);
  g_test_add_func ("/Atlas/PythonScan/names-read-before-bound", test_names_read_before_bound);
  g_test_add_func ("/Atlas/PythonScan/names-imports-bind", test_names_imports_bind);
  g_test_add_func ("/Atlas/PythonScan/names-functions", test_names_functions);
  g_test_add_func ("/Atlas/PythonScan/names-local-before-bind", test_names_local_before_bind);
  g_test_add_func ("/Atlas/PythonScan/names-closure", test_names_closure);
  g_test_add_func ("/Atlas/PythonScan/names-class", test_names_class);
  g_test_add_func ("/Atlas/PythonScan/names-global", test_names_global);
  g_test_add_func ("/Atlas/PythonScan/names-comprehensions", test_names_comprehensions);
  g_test_add_func ("/Atlas/PythonScan/names-lambda", test_names_lambda);
  g_test_add_func ("/Atlas/PythonScan/names-for-with-except", test_names_for_with_except);
  g_test_add_func ("/Atlas/PythonScan/names-calls-attributes", test_names_calls_attributes);
  g_test_add_func ("/Atlas/PythonScan/names-strings-comments", test_names_strings_comments);
  g_test_add_func ("/Atlas/PythonScan/names-continuations", test_names_continuations);
  g_test_add_func ("/Atlas/PythonScan/names-semicolons", test_names_semicolons);
  g_test_add_func ("/Atlas/PythonScan/names-magics", test_names_magics);
  g_test_add_func ("/Atlas/PythonScan/names-misc-statements", test_names_misc_statements);
  g_test_add_func ("/Atlas/PythonScan/names-more-forms", test_names_more_forms);
  g_test_add_func ("/Atlas/PythonScan/names-unterminated", test_names_unterminated);
  g_test_add_func ("/Atlas/PythonScan/names-empty", test_names_empty);
  g_test_add_func ("/Atlas/PythonScan/names-unicode", test_names_unicode);
  g_test_add_func ("/Atlas/PythonScan/garbage-random", test_garbage_random);
  g_test_add_func ("/Atlas/PythonScan/garbage-structured", test_garbage_structured);
  g_test_add_func ("/Atlas/PythonScan/large-source", test_large_source);

  return g_test_run ();
}
