/* test-traceback.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-traceback.h"

#define RED    "\033[0;31m"
#define GREEN  "\033[0;32m"
#define CYAN   "\033[0;36m"
#define BLUE   "\033[0;34m"
#define BGREEN "\033[1;32m"
#define RESET  "\033[0m"
#define BANNER RED "---------------------------------------------------------------------------" RESET

static AtlasTraceback *
parse (const char * const *lines)
{
  return atlas_traceback_parse (lines, g_strv_length ((char **) lines));
}

static void
assert_frame (const AtlasFrame *frame,
              AtlasFrameKind    kind,
              const char       *file,
              const char       *package,
              const char       *module_path,
              const char       *function,
              int               execution_count,
              int               line,
              const char       *code)
{
  g_assert_nonnull (frame);
  g_assert_cmpint (frame->kind, ==, kind);
  g_assert_cmpstr (frame->file, ==, file);
  g_assert_cmpstr (frame->package, ==, package);
  g_assert_cmpstr (frame->module_path, ==, module_path);
  g_assert_cmpstr (frame->function, ==, function);
  g_assert_cmpint (frame->execution_count, ==, execution_count);
  g_assert_cmpint (frame->line, ==, line);
  g_assert_cmpstr (frame->code, ==, code);
}

static void
assert_header (const char     *line,
               AtlasFrameKind  kind,
               const char     *file,
               const char     *package,
               const char     *module_path,
               const char     *function,
               int             execution_count,
               int             line_number)
{
  g_autoptr(AtlasFrame) frame = atlas_frame_parse_header (line);

  if (frame == NULL)
    g_error ("not parsed as a header: %s", line);
  assert_frame (frame, kind, file, package, module_path, function, execution_count,
                line_number, NULL);
}

/* ---- headers ---------------------------------------------------------- */

static void
test_header_cell_in (void)
{
  assert_header ("Cell In[12], line 3", ATLAS_FRAME_USER_CELL, "Cell In[12]", NULL, NULL, NULL, 12, 3);
  assert_header ("Cell In [12], line 3", ATLAS_FRAME_USER_CELL, "Cell In [12]", NULL, NULL, NULL, 12, 3);
  assert_header ("Cell In[7], line 4, in train(model, x)", ATLAS_FRAME_USER_CELL, "Cell In[7]",
                 NULL, NULL, "train", 7, 4);
  assert_header ("  Cell In[3], line 2", ATLAS_FRAME_USER_CELL, "Cell In[3]", NULL, NULL, NULL, 3, 2);
}

static void
test_header_input_in (void)
{
  assert_header ("Input In [12], in <cell line: 3>()", ATLAS_FRAME_USER_CELL, "Input In [12]",
                 NULL, NULL, "<module>", 12, 3);
  assert_header ("Input In [5], in fit(x)", ATLAS_FRAME_USER_CELL, "Input In [5]",
                 NULL, NULL, "fit", 5, -1);
  assert_header ("Input In [9]", ATLAS_FRAME_USER_CELL, "Input In [9]", NULL, NULL, NULL, 9, -1);
}

static void
test_header_ipython_input (void)
{
  assert_header ("<ipython-input-12-abc123def456> in <module>", ATLAS_FRAME_USER_CELL,
                 "<ipython-input-12-abc123def456>", NULL, NULL, "<module>", 12, -1);
  assert_header ("<ipython-input-12-abc123def456> in f(x)", ATLAS_FRAME_USER_CELL,
                 "<ipython-input-12-abc123def456>", NULL, NULL, "f", 12, -1);
  assert_header ("<ipython-input-4-0a1b2c3d4e5f> in <module>()", ATLAS_FRAME_USER_CELL,
                 "<ipython-input-4-0a1b2c3d4e5f>", NULL, NULL, "<module>", 4, -1);
  assert_header ("File <ipython-input-3-9f8e7d6c5b4a>:5", ATLAS_FRAME_USER_CELL,
                 "<ipython-input-3-9f8e7d6c5b4a>", NULL, NULL, NULL, 3, 5);
  assert_header ("  File \"<ipython-input-3-9f8e7d6c5b4a>\", line 5, in <module>",
                 ATLAS_FRAME_USER_CELL, "<ipython-input-3-9f8e7d6c5b4a>", NULL, NULL, "<module>", 3, 5);
}

static void
test_header_ipykernel (void)
{
  assert_header ("/tmp/ipykernel_17/123456.py in <module>", ATLAS_FRAME_USER_CELL,
                 "/tmp/ipykernel_17/123456.py", NULL, NULL, "<module>", -1, -1);
  assert_header ("File /tmp/ipykernel_17/123456.py:3, in <module>", ATLAS_FRAME_USER_CELL,
                 "/tmp/ipykernel_17/123456.py", NULL, NULL, "<module>", -1, 3);
  assert_header ("  File \"/tmp/ipykernel_1/2.py\", line 5", ATLAS_FRAME_USER_CELL,
                 "/tmp/ipykernel_1/2.py", NULL, NULL, NULL, -1, 5);
  assert_header ("C:\\Users\\me\\AppData\\Local\\Temp\\ipykernel_9920\\3817171612.py in <module>",
                 ATLAS_FRAME_USER_CELL,
                 "C:\\Users\\me\\AppData\\Local\\Temp\\ipykernel_9920\\3817171612.py",
                 NULL, NULL, "<module>", -1, -1);
}

