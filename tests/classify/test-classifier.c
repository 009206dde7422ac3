/* test-classifier.c — each family of built-in rules on examples written here
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-classifier.h"
#include "classify-test-util.h"

#define RULE "---------------------------------------------------------------------------\n"

static AtlasClassifier *classifier;

/* Classifies the first crash of @cells and returns it (owned by the notebook). */
static AtlasCrash *
classify (const TestCell *cells,
          guint           n,
          AtlasNotebook **notebook_out)
{
  AtlasNotebook *notebook = make_notebook (cells, n);
  AtlasCrash *crash = first_crash (notebook);

  atlas_classifier_classify (classifier, notebook, crash);
  *notebook_out = notebook;
  return crash;
}

static void
assert_labels (AtlasCrash *crash,
               const char *crash_type,
               const char *root_cause,
               const char *ml_bug,
               const char *stage,
               const char *library)
{
  const char *want[] = { crash_type, root_cause, ml_bug, stage, library };

  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    if (want[d] != NULL)
      {
        const char *evidence = atlas_crash_get_classification (crash)->evidence[d];

        if (g_strcmp0 (atlas_crash_get_label_id (crash, d), want[d]) != 0)
          g_test_message ("dimension %u: %s (%s)", d, atlas_crash_get_label_id (crash, d), evidence);
        g_assert_cmpstr (atlas_crash_get_label_id (crash, d), ==, want[d]);
      }
}

static void
test_name_error_alias (void)
{
  const TestCell cells[] = {
    { "df = pd.read_csv('prices.csv')", 4, "NameError", "name 'pd' is not defined",
      RULE "NameError                                 Traceback (most recent call last)\n"
      "<ipython-input-4-0f2a> in <module>\n----> 1 df = pd.read_csv('prices.csv')\n\n"
      "NameError: name 'pd' is not defined" },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 1, &notebook);

  assert_labels (crash, "MODULE", "NB", "ML", "DATAP", "none");
}

static void
test_key_error_pandas_frame (void)
{
  const TestCell cells[] = {
    { "import pandas as pd\nsales = pd.DataFrame({'a': [1]})\nsales['revenue'].sum()", 7,
      "KeyError", "'revenue'",
      RULE "KeyError                                  Traceback (most recent call last)\n"
      "Cell In[7], line 3\n      1 import pandas as pd\n      2 sales = pd.DataFrame({'a': [1]})\n"
      "----> 3 sales['revenue'].sum()\n\n"
      "File /opt/conda/lib/python3.10/site-packages/pandas/core/frame.py:3807, in DataFrame.__getitem__(self, key)\n"
      "-> 3807 indexer = self.columns.get_loc(key)\n\n"
      "File /opt/conda/lib/python3.10/site-packages/pandas/core/indexes/base.py:3804, in Index.get_loc(self, key)\n"
      "-> 3804     raise KeyError(key) from err\n\nKeyError: 'revenue'" },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 1, &notebook);

  assert_labels (crash, "KEY", "DATA", "ML", "DATAP", "pandas");
  g_assert_nonnull (strstr (atlas_crash_get_classification (crash)->evidence[ATLAS_DIMENSION_LIBRARY],
                            "pandas"));
}

static void
test_shape_sklearn_fit (void)
{
  const TestCell cells[] = {
    { "clf.fit(features, target)", 12, "ValueError",
      "Found input variables with inconsistent numbers of samples: [80, 100]",
      RULE "ValueError                                Traceback (most recent call last)\n"
      "/tmp/ipykernel_31/2211.py in <module>\n----> 1 clf.fit(features, target)\n\n"
      "/usr/local/lib/python3.7/dist-packages/sklearn/utils/validation.py in check_consistent_length(*arrays)\n"
      "    332         raise ValueError(\n\n"
      "ValueError: Found input variables with inconsistent numbers of samples: [80, 100]" },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 1, &notebook);

  assert_labels (crash, "TSHAPE", NULL, "ML", "TRAIN", "sklearn");
}

