/* test-explanation.c — a crash explained in plain words, over several
 * kinds of crash, and the fix hints behind the words
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-classifier.h"
#include "atlas-explanation.h"
#include "atlas-fix-hints.h"
#include "classify-test-util.h"

static AtlasClassifier *classifier;

#define TB(ename, evalue) "---------\n" ename "    Traceback (most recent call last)\n" \
  "Cell In[5], line 1\n----> 1 print(df.head())\n\n" ename ": " evalue

/* The explanation of the crash in cell @crash_cell of @cells. */
static AtlasExplanation *
explain (const TestCell  *cells,
         guint            n,
         guint            crash_cell,
         AtlasNotebook  **notebook_out,
         AtlasCrash     **crash_out)
{
  AtlasNotebook *notebook = make_notebook (cells, n);
  GPtrArray *crashes = atlas_notebook_get_crashes (notebook);
  AtlasCrash *crash = NULL;
  AtlasExplanation *explanation;
  g_autofree char *text = NULL;

  atlas_classifier_classify_notebook (classifier, notebook);
  for (guint i = 0; i < crashes->len; i++)
    if (atlas_crash_get_cell (g_ptr_array_index (crashes, i)) == crash_cell)
      crash = g_ptr_array_index (crashes, i);
  g_assert_nonnull (crash);
  explanation = atlas_explanation_new (crash, notebook);
  text = atlas_explanation_to_text (explanation);
  g_test_message ("%s [%s: %s]", text, atlas_crash_get_label_id (crash, ATLAS_DIMENSION_ROOT_CAUSE),
                  atlas_crash_get_classification (crash)->root_cause_detail);
  /* Two or three sentences, never empty. */
  g_assert_nonnull (explanation->what);
  g_assert_cmpuint (strlen (text), >, 40);
  if (crash_out != NULL)
    *crash_out = crash;
  if (notebook_out != NULL)
    *notebook_out = notebook;
  else
    g_object_unref (notebook);
  return explanation;
}

static gboolean
has_link (AtlasExplanation *explanation,
          guint             cell,
          AtlasCellRole     role)
{
  for (guint i = 0; i < explanation->links->len; i++)
    {
      AtlasCellLink *link = &g_array_index (explanation->links, AtlasCellLink, i);

      if (link->cell == cell && link->role == role)
        return TRUE;
    }
  return FALSE;
}

/* The cell that defines the name crashed first: named, linked, and the fix
 * is to fix that cell. */
static void
test_defining_cell_crashed (void)
{
  const TestCell cells[] = {
    { "import pandas as pd", 1, NULL, NULL, NULL },
    { "df = pd.read_csv('train.csv')", 2, "FileNotFoundError", "[Errno 2] No such file or directory: 'train.csv'",
      TB ("FileNotFoundError", "[Errno 2] No such file or directory: 'train.csv'") },
    { "print(df.head())", 3, "NameError", "name 'df' is not defined", TB ("NameError", "name 'df' is not defined") },
  };
  g_autoptr(AtlasExplanation) e = explain (cells, G_N_ELEMENTS (cells), 2, NULL, NULL);

  g_assert_true (e->explained);
  g_assert_nonnull (strstr (e->what, "Cell 2 crashed"));
  g_assert_nonnull (strstr (e->what, "NameError"));
  g_assert_nonnull (strstr (e->why, "“df” is defined in cell 1"));
  g_assert_nonnull (strstr (e->why, "FileNotFoundError"));
  g_assert_nonnull (strstr (e->fix, "cell 1"));
  g_assert_true (has_link (e, 1, ATLAS_CELL_ROLE_CRASHED_BEFORE));
}

/* The defining cell (above) ran after the crashing one: out of order, both
 * counts named. */
static void
test_defined_ran_later (void)
{
  const TestCell cells[] = {
    { "total = 10", 7, NULL, NULL, NULL },
    { "print(total)", 4, "NameError", "name 'total' is not defined", TB ("NameError", "name 'total' is not defined") },
  };
  g_autoptr(AtlasExplanation) e = explain (cells, G_N_ELEMENTS (cells), 1, NULL, NULL);

  g_assert_true (e->explained);
  g_assert_nonnull (strstr (e->why, "cell 0"));
  g_assert_nonnull (strstr (e->why, "In [7]"));
  g_assert_nonnull (strstr (e->why, "In [4]"));
  g_assert_true (has_link (e, 0, ATLAS_CELL_ROLE_RAN_LATER));
}

/* The defining cell never ran. */
static void
test_defined_never_ran (void)
{
  const TestCell cells[] = {
    { "model = make_model()", -1, NULL, NULL, NULL },
    { "model.fit(X, y)", 1, "NameError", "name 'model' is not defined", TB ("NameError", "name 'model' is not defined") },
  };
  g_autoptr(AtlasExplanation) e = explain (cells, G_N_ELEMENTS (cells), 1, NULL, NULL);

  g_assert_true (e->explained);
  g_assert_nonnull (strstr (e->why, "cell 0"));
  g_assert_true (has_link (e, 0, ATLAS_CELL_ROLE_DEFINES));
  g_assert_nonnull (e->fix);
}

/* A crash outside the notebook's order: the crash type's meaning and fix,
 * the root cause in words; no cell named but the crashing one. */
static void
test_shape_crash (void)
{
  const TestCell cells[] = {
    { "import numpy as np\na = np.zeros((3, 4))\nb = np.zeros((5, 6))\nc = a @ b", 1, "ValueError",
      "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 5 is different from 4)",
      TB ("ValueError", "matmul: Input operand 1 has a mismatch") },
  };
  g_autoptr(AtlasExplanation) e = explain (cells, G_N_ELEMENTS (cells), 0, NULL, NULL);

  g_assert_nonnull (strstr (e->what, atlas_fix_hint_crash_type_meaning (ATLAS_CRASH_TYPE_TSHAPE)));
  g_assert_cmpstr (e->fix, ==, atlas_fix_hint_crash_type_fix (ATLAS_CRASH_TYPE_TSHAPE));
  g_assert_cmpuint (e->links->len, ==, 0);
}