static void
test_header_library (void)
{
  assert_header ("File ~/anaconda3/lib/python3.9/site-packages/pandas/core/frame.py:3805, "
                 "in DataFrame.__getitem__(self, key)", ATLAS_FRAME_LIBRARY,
                 "~/anaconda3/lib/python3.9/site-packages/pandas/core/frame.py",
                 "pandas", "pandas.core.frame", "DataFrame.__getitem__", -1, 3805);
  assert_header ("~/anaconda3/lib/python3.9/site-packages/pandas/core/frame.py in __getitem__(self, key)",
                 ATLAS_FRAME_LIBRARY, "~/anaconda3/lib/python3.9/site-packages/pandas/core/frame.py",
                 "pandas", "pandas.core.frame", "__getitem__", -1, -1);
  assert_header ("/usr/local/lib/python3.7/dist-packages/keras/engine/training.py in "
                 "fit(self, x, y, batch_size, epochs, verbose, callbacks, **kwargs)",
                 ATLAS_FRAME_LIBRARY, "/usr/local/lib/python3.7/dist-packages/keras/engine/training.py",
                 "keras", "keras.engine.training", "fit", -1, -1);
  assert_header ("C:\\Users\\me\\Anaconda3\\lib\\site-packages\\sklearn\\utils\\validation.py in "
                 "check_array(array, accept_sparse, dtype)", ATLAS_FRAME_LIBRARY,
                 "C:\\Users\\me\\Anaconda3\\lib\\site-packages\\sklearn\\utils\\validation.py",
                 "sklearn", "sklearn.utils.validation", "check_array", -1, -1);
  assert_header ("File c:\\users\\me\\appdata\\roaming\\python\\python310\\site-packages\\numpy\\core\\"
                 "fromnumeric.py:123, in f()", ATLAS_FRAME_LIBRARY,
                 "c:\\users\\me\\appdata\\roaming\\python\\python310\\site-packages\\numpy\\core\\fromnumeric.py",
                 "numpy", "numpy.core.fromnumeric", "f", -1, 123);
  assert_header ("  File \"/usr/lib/python3.10/site-packages/x/y.py\", line 12, in f",
                 ATLAS_FRAME_LIBRARY, "/usr/lib/python3.10/site-packages/x/y.py", "x", "x.y", "f", -1, 12);
}

static void
test_header_library_modules (void)
{
  assert_header ("/opt/conda/lib/python3.7/site-packages/six.py in reraise(tp, value, tb)",
                 ATLAS_FRAME_LIBRARY, "/opt/conda/lib/python3.7/site-packages/six.py",
                 "six", "six", "reraise", -1, -1);
  assert_header ("File /usr/lib/python3/site-packages/foo-1.2-py3.7.egg/foo/bar.py:3, in g()",
                 ATLAS_FRAME_LIBRARY, "/usr/lib/python3/site-packages/foo-1.2-py3.7.egg/foo/bar.py",
                 "foo", "foo.bar", "g", -1, 3);
  assert_header ("File /venv/lib/python3.11/site-packages/torch/nn/__init__.py:7, in <module>",
                 ATLAS_FRAME_LIBRARY, "/venv/lib/python3.11/site-packages/torch/nn/__init__.py",
                 "torch", "torch.nn", "<module>", -1, 7);
  assert_header ("File /opt/spark/python/lib/pyspark.zip/pyspark/sql/utils.py:196, in deco(*a, **kw)",
                 ATLAS_FRAME_LIBRARY, "/opt/spark/python/lib/pyspark.zip/pyspark/sql/utils.py",
                 "pyspark", "pyspark.sql.utils", "deco", -1, 196);
  assert_header ("  File \"/databricks/spark/python/lib/py4j-0.10.9.5-src.zip/py4j/protocol.py\", line 326, "
                 "in get_return_value", ATLAS_FRAME_LIBRARY,
                 "/databricks/spark/python/lib/py4j-0.10.9.5-src.zip/py4j/protocol.py",
                 "py4j", "py4j.protocol", "get_return_value", -1, 326);
  assert_header ("pandas/_libs/index.pyx in pandas._libs.index.IndexEngine.get_loc()",
                 ATLAS_FRAME_LIBRARY, "pandas/_libs/index.pyx", "pandas", "pandas._libs.index",
                 "pandas._libs.index.IndexEngine.get_loc", -1, -1);
  assert_header ("File ~/.local/lib/python3.8/site-packages/pandas/_libs/hashtable_class_helper.pxi:5231, "
                 "in pandas._libs.hashtable.PyObjectHashTable.get_item()", ATLAS_FRAME_LIBRARY,
                 "~/.local/lib/python3.8/site-packages/pandas/_libs/hashtable_class_helper.pxi",
                 "pandas", "pandas._libs.hashtable_class_helper",
                 "pandas._libs.hashtable.PyObjectHashTable.get_item", -1, 5231);
}

static void
test_header_files (void)
{
  assert_header ("File <frozen importlib._bootstrap>:1050, in _gcd_import(name, package, level)",
                 ATLAS_FRAME_FILE, "<frozen importlib._bootstrap>", NULL, NULL, "_gcd_import", -1, 1050);
  assert_header ("/usr/lib/python3.9/json/decoder.py in decode(self, s, _w)", ATLAS_FRAME_FILE,
                 "/usr/lib/python3.9/json/decoder.py", NULL, NULL, "decode", -1, -1);
  assert_header ("  File \"/home/me/project/utils.py\", line 40, in load", ATLAS_FRAME_FILE,
                 "/home/me/project/utils.py", NULL, NULL, "load", -1, 40);
  assert_header ("<__array_function__ internals> in concatenate(*args, **kwargs)", ATLAS_FRAME_FILE,
                 "<__array_function__ internals>", NULL, NULL, "concatenate", -1, -1);
  assert_header ("File <command-4135548384066455>:5, in <module>", ATLAS_FRAME_USER_CELL,
                 "<command-4135548384066455>", NULL, NULL, "<module>", -1, 5);
  assert_header ("  File \"<stdin>\", line 1, in <module>", ATLAS_FRAME_FILE, "<stdin>", NULL, NULL,
                 "<module>", -1, 1);
  assert_header ("File C:\\Program Files\\Python310\\lib\\json\\decoder.py:337, in JSONDecoder.decode(self, s)",
                 ATLAS_FRAME_FILE, "C:\\Program Files\\Python310\\lib\\json\\decoder.py", NULL, NULL,
                 "JSONDecoder.decode", -1, 337);
}

static void
test_header_vscode (void)
{
  assert_header ("/home/me/nb.ipynb Cell 3' in <cell line: 2>()", ATLAS_FRAME_USER_CELL,
                 "/home/me/nb.ipynb Cell 3'", NULL, NULL, "<module>", -1, 2);
  assert_header ("c:\\Users\\me\\my nb.ipynb Cell 5 line 7", ATLAS_FRAME_USER_CELL,
                 "c:\\Users\\me\\my nb.ipynb Cell 5", NULL, NULL, NULL, -1, 7);
  assert_header ("/w/a.ipynb Cell 1 in train(x)", ATLAS_FRAME_USER_CELL, "/w/a.ipynb Cell 1", NULL, NULL,
                 "train", -1, -1);
}

