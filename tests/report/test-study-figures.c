/* test-study-figures.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-study-figures.h"
#include "atlas-taxonomy.h"

/* The study's shares as Crash Atlas carries them: read from the compiled-in
 * data/study/study-figures.ini, in the taxonomy's identifiers, each table
 * whole, and credited. */

static void
test_values (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStudyFigures) study = atlas_study_figures_new_default (&error);
  g_autofree char *citation = NULL;
  double share = 0;

  g_assert_no_error (error);
  g_assert_nonnull (study);
  g_assert_cmpuint (atlas_study_figures_get_n_crashes (study, ATLAS_STUDY_ALL), ==, 746);
  g_assert_cmpuint (atlas_study_figures_get_n_crashes (study, ATLAS_STUDY_KAGGLE), ==, 356);
  g_assert_cmpuint (atlas_study_figures_get_n_crashes (study, ATLAS_STUDY_GITHUB), ==, 390);
  g_assert_true (atlas_study_figures_lookup (study, "crash_type", "VNF", ATLAS_STUDY_ALL, &share));
  g_assert_cmpfloat (share, ==, 17.8);
  g_assert_true (atlas_study_figures_lookup (study, "ml_bug", "ML", ATLAS_STUDY_KAGGLE, &share));
  g_assert_cmpfloat (share, ==, 73.0);
  g_assert_true (atlas_study_figures_lookup (study, "library", "none", ATLAS_STUDY_GITHUB, &share));
  g_assert_cmpfloat (share, ==, 62.1);
  g_assert_true (atlas_study_figures_lookup (study, "stage_by_ml_bug", "TRAIN/ML", ATLAS_STUDY_ALL, &share));
  g_assert_cmpfloat (share, ==, 16.4);
  /* Only all crashes for the cells; no one library for the small ones. */
  g_assert_false (atlas_study_figures_lookup (study, "stage_by_ml_bug", "TRAIN/ML", ATLAS_STUDY_KAGGLE, &share));
  g_assert_false (atlas_study_figures_lookup (study, "library", "_fewer_than_5", ATLAS_STUDY_ALL, &share));
  g_assert_false (atlas_study_figures_lookup (study, "crash_type", "unclassified", ATLAS_STUDY_ALL, &share));

  citation = atlas_study_figures_dup_citation (study);
  g_assert_nonnull (strstr (citation, "Wang et al."));
  g_assert_nonnull (strstr (citation, "Why do Machine Learning Notebooks Crash?"));
  g_assert_nonnull (strstr (citation, "2025"));
}

/* Every id is one the taxonomy knows, and each table adds up to 100 % (the
 * study's rounding, ±0.5) in every column it has. */
static void
test_tables_whole (void)
{
  static const struct { const char *table; int dimension; guint n_columns; } tables[] = {
    { "crash_type", ATLAS_DIMENSION_CRASH_TYPE, 3 },
    { "root_cause", ATLAS_DIMENSION_ROOT_CAUSE, 3 },
    { "ml_bug", ATLAS_DIMENSION_ML_BUG, 3 },
    { "stage", ATLAS_DIMENSION_STAGE, 3 },
    { "library", ATLAS_DIMENSION_LIBRARY, 3 },
    { "stage_by_ml_bug", -1, 1 },
  };
  g_autoptr(AtlasStudyFigures) study = atlas_study_figures_new_default (NULL);

  for (guint t = 0; t < G_N_ELEMENTS (tables); t++)
    {
      g_auto(GStrv) ids = atlas_study_figures_dup_ids (study, tables[t].table);

      g_assert_cmpuint (g_strv_length (ids), >, 1);
      for (guint c = 0; c < tables[t].n_columns; c++)
        {
          double sum = 0;

          for (guint i = 0; ids[i] != NULL; i++)
            {
              double share = NAN;
              guint value;

              g_assert_true (atlas_study_figures_lookup (study, tables[t].table, ids[i], c, &share));
              g_assert_cmpfloat (share, >=, 0);
              sum += share;
              if (tables[t].dimension >= 0 && tables[t].dimension != ATLAS_DIMENSION_LIBRARY)
                g_assert_true (atlas_dimension_value_from_id (tables[t].dimension, ids[i], &value));
              if (tables[t].dimension < 0)
                {
                  g_auto(GStrv) parts = g_strsplit (ids[i], "/", 2);

                  g_assert_true (atlas_dimension_value_from_id (ATLAS_DIMENSION_STAGE, parts[0], &value));
                  g_assert_true (atlas_dimension_value_from_id (ATLAS_DIMENSION_ML_BUG, parts[1], &value));
                }
            }
          /* The library table's small libraries are one row, not an id. */
          if (g_str_equal (tables[t].table, "library"))
            sum += (double[]) { 4.8, 6.5, 3.3 }[c];
          if (fabs (sum - 100) > 0.5)
            g_error ("%s, column %u: the shares add up to %.1f %%", tables[t].table, c, sum);
        }
    }
}

static void
test_bad_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStudyFigures) study = atlas_study_figures_new_from_data ("[crash_type\nVNF=", -1, &error);

  g_assert_null (study);
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Report/study-figures/values", test_values);
  g_test_add_func ("/Atlas/Report/study-figures/tables-whole", test_tables_whole);
  g_test_add_func ("/Atlas/Report/study-figures/bad-data", test_bad_data);
  return g_test_run ();
}