static void
test_cuda_oom (void)
{
  const TestCell cells[] = {
    { "outputs = net(batch)", 3, "RuntimeError",
      "CUDA out of memory. Tried to allocate 20.00 MiB (GPU 0; 15.90 GiB total capacity)",
      NULL },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 1, &notebook);

  assert_labels (crash, "OOM", "RSC", "ML", NULL, "torch");
}

static void
test_module_not_found (void)
{
  const TestCell cells[] = {
    { "import lightgbm as lgb", 1, "ModuleNotFoundError", "No module named 'lightgbm'",
      RULE "ModuleNotFoundError                       Traceback (most recent call last)\n"
      "<ipython-input-1-aa> in <module>\n----> 1 import lightgbm as lgb\n\n"
      "ModuleNotFoundError: No module named 'lightgbm'" },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 1, &notebook);

  assert_labels (crash, "MODULE", "ENV", "ML", "ENVS", "none");
}

static void
test_file_not_found (void)
{
  const TestCell cells[] = {
    { "with open('notes.txt') as f:\n    text = f.read()", 2, "FileNotFoundError",
      "[Errno 2] No such file or directory: 'notes.txt'", NULL },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 1, &notebook);

  assert_labels (crash, "IO", "ENV", "PY", NULL, "none");
}

static void
test_invalid_argument_through_alias (void)
{
  /* No library frame: the package comes from the call, resolved through the
   * notebook's own alias. */
  const TestCell cells[] = {
    { "import pandas as tbl", 1, NULL, NULL, NULL },
    { "frame = tbl.read_csv('a.csv', colour='red')", 2, "TypeError",
      "read_csv() got an unexpected keyword argument 'colour'",
      RULE "TypeError                                 Traceback (most recent call last)\n"
      "<ipython-input-2-bb> in <module>\n----> 1 frame = tbl.read_csv('a.csv', colour='red')\n\n"
      "TypeError: read_csv() got an unexpected keyword argument 'colour'" },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 2, &notebook);

  assert_labels (crash, "IARG", "API", "ML", "DATAP", "pandas");
}

static void
test_name_defined_below (void)
{
  const TestCell cells[] = {
    { "print(total_cost)", 1, "NameError", "name 'total_cost' is not defined", NULL },
    { "total_cost = 10 * 3", 2, NULL, NULL, NULL },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 2, &notebook);
  const AtlasClassification *c = atlas_crash_get_classification (crash);

  assert_labels (crash, "VNF", "NB", "PY", NULL, "none");
  g_assert_nonnull (strstr (c->root_cause_detail, "below"));
  g_assert_nonnull (strstr (c->evidence[ATLAS_DIMENSION_ROOT_CAUSE], "cell 1"));
}

static void
test_name_defined_in_crashed_cell (void)
{
  const TestCell cells[] = {
    { "rows = load_rows('missing.csv')", 1, "FileNotFoundError", "[Errno 2] No such file", NULL },
    { "len(rows)", 2, "NameError", "name 'rows' is not defined", NULL },
  };
  g_autoptr(AtlasNotebook) notebook = make_notebook (cells, 2);
  AtlasCrash *crash = g_ptr_array_index (atlas_notebook_get_crashes (notebook), 1);

  atlas_classifier_classify (classifier, notebook, crash);
  assert_labels (crash, "VNF", "NB", NULL, NULL, "none");
  g_assert_nonnull (strstr (atlas_crash_get_classification (crash)->root_cause_detail, "previous cell"));
}

static void
test_name_never_defined (void)
{
  const TestCell cells[] = {
    { "values = [1, 2, 3]", 1, NULL, NULL, NULL },
    { "print(averages)", 2, "NameError", "name 'averages' is not defined", NULL },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 2, &notebook);

  assert_labels (crash, "VNF", "IMPL", "PY", NULL, "none");
}