static void
test_header_not_headers (void)
{
  const char *lines[] = {
    "", "   ", "KeyError: 'x'", "FileNotFoundError: [Errno 2] No such file or directory: 'a.csv'",
    "Traceback (most recent call last):", "KeyError                                  Traceback (most recent call last)",
    "----> 3 df['x']", "      1 import pandas as pd", "File", "File :3", "Cell In", "Cell In[x], line 3",
    "Cell In[3] garbage", "Input In []", "File \"unterminated", "this is just text in a sentence",
    "During handling of the above exception, another exception occurred:",
    "[... skipping hidden 1 frame]", "/usr/lib in ", "x.py in foo", "nb.ipynb Cell 3 garbage",
    "nb.ipynb Cell x",
  };

  for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
    {
      g_autoptr(AtlasFrame) frame = atlas_frame_parse_header (lines[i]);

      if (frame != NULL)
        g_error ("parsed as a header: %s", lines[i]);
    }
}

/* ---- whole tracebacks ------------------------------------------------- */

static void
test_ipython8_chained (void)
{
  const char *lines[] = {
    BANNER,
    RED "KeyError" RESET "                                  Traceback (most recent call last)",
    "File " GREEN "~/anaconda3/lib/python3.9/site-packages/pandas/core/indexes/base.py:3802" RESET ", in "
    CYAN "Index.get_loc" BLUE "(self, key, method, tolerance)" RESET "\n"
    BGREEN "   3801" RESET " \033[38;5;28;01mtry\033[39;00m:\n"
    GREEN "-> 3802" RESET "     \033[38;5;28;01mreturn\033[39;00m \033[38;5;28mself\033[39m"
    "\033[38;5;241m.\033[39m_engine\033[38;5;241m.\033[39mget_loc(casted_key)\n"
    BGREEN "   3803" RESET " \033[38;5;28;01mexcept\033[39;00m \033[38;5;167;01mKeyError\033[39;00m as err:",
    "File " GREEN "~/anaconda3/lib/python3.9/site-packages/pandas/_libs/index.pyx:138" RESET ", in "
    CYAN "pandas._libs.index.IndexEngine.get_loc" BLUE "()" RESET,
    RED "KeyError" RESET ": 'price'",
    "\nThe above exception was the direct cause of the following exception:\n",
    RED "KeyError" RESET "                                  Traceback (most recent call last)",
    "Cell " GREEN "In[12], line 3" RESET "\n"
    BGREEN "      1" RESET " \033[38;5;28;01mimport\033[39;00m \033[38;5;21;01mpandas\033[39;00m as pd\n"
    BGREEN "      2" RESET " df \033[38;5;241m=\033[39m pd\033[38;5;241m.\033[39mread_csv(\"x.csv\")\n"
    GREEN "----> 3" RESET " \033[43mdf\033[49m\033[43m[\033[49m\033[38;5;124;43m\"\033[39;49m"
    "\033[38;5;124;43mprice\033[39;49m\033[38;5;124;43m\"\033[39;49m\033[43m]\033[49m",
    "File " GREEN "~/anaconda3/lib/python3.9/site-packages/pandas/core/frame.py:3807" RESET ", in "
    CYAN "DataFrame.__getitem__" BLUE "(self, key)" RESET "\n"
    BGREEN "   3805" RESET " if self.columns.nlevels > 1:\n"
    BGREEN "   3806" RESET "     return self._getitem_multilevel(key)\n"
    GREEN "-> 3807" RESET " indexer \033[38;5;241m=\033[39m \033[38;5;28mself\033[39m.columns.get_loc(key)",
    "File " GREEN "~/anaconda3/lib/python3.9/site-packages/pandas/core/indexes/base.py:3804" RESET ", in "
    CYAN "Index.get_loc" BLUE "(self, key, method, tolerance)" RESET "\n"
    GREEN "-> 3804" RESET "     raise KeyError(key) from err",
    RED "KeyError" RESET ": 'price'",
    NULL
  };
  g_autoptr(AtlasTraceback) tb = parse (lines);
  const AtlasTracebackSection *first;
  const AtlasTracebackSection *last;

  g_assert_cmpuint (atlas_traceback_get_n_sections (tb), ==, 2);
  first = atlas_traceback_get_section (tb, 0);
  last = atlas_traceback_get_section (tb, 1);

  g_assert_cmpuint (first->frames->len, ==, 2);
  g_assert_cmpstr (first->ename, ==, "KeyError");
  g_assert_cmpstr (first->evalue, ==, "'price'");
  assert_frame (first->frames->pdata[0], ATLAS_FRAME_LIBRARY,
                "~/anaconda3/lib/python3.9/site-packages/pandas/core/indexes/base.py",
                "pandas", "pandas.core.indexes.base", "Index.get_loc", -1, 3802,
                "return self._engine.get_loc(casted_key)");
  assert_frame (first->frames->pdata[1], ATLAS_FRAME_LIBRARY,
                "~/anaconda3/lib/python3.9/site-packages/pandas/_libs/index.pyx",
                "pandas", "pandas._libs.index", "pandas._libs.index.IndexEngine.get_loc", -1, 138, NULL);

  g_assert_cmpstr (last->ename, ==, "KeyError");
  g_assert_cmpstr (last->evalue, ==, "'price'");
  g_assert_cmpuint (atlas_traceback_get_n_frames (tb), ==, 3);
  assert_frame (atlas_traceback_get_frame (tb, 0), ATLAS_FRAME_USER_CELL, "Cell In[12]", NULL, NULL,
                NULL, 12, 3, "df[\"price\"]");
  assert_frame (atlas_traceback_get_frame (tb, 1), ATLAS_FRAME_LIBRARY,
                "~/anaconda3/lib/python3.9/site-packages/pandas/core/frame.py",
                "pandas", "pandas.core.frame", "DataFrame.__getitem__", -1, 3807,
                "indexer = self.columns.get_loc(key)");

  g_assert_true (atlas_traceback_get_user_frame (tb) == atlas_traceback_get_frame (tb, 0));
  g_assert_true (atlas_traceback_get_outermost_library_frame (tb) == atlas_traceback_get_frame (tb, 1));
  g_assert_true (atlas_traceback_get_innermost_library_frame (tb) == atlas_traceback_get_frame (tb, 2));

  g_assert_null (strchr (atlas_traceback_get_text (tb), '\033'));
  g_assert_nonnull (strstr (atlas_traceback_get_raw (tb), RED "KeyError" RESET ": 'price'"));
  g_assert_true (g_str_has_prefix (atlas_traceback_get_text (tb), "-----"));
  g_assert_true (g_str_has_suffix (atlas_traceback_get_text (tb), "\nKeyError: 'price'"));
}