/* A missing column the notebook dropped itself. */
static void
test_key_removed (void)
{
  const TestCell cells[] = {
    { "import pandas as pd\ndf = pd.DataFrame({'age': [1], 'y': [2]})", 1, NULL, NULL, NULL },
    { "df = df.drop('age', axis=1)", 2, NULL, NULL, NULL },
    { "df['age'].mean()", 3, "KeyError", "'age'", TB ("KeyError", "'age'") },
  };
  g_autoptr(AtlasExplanation) e = explain (cells, G_N_ELEMENTS (cells), 2, NULL, NULL);

  g_assert_nonnull (strstr (e->what, "KeyError"));
  g_assert_true (has_link (e, 1, ATLAS_CELL_ROLE_REMOVES));
  g_assert_nonnull (strstr (e->why, "Cell 1"));
}

/* What the rules cannot explain is not explained: the text says what is
 * known and invents no cause. */
static void
test_unknown_cause (void)
{
  AtlasClassification c = { 0 };
  g_autoptr(AtlasCrash) crash = atlas_crash_new ("x.ipynb", ATLAS_PLATFORM_LOCAL, 3, 2, "WeirdError",
                                                 "\x1b[93msomething odd\x1b[0m", NULL);
  g_autoptr(AtlasExplanation) e = NULL;
  g_autofree char *text = NULL;

  c.crash_type = ATLAS_CRASH_TYPE_UNSET;
  c.root_cause = ATLAS_ROOT_CAUSE_UNK;
  atlas_crash_set_classification (crash, &c);
  e = atlas_explanation_new (crash, NULL);
  text = atlas_explanation_to_text (e);
  g_assert_false (e->explained);
  g_assert_null (e->why);
  g_assert_null (e->fix);
  /* The message quoted, its colour codes gone. */
  g_assert_nonnull (strstr (e->what, "“something odd”"));
  g_assert_null (strchr (text, '\x1b'));
  g_assert_nonnull (strstr (text, "cannot tell"));
  atlas_classification_clear (&c);
}

/* Every family the rules decide has its words: a meaning and a fix for
 * each crash type, a reason and a fix for each root cause but "unknown". */
static void
test_hints_cover_families (void)
{
  for (guint t = ATLAS_CRASH_TYPE_UNSET + 1; t < ATLAS_N_CRASH_TYPES; t++)
    {
      g_assert_nonnull (atlas_fix_hint_crash_type_meaning (t));
      g_assert_nonnull (atlas_fix_hint_crash_type_fix (t));
    }
  for (guint r = ATLAS_ROOT_CAUSE_UNSET + 1; r < ATLAS_N_ROOT_CAUSES; r++)
    {
      if (r == ATLAS_ROOT_CAUSE_UNK)
        {
          g_assert_null (atlas_fix_hint_root_cause_reason (r));
          continue;
        }
      g_assert_nonnull (atlas_fix_hint_root_cause_reason (r));
      g_assert_nonnull (atlas_fix_hint_root_cause_fix (r));
    }
  g_assert_null (atlas_fix_hint_crash_type_meaning (ATLAS_CRASH_TYPE_UNSET));
  g_assert_null (atlas_fix_hint_crash_type_fix (ATLAS_N_CRASH_TYPES));
}

/* Earlier crashes: by execution count, or by position without counts. */
static void
test_earlier_crashes (void)
{
  const TestCell cells[] = {
    { "a = 1/0", 5, "ZeroDivisionError", "division by zero", TB ("ZeroDivisionError", "division by zero") },
    { "b = 1/0", 2, "ZeroDivisionError", "division by zero", TB ("ZeroDivisionError", "division by zero") },
    { "print(c)", 3, "NameError", "name 'c' is not defined", TB ("NameError", "name 'c' is not defined") },
    { "d = 1/0", -1, "ZeroDivisionError", "division by zero", TB ("ZeroDivisionError", "division by zero") },
  };
  g_autoptr(AtlasNotebook) notebook = NULL;
  AtlasCrash *crash = NULL;
  g_autoptr(AtlasExplanation) e = explain (cells, G_N_ELEMENTS (cells), 2, &notebook, &crash);
  g_autoptr(GArray) earlier = atlas_explanation_earlier_crashes (crash, notebook);

  g_assert_cmpuint (earlier->len, ==, 1);
  g_assert_cmpuint (g_array_index (earlier, guint, 0), ==, 1);
}

int
main (int argc, char **argv)
{
  int status;

  g_test_init (&argc, &argv, NULL);
  classifier = atlas_classifier_new ();
  g_test_add_func ("/Atlas/Explanation/defining-cell-crashed", test_defining_cell_crashed);
  g_test_add_func ("/Atlas/Explanation/defined-ran-later", test_defined_ran_later);
  g_test_add_func ("/Atlas/Explanation/defined-never-ran", test_defined_never_ran);
  g_test_add_func ("/Atlas/Explanation/shape", test_shape_crash);
  g_test_add_func ("/Atlas/Explanation/key-removed", test_key_removed);
  g_test_add_func ("/Atlas/Explanation/unknown-cause", test_unknown_cause);
  g_test_add_func ("/Atlas/Explanation/hints-cover-families", test_hints_cover_families);
  g_test_add_func ("/Atlas/Explanation/earlier-crashes", test_earlier_crashes);
  status = g_test_run ();
  g_object_unref (classifier);
  return status;
}