static void
test_name_called_is_function (void)
{
  const TestCell cells[] = {
    { "x = 2", 1, NULL, NULL, NULL },
    { "result = summarise_rows(x)", 2, "NameError", "name 'summarise_rows' is not defined", NULL },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 2, &notebook);

  assert_labels (crash, "NAME", "IMPL", NULL, NULL, "none");
}

/* One crash per stage, from the call on the crashing line. */
/* A lone traceback: which kind of name is missing is all there is. */
static void
test_traceback_only_names (void)
{
  const TestCell data_cells[] = {
    { "print(X_valid.shape)", 40, "NameError", "name 'X_valid' is not defined", NULL },
  };
  const TestCell helper_cells[] = {
    { "print(banner_text)", 40, "NameError", "name 'banner_text' is not defined", NULL },
  };
  g_autoptr(AtlasNotebook) a = NULL;
  g_autoptr(AtlasNotebook) b = NULL;

  assert_labels (classify (data_cells, 1, &a), "VNF", "NB", "ML", NULL, "none");
  assert_labels (classify (helper_cells, 1, &b), "VNF", "IMPL", "PY", NULL, "none");
}

static void
test_key_removed_by_rerun (void)
{
  /* The cell dropped the column after reading it; running it again fails. */
  const TestCell cells[] = {
    { "import pandas as pd\nsales = pd.read_csv('s.csv')", 1, NULL, NULL, NULL },
    { "sales['net'] = sales['gross'] * 0.8\nsales = sales.drop(columns=['gross'])", 3, "KeyError", "'gross'",
      NULL },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 2, &notebook);
  const AtlasClassification *c = atlas_crash_get_classification (crash);

  assert_labels (crash, "KEY", "NB", NULL, NULL, NULL);
  g_assert_nonnull (strstr (c->evidence[ATLAS_DIMENSION_ROOT_CAUSE], "removed in cell 1"));
}

static void
test_key_missing_is_data (void)
{
  const TestCell cells[] = {
    { "import pandas as pd\nsales = pd.read_csv('s.csv')", 1, NULL, NULL, NULL },
    { "sales['gross'].mean()", 2, "KeyError", "'gross'", NULL },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 2, &notebook);

  assert_labels (crash, "KEY", "DATA", NULL, NULL, NULL);
}