static void
test_ipython7_frames (void)
{
  const char *lines[] = {
    BANNER,
    RED "ValueError" RESET "                                Traceback (most recent call last)",
    "<ipython-input-7-3b0a8e5e1f2c> in <module>\n"
    GREEN "      1" RESET " model " BLUE "=" RESET " LinearRegression" BLUE "(" RESET BLUE ")" RESET "\n"
    GREEN "----> 2" RESET RED " " RESET "model" BLUE "." RESET "fit" BLUE "(" RESET "X" BLUE "," RESET " y" BLUE ")" RESET "\n"
    GREEN "      3" RESET " model" BLUE "." RESET "score" BLUE "(" RESET "X" BLUE "," RESET " y" BLUE ")" RESET "\n",
    "~/anaconda3/lib/python3.8/site-packages/sklearn/linear_model/_base.py in fit(self, X, y, sample_weight)\n"
    GREEN "    516" RESET "         accept_sparse = False if self.positive else ['csr', 'csc', 'coo']\n"
    GREEN "    517" RESET " \n"
    GREEN "--> 518" RESET RED "         X, y = self._validate_data(X, y, accept_sparse=accept_sparse,\n" RESET
    GREEN "    519" RESET "                                    y_numeric=True, multi_output=True)\n",
    "~/anaconda3/lib/python3.8/site-packages/sklearn/utils/validation.py in check_consistent_length(*arrays)\n"
    GREEN "    261" RESET "     if len(uniques) > 1:\n"
    GREEN "--> 262" RESET RED "         raise ValueError(\"Found input variables with inconsistent numbers of\"\n" RESET,
    RED "ValueError" RESET ": Found input variables with inconsistent numbers of samples: [100, 99]",
    NULL
  };
  g_autoptr(AtlasTraceback) tb = parse (lines);

  g_assert_cmpuint (atlas_traceback_get_n_sections (tb), ==, 1);
  g_assert_cmpuint (atlas_traceback_get_n_frames (tb), ==, 3);
  assert_frame (atlas_traceback_get_frame (tb, 0), ATLAS_FRAME_USER_CELL,
                "<ipython-input-7-3b0a8e5e1f2c>", NULL, NULL, "<module>", 7, 2, "model.fit(X, y)");
  assert_frame (atlas_traceback_get_frame (tb, 1), ATLAS_FRAME_LIBRARY,
                "~/anaconda3/lib/python3.8/site-packages/sklearn/linear_model/_base.py",
                "sklearn", "sklearn.linear_model._base", "fit", -1, 518,
                "X, y = self._validate_data(X, y, accept_sparse=accept_sparse,");
  assert_frame (atlas_traceback_get_frame (tb, 2), ATLAS_FRAME_LIBRARY,
                "~/anaconda3/lib/python3.8/site-packages/sklearn/utils/validation.py",
                "sklearn", "sklearn.utils.validation", "check_consistent_length", -1, 262,
                "raise ValueError(\"Found input variables with inconsistent numbers of\"");
  g_assert_cmpstr (atlas_traceback_get_section (tb, 0)->ename, ==, "ValueError");
  g_assert_cmpstr (atlas_traceback_get_section (tb, 0)->evalue, ==,
                   "Found input variables with inconsistent numbers of samples: [100, 99]");
  g_assert_cmpstr (atlas_traceback_get_outermost_library_frame (tb)->module_path, ==,
                   "sklearn.linear_model._base");
  g_assert_cmpstr (atlas_traceback_get_innermost_library_frame (tb)->module_path, ==,
                   "sklearn.utils.validation");
}

static void
test_input_in (void)
{
  const char *lines[] = {
    BANNER,
    RED "NameError" RESET "                                 Traceback (most recent call last)",
    "Input " GREEN "In [4]" RESET ", in " CYAN "<cell line: 3>" BLUE "()" RESET "\n"
    BGREEN "      1" RESET " import numpy as np\n"
    BGREEN "      2" RESET " a = np.arange(3)\n"
    GREEN "----> 3" RESET " total = a.sum() + \\\n"
    BGREEN "      4" RESET "     offset\n",
    RED "NameError" RESET ": name 'offset' is not defined",
    NULL
  };
  g_autoptr(AtlasTraceback) tb = parse (lines);

  g_assert_cmpuint (atlas_traceback_get_n_frames (tb), ==, 1);
  assert_frame (atlas_traceback_get_user_frame (tb), ATLAS_FRAME_USER_CELL, "Input In [4]", NULL, NULL,
                "<module>", 4, 3, "total = a.sum() + \\");
  g_assert_null (atlas_traceback_get_innermost_library_frame (tb));
  g_assert_null (atlas_traceback_get_outermost_library_frame (tb));
  g_assert_cmpstr (atlas_traceback_get_section (tb, 0)->evalue, ==, "name 'offset' is not defined");
}

static void
test_kaggle (void)
{
  const char *ipython7[] = {
    BANNER,
    RED "ModuleNotFoundError" RESET "                       Traceback (most recent call last)",
    "/tmp/ipykernel_17/2938475610.py in <module>\n" GREEN "----> 1" RESET RED " " RESET "import lightgbm_x\n",
    RED "ModuleNotFoundError" RESET ": No module named 'lightgbm_x'",
    NULL
  };
  const char *ipython8[] = {
    "File " GREEN "/tmp/ipykernel_33/4029384756.py:5" RESET ", in " CYAN "<module>" RESET "\n"
    BGREEN "      3" RESET " x = 1\n" GREEN "----> 5" RESET " y = 1 / 0\n",
    RED "ZeroDivisionError" RESET ": division by zero",
    NULL
  };
  g_autoptr(AtlasTraceback) a = parse (ipython7);
  g_autoptr(AtlasTraceback) b = parse (ipython8);

  assert_frame (atlas_traceback_get_user_frame (a), ATLAS_FRAME_USER_CELL, "/tmp/ipykernel_17/2938475610.py",
                NULL, NULL, "<module>", -1, 1, "import lightgbm_x");
  g_assert_cmpstr (atlas_traceback_get_section (a, 0)->ename, ==, "ModuleNotFoundError");
  assert_frame (atlas_traceback_get_user_frame (b), ATLAS_FRAME_USER_CELL, "/tmp/ipykernel_33/4029384756.py",
                NULL, NULL, "<module>", -1, 5, "y = 1 / 0");
}

static void
test_plain_python (void)
{
  const char *lines[] = {
    "Traceback (most recent call last):\n"
    "  File \"/home/me/run.py\", line 10, in <module>\n"
    "    main()\n"
    "  File \"/tmp/ipykernel_1/2.py\", line 5, in main\n"
    "    frame = load(path)\n"
    "            ^^^^^^^^^^\n"
    "  File \"/usr/lib/python3.10/site-packages/x/y.py\", line 12, in load\n"
    "    return json.loads(text)\n"
    "  File \"/usr/lib/python3.10/json/__init__.py\", line 346, in loads\n"
    "    return _default_decoder.decode(s)\n"
    "           ~~~~~~~~~~~~~~~~~~~~~~~^^^\n"
    "json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)\n",
    NULL
  };
  g_autoptr(AtlasTraceback) tb = parse (lines);
  const AtlasTracebackSection *section = atlas_traceback_get_section (tb, 0);

  g_assert_cmpuint (atlas_traceback_get_n_frames (tb), ==, 4);
  assert_frame (atlas_traceback_get_frame (tb, 0), ATLAS_FRAME_FILE, "/home/me/run.py", NULL, NULL,
                "<module>", -1, 10, "main()");
  assert_frame (atlas_traceback_get_frame (tb, 1), ATLAS_FRAME_USER_CELL, "/tmp/ipykernel_1/2.py", NULL, NULL,
                "main", -1, 5, "frame = load(path)");
  assert_frame (atlas_traceback_get_frame (tb, 2), ATLAS_FRAME_LIBRARY,
                "/usr/lib/python3.10/site-packages/x/y.py", "x", "x.y", "load", -1, 12,
                "return json.loads(text)");
  assert_frame (atlas_traceback_get_frame (tb, 3), ATLAS_FRAME_FILE, "/usr/lib/python3.10/json/__init__.py",
                NULL, NULL, "loads", -1, 346, "return _default_decoder.decode(s)");
  g_assert_cmpstr (section->ename, ==, "json.decoder.JSONDecodeError");
  g_assert_cmpstr (section->evalue, ==, "Expecting value: line 1 column 1 (char 0)");
  g_assert_true (atlas_traceback_get_user_frame (tb) == atlas_traceback_get_frame (tb, 1));
}

static void
test_syntax_error_cell_in (void)
{
  const char *lines[] = {
    RED "  Cell " GREEN "In[3], line 2" RESET "\n" RED "    x = = 1" RESET "\n" RESET "        ^" RESET "\n",
    RED "SyntaxError" RESET RED ":" RESET " invalid syntax\n",
    NULL
  };
  g_autoptr(AtlasTraceback) tb = parse (lines);

  g_assert_cmpuint (atlas_traceback_get_n_frames (tb), ==, 1);
  assert_frame (atlas_traceback_get_user_frame (tb), ATLAS_FRAME_USER_CELL, "Cell In[3]", NULL, NULL, NULL,
                3, 2, "x = = 1");
  g_assert_cmpstr (atlas_traceback_get_section (tb, 0)->ename, ==, "SyntaxError");
  g_assert_cmpstr (atlas_traceback_get_section (tb, 0)->evalue, ==, "invalid syntax");
}

static void
test_syntax_error_old (void)
{
  const char *ipython7[] = {
    CYAN "  File " GREEN "\"<ipython-input-3-0123456789ab>\"" CYAN ", line " GREEN "1" RESET "\n"
    RED "    print 'hello'" RESET "\n" RESET "          ^" RESET "\n"
    RED "SyntaxError" RESET RED ":" RESET " Missing parentheses in call to 'print'. Did you mean print('hello')?\n",
    NULL
  };
  const char *input_in[] = {
    "  Input In [9]\n    for i in range(3)\n                     ^\nSyntaxError: expected ':'\n",
    NULL
  };
  const char *indentation[] = {
    "  File \"<ipython-input-5-ffffffffffff>\", line 3\n    return x\n    ^\n"
    "IndentationError: unexpected indent\n",
    NULL
  };
  g_autoptr(AtlasTraceback) a = parse (ipython7);
  g_autoptr(AtlasTraceback) b = parse (input_in);
  g_autoptr(AtlasTraceback) c = parse (indentation);

  assert_frame (atlas_traceback_get_user_frame (a), ATLAS_FRAME_USER_CELL, "<ipython-input-3-0123456789ab>",
                NULL, NULL, NULL, 3, 1, "print 'hello'");
  g_assert_cmpstr (atlas_traceback_get_section (a, 0)->evalue, ==,
                   "Missing parentheses in call to 'print'. Did you mean print('hello')?");
  assert_frame (atlas_traceback_get_user_frame (b), ATLAS_FRAME_USER_CELL, "Input In [9]",
                NULL, NULL, NULL, 9, -1, "for i in range(3)");
  g_assert_cmpstr (atlas_traceback_get_section (b, 0)->ename, ==, "SyntaxError");
  assert_frame (atlas_traceback_get_user_frame (c), ATLAS_FRAME_USER_CELL, "<ipython-input-5-ffffffffffff>",
                NULL, NULL, NULL, 5, 3, "return x");
  g_assert_cmpstr (atlas_traceback_get_section (c, 0)->ename, ==, "IndentationError");
}