static void
test_stages (void)
{
  const struct { const char *code; const char *stage; } cases[] = {
    { "model.fit(X_tr, y_tr, epochs=3)", "TRAIN" },
    { "scores = model.predict(X_te)", "EVAL" },
    { "plt.hist(heights, bins=20)", "DATAV" },
    { "frame = frame.merge(other, on='key')", "DATAP" },
    { "net = Sequential([Dense(4)])", "MCONS" },
    { "import cupy", "ENVS" },
    { "plt.plot(history.history['loss'])", "EVAL" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *tb = g_strdup_printf (RULE "ValueError    Traceback (most recent call last)\n"
                                             "<ipython-input-3-cc> in <module>\n----> 1 %s\n\n"
                                             "ValueError: bad value", cases[i].code);
      const TestCell cells[] = { { cases[i].code, 3, "ValueError", "bad value", tb } };
      g_autoptr(AtlasNotebook) notebook = NULL;
      AtlasCrash *crash = classify (cells, 1, &notebook);

      g_test_message ("%s", cases[i].code);
      assert_labels (crash, NULL, NULL, NULL, cases[i].stage, NULL);
    }
}

static void
test_every_label_has_evidence (void)
{
  const TestCell cells[] = {
    { "y = x / 0", 1, "ZeroDivisionError", "division by zero", NULL },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = classify (cells, 1, &notebook);
  const AtlasClassification *c = atlas_crash_get_classification (crash);

  assert_labels (crash, "OTHER", "IMPL", "PY", NULL, "none");
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      g_assert_nonnull (atlas_crash_get_label_id (crash, d));
      g_assert_true (g_str_has_prefix (c->evidence[d], "rule "));
    }
}

static void
test_without_notebook (void)
{
  g_autoptr(AtlasCrash) crash = atlas_crash_new ("x.ipynb", ATLAS_PLATFORM_LOCAL, 0, 1, "IndexError",
                                                 "list index out of range", NULL);

  atlas_classifier_classify (classifier, NULL, crash);
  g_assert_cmpstr (atlas_crash_get_label_id (crash, ATLAS_DIMENSION_CRASH_TYPE), ==, "INDEX");
  g_assert_cmpstr (atlas_crash_get_label_id (crash, ATLAS_DIMENSION_LIBRARY), ==, "none");
}

static gpointer
classify_thread (gpointer data)
{
  AtlasNotebook *notebook = data;

  for (guint i = 0; i < 200; i++)
    atlas_classifier_classify_notebook (classifier, notebook);
  return NULL;
}

static void
test_threads_agree (void)
{
  const TestCell cells[] = {
    { "m.fit(a, b)", 3, "ValueError", "operands could not be broadcast together with shapes (3,) (4,)", NULL },
  };
  AtlasNotebook *notebooks[4];
  GThread *threads[4];

  /* One classifier shared by all threads; a notebook belongs to one thread,
   * as in the scanner. */
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      notebooks[i] = make_notebook (cells, 1);
      threads[i] = g_thread_new ("classify", classify_thread, notebooks[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
  for (guint i = 1; i < G_N_ELEMENTS (threads); i++)
    for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
      g_assert_cmpstr (atlas_crash_get_label_id (first_crash (notebooks[0]), d), ==,
                       atlas_crash_get_label_id (first_crash (notebooks[i]), d));
  g_assert_cmpstr (atlas_crash_get_label_id (first_crash (notebooks[0]), ATLAS_DIMENSION_CRASH_TYPE), ==,
                   "BCAST");
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_object_unref (notebooks[i]);
}

int
main (int    argc,
      char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  classifier = atlas_classifier_new ();

  g_test_add_func ("/Atlas/Classifier/crash-type/name-error-alias", test_name_error_alias);
  g_test_add_func ("/Atlas/Classifier/library/pandas-frame", test_key_error_pandas_frame);
  g_test_add_func ("/Atlas/Classifier/crash-type/shape-sklearn", test_shape_sklearn_fit);
  g_test_add_func ("/Atlas/Classifier/crash-type/cuda-oom", test_cuda_oom);
  g_test_add_func ("/Atlas/Classifier/crash-type/module-not-found", test_module_not_found);
  g_test_add_func ("/Atlas/Classifier/crash-type/file-not-found", test_file_not_found);
  g_test_add_func ("/Atlas/Classifier/library/alias-resolution", test_invalid_argument_through_alias);
  g_test_add_func ("/Atlas/Classifier/root-cause/defined-below", test_name_defined_below);
  g_test_add_func ("/Atlas/Classifier/root-cause/defined-in-crashed-cell", test_name_defined_in_crashed_cell);
  g_test_add_func ("/Atlas/Classifier/root-cause/never-defined", test_name_never_defined);
  g_test_add_func ("/Atlas/Classifier/crash-type/name-called", test_name_called_is_function);
  g_test_add_func ("/Atlas/Classifier/root-cause/traceback-only-names", test_traceback_only_names);
  g_test_add_func ("/Atlas/Classifier/root-cause/key-removed-by-rerun", test_key_removed_by_rerun);
  g_test_add_func ("/Atlas/Classifier/root-cause/key-missing-is-data", test_key_missing_is_data);
  g_test_add_func ("/Atlas/Classifier/stage/calls", test_stages);
  g_test_add_func ("/Atlas/Classifier/evidence", test_every_label_has_evidence);
  g_test_add_func ("/Atlas/Classifier/without-notebook", test_without_notebook);
  g_test_add_func ("/Atlas/Classifier/threads", test_threads_agree);

  status = g_test_run ();
  g_object_unref (classifier);
  return status;
}