static void
test_during_handling (void)
{
  const char *lines[] = {
    BANNER,
    RED "FileNotFoundError" RESET "                         Traceback (most recent call last)",
    "Cell " GREEN "In[2], line 2" RESET "\n" BGREEN "      1" RESET " try:\n"
    GREEN "----> 2" RESET "     f = open(\"data.csv\")\n" BGREEN "      3" RESET " except OSError:\n",
    RED "FileNotFoundError" RESET ": [Errno 2] No such file or directory: 'data.csv'",
    "\nDuring handling of the above exception, another exception occurred:\n",
    RED "NameError" RESET "                                 Traceback (most recent call last)",
    "Cell " GREEN "In[2], line 4" RESET "\n" BGREEN "      3" RESET " except OSError:\n"
    GREEN "----> 4" RESET "     loggr.warning(\"missing\")\n",
    RED "NameError" RESET ": name 'loggr' is not defined",
    NULL
  };
  g_autoptr(AtlasTraceback) tb = parse (lines);
  const AtlasTracebackSection *first;

  g_assert_cmpuint (atlas_traceback_get_n_sections (tb), ==, 2);
  first = atlas_traceback_get_section (tb, 0);
  g_assert_cmpstr (first->ename, ==, "FileNotFoundError");
  g_assert_cmpstr (first->evalue, ==, "[Errno 2] No such file or directory: 'data.csv'");
  assert_frame (first->frames->pdata[0], ATLAS_FRAME_USER_CELL, "Cell In[2]", NULL, NULL, NULL, 2, 2,
                "f = open(\"data.csv\")");
  assert_frame (atlas_traceback_get_user_frame (tb), ATLAS_FRAME_USER_CELL, "Cell In[2]", NULL, NULL, NULL,
                2, 4, "loggr.warning(\"missing\")");
  g_assert_cmpstr (atlas_traceback_get_section (tb, 1)->ename, ==, "NameError");
}

static void
test_user_function_in_cell (void)
{
  const char *lines[] = {
    BANNER,
    RED "ZeroDivisionError" RESET "                         Traceback (most recent call last)",
    "Cell " GREEN "In[5], line 4" RESET "\n" BGREEN "      1" RESET " def ratio(a, b):\n"
    BGREEN "      2" RESET "     return a / b\n" GREEN "----> 4" RESET " ratio(1, 0)\n",
    "Cell " GREEN "In[5], line 2" RESET ", in " CYAN "ratio" BLUE "(a, b)" RESET "\n"
    BGREEN "      1" RESET " def ratio(a, b):\n" GREEN "----> 2" RESET "     return a / b\n",
    RED "ZeroDivisionError" RESET ": division by zero",
    NULL
  };
  g_autoptr(AtlasTraceback) tb = parse (lines);
  const AtlasFrame *user = atlas_traceback_get_user_frame (tb);

  g_assert_cmpuint (atlas_traceback_get_n_frames (tb), ==, 2);
  assert_frame (user, ATLAS_FRAME_USER_CELL, "Cell In[5]", NULL, NULL, "ratio", 5, 2, "return a / b");
  g_assert_true (user == atlas_traceback_get_frame (tb, 1));
}

static void
test_library_calls_library (void)
{
  /* The user called into keras, which failed inside tensorflow: the entry
   * point is keras, the raise is tensorflow; a stdlib frame in between is
   * neither. */
  const char *lines[] = {
    "<ipython-input-9-aaaaaaaaaaaa> in <module>\n----> 1 model.fit(x, y, epochs=3)\n",
    "/usr/local/lib/python3.7/dist-packages/keras/engine/training.py in fit(self, x, y)\n"
    "--> 1100               tmp_logs = self.train_function(iterator)\n",
    "/usr/lib/python3.7/contextlib.py in __exit__(self, type, value, traceback)\n"
    "--> 130                 self.gen.throw(type, value, traceback)\n",
    "/usr/local/lib/python3.7/dist-packages/tensorflow/python/eager/execute.py in quick_execute(op_name)\n"
    "---> 59     tensors = pywrap_tfe.TFE_Py_Execute(ctx._handle, device_name, op_name,\n",
    "tensorflow.python.framework.errors_impl.InvalidArgumentError:  Incompatible shapes: [32,1] vs. [32,10]\n"
    "\t [[node mean_squared_error/SquaredDifference (defined at <ipython-input-9-aaaaaaaaaaaa>:1) ]]"
    " [Op:__inference_train_function_811]\n\nFunction call stack:\ntrain_function\n",
    NULL
  };
  g_autoptr(AtlasTraceback) tb = parse (lines);
  const AtlasTracebackSection *section = atlas_traceback_get_section (tb, 0);

  g_assert_cmpuint (atlas_traceback_get_n_frames (tb), ==, 4);
  g_assert_cmpstr (atlas_traceback_get_outermost_library_frame (tb)->package, ==, "keras");
  g_assert_cmpstr (atlas_traceback_get_innermost_library_frame (tb)->module_path, ==,
                   "tensorflow.python.eager.execute");
  g_assert_cmpint (atlas_traceback_get_frame (tb, 2)->kind, ==, ATLAS_FRAME_FILE);
  g_assert_cmpint (atlas_traceback_get_frame (tb, 3)->line, ==, 59);
  g_assert_cmpstr (section->ename, ==, "tensorflow.python.framework.errors_impl.InvalidArgumentError");
  g_assert_cmpstr (section->evalue, ==,
                   " Incompatible shapes: [32,1] vs. [32,10]\n"
                   "\t [[node mean_squared_error/SquaredDifference (defined at <ipython-input-9-aaaaaaaaaaaa>:1) ]]"
                   " [Op:__inference_train_function_811]\n\nFunction call stack:\ntrain_function");
}

static void
test_outermost_without_user (void)
{
  const char *lines[] = {
    "File /x/site-packages/a/m.py:1, in f()\n----> 1 g()\n",
    "File /x/site-packages/b/n.py:2, in g()\n----> 2 raise E\n",
    "E: boom",
    NULL
  };
  g_autoptr(AtlasTraceback) tb = parse (lines);

  g_assert_null (atlas_traceback_get_user_frame (tb));
  g_assert_cmpstr (atlas_traceback_get_outermost_library_frame (tb)->package, ==, "a");
  g_assert_cmpstr (atlas_traceback_get_innermost_library_frame (tb)->package, ==, "b");
}

static void
test_embedded_remote_traceback (void)
{
  /* Frames quoted inside an exception's message are message text. */
  const char *lines[] = {
    "Cell In[8], line 1\n----> 1 df.select(udf_col).show()\n",
    "File /opt/spark/python/lib/pyspark.zip/pyspark/sql/utils.py:196, in deco(*a, **kw)\n"
    "--> 196     raise converted from None\n",
    "PythonException: \n  An exception was thrown from the Python worker:\n"
    "Traceback (most recent call last):\n"
    "  File \"/opt/spark/python/lib/pyspark.zip/pyspark/worker.py\", line 686, in main\n"
    "    process()\n"
    "ZeroDivisionError: division by zero\n",
    NULL
  };
  g_autoptr(AtlasTraceback) tb = parse (lines);
  const AtlasTracebackSection *section = atlas_traceback_get_section (tb, 0);

  g_assert_cmpuint (atlas_traceback_get_n_frames (tb), ==, 2);
  g_assert_cmpstr (section->ename, ==, "PythonException");
  g_assert_true (g_str_has_prefix (section->evalue, "\n  An exception was thrown"));
  g_assert_true (g_str_has_suffix (section->evalue, "ZeroDivisionError: division by zero"));
}

static void
test_exception_group (void)
{
  const char *lines[] = {
    "  + Exception Group Traceback (most recent call last):\n"
    "  |   File \"/home/me/run.py\", line 9, in <module>\n"
    "  |     raise ExceptionGroup(\"errors\", [ValueError(1), TypeError(2)])\n"
    "  | ExceptionGroup: errors (2 sub-exceptions)\n"
    "  +-+---------------- 1 ----------------\n"
    "    | ValueError: 1\n"
    "    +---------------- 2 ----------------\n"
    "    | TypeError: 2\n"
    "    +------------------------------------\n",
    NULL
  };
  g_autoptr(AtlasTraceback) tb = parse (lines);
  const AtlasTracebackSection *section = atlas_traceback_get_section (tb, 0);

  g_assert_cmpuint (atlas_traceback_get_n_frames (tb), ==, 1);
  assert_frame (atlas_traceback_get_frame (tb, 0), ATLAS_FRAME_FILE, "/home/me/run.py", NULL, NULL,
                "<module>", -1, 9, "raise ExceptionGroup(\"errors\", [ValueError(1), TypeError(2)])");
  g_assert_cmpstr (section->ename, ==, "ExceptionGroup");
  g_assert_true (g_str_has_prefix (section->evalue, "errors (2 sub-exceptions)\n"));
}

static void
test_no_frames (void)
{
  const char *bare[] = { RED "KeyboardInterrupt" RESET, NULL };
  const char *message[] = { "ValueError: could not convert string to float: 'abc'", NULL };
  const char *junk[] = { "something went wrong", "and more text", NULL };
  g_autoptr(AtlasTraceback) a = parse (bare);
  g_autoptr(AtlasTraceback) b = parse (message);
  g_autoptr(AtlasTraceback) c = parse (junk);
  g_autoptr(AtlasTraceback) d = atlas_traceback_parse (NULL, 0);

  g_assert_cmpuint (atlas_traceback_get_n_frames (a), ==, 0);
  g_assert_cmpstr (atlas_traceback_get_section (a, 0)->ename, ==, "KeyboardInterrupt");
  g_assert_cmpstr (atlas_traceback_get_section (a, 0)->evalue, ==, "");
  g_assert_cmpstr (atlas_traceback_get_section (b, 0)->ename, ==, "ValueError");
  g_assert_cmpstr (atlas_traceback_get_section (b, 0)->evalue, ==, "could not convert string to float: 'abc'");
  g_assert_cmpuint (atlas_traceback_get_n_sections (c), ==, 1);
  g_assert_null (atlas_traceback_get_section (c, 0)->ename);
  g_assert_null (atlas_traceback_get_section (c, 0)->evalue);
  g_assert_cmpuint (atlas_traceback_get_n_sections (d), ==, 1);
  g_assert_cmpstr (atlas_traceback_get_raw (d), ==, "");
  g_assert_cmpstr (atlas_traceback_get_text (d), ==, "");
  g_assert_null (atlas_traceback_get_user_frame (d));
  g_assert_null (atlas_traceback_get_outermost_library_frame (d));
}

static void
test_many_frames (void)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(AtlasTraceback) tb = NULL;
  gint64 start = g_get_monotonic_time ();

  g_ptr_array_add (lines, g_strdup ("Cell In[1], line 3\n----> 3 f(10000)\n"));
  for (guint i = 0; i < 10000; i++)
    g_ptr_array_add (lines, g_strdup_printf ("Cell In[1], line 2, in f(n)\n"
                                             "      1 def f(n):\n" GREEN "----> 2" RESET
                                             "     return f(n - 1) if n else 1 / n\n"));
  g_ptr_array_add (lines, g_strdup ("ZeroDivisionError: division by zero"));

  tb = atlas_traceback_parse ((const char * const *) lines->pdata, lines->len);

  g_assert_cmpuint (atlas_traceback_get_n_frames (tb), ==, 10001);
  assert_frame (atlas_traceback_get_user_frame (tb), ATLAS_FRAME_USER_CELL, "Cell In[1]", NULL, NULL, "f",
                1, 2, "return f(n - 1) if n else 1 / n");
  g_assert_cmpstr (atlas_traceback_get_section (tb, 0)->ename, ==, "ZeroDivisionError");
  /* Generous even under sanitizers; a quadratic parser takes minutes. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, 5 * G_USEC_PER_SEC);
  g_ptr_array_unref (lines);
}

static void
test_garbage (void)
{
  GString *s = g_string_new (NULL);
  guint32 seed = 4242;
  const char *lines[3];
  g_autoptr(AtlasTraceback) tb = NULL;

  for (guint i = 0; i < 300000; i++)
    {
      seed = seed * 1664525 + 1013904223;
      switch ((seed >> 24) % 12)
        {
        case 0: g_string_append (s, "\nFile "); break;
        case 1: g_string_append (s, " in "); break;
        case 2: g_string_append (s, "\n---->"); break;
        case 3: g_string_append (s, "Cell In["); break;
        case 4: g_string_append (s, ":12, in "); break;
        case 5: g_string_append (s, "site-packages/"); break;
        default: g_string_append_c (s, (char) (1 + (seed >> 8) % 255)); break;
        }
    }

  lines[0] = s->str;
  lines[1] = NULL;  /* NULL entries read as empty strings */
  lines[2] = "\xff\xfe\x80 invalid: \xc3";
  tb = atlas_traceback_parse (lines, 3);

  g_assert_true (g_utf8_validate (atlas_traceback_get_text (tb), -1, NULL));
  g_assert_cmpuint (atlas_traceback_get_n_sections (tb), >=, 1);
  for (guint i = 0; i < atlas_traceback_get_n_frames (tb); i++)
    g_assert_nonnull (atlas_traceback_get_frame (tb, i)->file);
  g_string_free (s, TRUE);
}

static void
test_long_line (void)
{
  g_autofree char *path = g_strnfill (1 << 20, '/');
  g_autofree char *line = g_strconcat ("File ", path, ":3, in f()", NULL);
  g_autofree char *fill = g_strnfill (1 << 20, ':');
  g_autofree char *colons = g_strconcat ("File ", fill, NULL);
  g_autofree char *ins = NULL;
  g_autoptr(AtlasFrame) a = atlas_frame_parse_header (line);
  g_autoptr(AtlasFrame) b = atlas_frame_parse_header (colons);
  g_autoptr(AtlasFrame) c = NULL;
  GString *s = g_string_new ("/x");

  for (guint i = 0; i < 100000; i++)
    g_string_append (s, " in x");
  ins = g_string_free (s, FALSE);
  c = atlas_frame_parse_header (ins);

  g_assert_nonnull (a);
  g_assert_cmpint (a->line, ==, 3);
  g_assert_null (b);
  g_assert_null (c);
}

static void
test_invalid_utf8 (void)
{
  const char *lines[] = {
    "Cell In[2], line 1\n----> 1 print(\"caf\xe9\")\n",
    "UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 \xe9\xff",
    NULL
  };
  g_autoptr(AtlasTraceback) tb = parse (lines);
  const AtlasFrame *user = atlas_traceback_get_user_frame (tb);

  g_assert_true (g_utf8_validate (atlas_traceback_get_text (tb), -1, NULL));
  g_assert_cmpstr (user->code, ==, "print(\"caf\xef\xbf\xbd\")");
  g_assert_cmpstr (atlas_traceback_get_section (tb, 0)->ename, ==, "UnicodeDecodeError");
  g_assert_true (g_utf8_validate (atlas_traceback_get_section (tb, 0)->evalue, -1, NULL));
}

static void
test_crlf_and_refcount (void)
{
  const char *lines[] = { "Cell In[1], line 1\r\n----> 1 x\r\n", "NameError: name 'x' is not defined\r\n", NULL };
  AtlasTraceback *tb = parse (lines);
  AtlasTraceback *copy = g_boxed_copy (ATLAS_TYPE_TRACEBACK, tb);

  g_assert_true (copy == tb);
  atlas_traceback_unref (tb);
  g_assert_cmpstr (atlas_traceback_get_user_frame (copy)->code, ==, "x");
  g_assert_cmpstr (atlas_traceback_get_section (copy, 0)->evalue, ==, "name 'x' is not defined");
  g_boxed_free (ATLAS_TYPE_TRACEBACK, copy);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Traceback/header-cell-in", test_header_cell_in);
  g_test_add_func ("/Atlas/Traceback/header-input-in", test_header_input_in);
  g_test_add_func ("/Atlas/Traceback/header-ipython-input", test_header_ipython_input);
  g_test_add_func ("/Atlas/Traceback/header-ipykernel", test_header_ipykernel);
  g_test_add_func ("/Atlas/Traceback/header-library", test_header_library);
  g_test_add_func ("/Atlas/Traceback/header-library-modules", test_header_library_modules);
  g_test_add_func ("/Atlas/Traceback/header-files", test_header_files);
  g_test_add_func ("/Atlas/Traceback/header-vscode", test_header_vscode);
  g_test_add_func ("/Atlas/Traceback/header-not-headers", test_header_not_headers);
  g_test_add_func ("/Atlas/Traceback/ipython8-chained", test_ipython8_chained);
  g_test_add_func ("/Atlas/Traceback/ipython7-frames", test_ipython7_frames);
  g_test_add_func ("/Atlas/Traceback/input-in", test_input_in);
  g_test_add_func ("/Atlas/Traceback/kaggle", test_kaggle);
  g_test_add_func ("/Atlas/Traceback/plain-python", test_plain_python);
  g_test_add_func ("/Atlas/Traceback/syntax-error-cell-in", test_syntax_error_cell_in);
  g_test_add_func ("/Atlas/Traceback/syntax-error-old", test_syntax_error_old);
  g_test_add_func ("/Atlas/Traceback/during-handling", test_during_handling);
  g_test_add_func ("/Atlas/Traceback/user-function-in-cell", test_user_function_in_cell);
  g_test_add_func ("/Atlas/Traceback/library-calls-library", test_library_calls_library);
  g_test_add_func ("/Atlas/Traceback/outermost-without-user", test_outermost_without_user);
  g_test_add_func ("/Atlas/Traceback/embedded-remote-traceback", test_embedded_remote_traceback);
  g_test_add_func ("/Atlas/Traceback/exception-group", test_exception_group);
  g_test_add_func ("/Atlas/Traceback/no-frames", test_no_frames);
  g_test_add_func ("/Atlas/Traceback/many-frames", test_many_frames);
  g_test_add_func ("/Atlas/Traceback/garbage", test_garbage);
  g_test_add_func ("/Atlas/Traceback/long-line", test_long_line);
  g_test_add_func ("/Atlas/Traceback/invalid-utf8", test_invalid_utf8);
  g_test_add_func ("/Atlas/Traceback/crlf-and-refcount", test_crlf_and_refcount);

  return g_test_run ();
}
