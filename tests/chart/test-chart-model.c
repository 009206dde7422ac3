/* test-chart-model.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "atlas-chart.h"
#include "chart-fixture.h"

#define K ATLAS_PLATFORM_KAGGLE
#define G ATLAS_PLATFORM_GITHUB

/* A small corpus whose numbers are easy to check by hand:
 *   kaggle nb1 imports pandas, sklearn: TRAIN/ML/API/sklearn, TRAIN/PY/IMPL/none, DATAP/ML/DATA/pandas
 *   kaggle nb2 imports pandas:          DATAP/ML/API("invalid argument")/pandas, unclassified
 *   github nb3 imports pandas, torch:   TRAIN/ML/MODEL/torch, EVAL/PY/NB("execution order")/none
 *   github nb4 imports numpy:           no crash */
static AtlasCorpus *
small_corpus (void)
{
  AtlasCorpus *corpus = atlas_corpus_new ();
  const char *nb1_packages[] = { "os", "pandas", "sklearn", NULL };
  const char *nb2_packages[] = { "pandas", NULL };
  const char *nb3_packages[] = { "pandas", "torch", NULL };
  const char *nb4_packages[] = { "numpy", NULL };
  g_autoptr(GPtrArray) c1 = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) c2 = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) c3 = g_ptr_array_new_with_free_func (g_object_unref);

  g_ptr_array_add (c1, chart_fixture_crash ("nb1", K, ATLAS_STAGE_TRAIN, ATLAS_ML_BUG_ML, ATLAS_ROOT_CAUSE_API,
                                            NULL, ATLAS_CRASH_TYPE_IARG, "sklearn"));
  g_ptr_array_add (c1, chart_fixture_crash ("nb1", K, ATLAS_STAGE_TRAIN, ATLAS_ML_BUG_PY, ATLAS_ROOT_CAUSE_IMPL,
                                            NULL, ATLAS_CRASH_TYPE_VNF, "none"));
  g_ptr_array_add (c1, chart_fixture_crash ("nb1", K, ATLAS_STAGE_DATAP, ATLAS_ML_BUG_ML, ATLAS_ROOT_CAUSE_DATA,
                                            NULL, ATLAS_CRASH_TYPE_KEY, "pandas"));
  g_ptr_array_add (c2, chart_fixture_crash ("nb2", K, ATLAS_STAGE_DATAP, ATLAS_ML_BUG_ML, ATLAS_ROOT_CAUSE_API,
                                            "invalid argument", ATLAS_CRASH_TYPE_IARG, "pandas"));
  g_ptr_array_add (c2, chart_fixture_crash ("nb2", K, 0, 0, 0, NULL, 0, NULL));
  g_ptr_array_add (c3, chart_fixture_crash ("nb3", G, ATLAS_STAGE_TRAIN, ATLAS_ML_BUG_ML, ATLAS_ROOT_CAUSE_MODEL,
                                            NULL, ATLAS_CRASH_TYPE_TSHAPE, "torch"));
  g_ptr_array_add (c3, chart_fixture_crash ("nb3", G, ATLAS_STAGE_EVAL, ATLAS_ML_BUG_PY, ATLAS_ROOT_CAUSE_NB,
                                            "execution order", ATLAS_CRASH_TYPE_VNF, "none"));
  chart_fixture_add_notebook (corpus, "nb1", K, nb1_packages, c1);
  chart_fixture_add_notebook (corpus, "nb2", K, nb2_packages, c2);
  chart_fixture_add_notebook (corpus, "nb3", G, nb3_packages, c3);
  chart_fixture_add_notebook (corpus, "nb4", G, nb4_packages, NULL);
  return corpus;
}

static guint
count_matching (AtlasCorpus *corpus,
                AtlasFilter *filter)
{
  guint n = 0;

  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    n += atlas_filter_matches (filter, atlas_corpus_get_crash (corpus, i));
  return n;
}

static guint
find_row (AtlasChartModel *model,
          const char      *id)
{
  for (guint r = 0; r < atlas_chart_model_get_n_rows (model); r++)
    if (g_strcmp0 (atlas_chart_model_get_row_id (model, r), id) == 0)
      return r;
  return G_MAXUINT;
}

static guint
find_series (AtlasChartModel *model,
             const char      *id)
{
  for (guint s = 0; s < atlas_chart_model_get_n_series (model); s++)
    if (g_strcmp0 (atlas_chart_model_get_series_id (model, s), id) == 0)
      return s;
  return G_MAXUINT;
}

/* The subtitle counts the notebooks behind the crashes drawn: not those
 * read (nb4 has no crash), and fewer when a filter leaves some out. */
static void
test_subtitle_counts_what_is_drawn (void)
{
  g_autoptr(AtlasCorpus) corpus = small_corpus ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasChartStats) all = atlas_chart_stats_new (corpus, NULL);
  g_autoptr(AtlasChartModel) all_model = atlas_chart_model_new (all, ATLAS_CHART_KIND_STAGE, NULL);
  g_autoptr(AtlasChartStats) train = NULL;
  g_autoptr(AtlasChartModel) train_model = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (atlas_chart_stats_get_n_notebooks (all), ==, 4);
  g_assert_cmpuint (atlas_chart_stats_get_n_crashing_notebooks (all), ==, 3);
  g_assert_true (g_str_has_prefix (atlas_chart_model_get_subtitle (all_model), "n = 7 crashes in 3 notebooks"));

  g_assert_true (atlas_filter_add_id (filter, ATLAS_FILTER_FIELD_STAGE, "TRAIN", &error));
  g_assert_no_error (error);
  train = atlas_chart_stats_new (corpus, filter);
  train_model = atlas_chart_model_new (train, ATLAS_CHART_KIND_CRASH_TYPE, NULL);
  g_assert_cmpuint (atlas_chart_stats_get_n_crashing_notebooks (train), ==, 2);
  g_assert_true (g_str_has_prefix (atlas_chart_model_get_subtitle (train_model),
                                   "n = 3 crashes in 2 notebooks · Pipeline stage: training / validation"));
}

static void
test_filter_matches (void)
{
  g_autoptr(AtlasCorpus) corpus = small_corpus ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *chip = NULL;
  g_auto(GStrv) ids = NULL;

  g_assert_true (atlas_filter_is_empty (filter));
  g_assert_cmpuint (count_matching (corpus, filter), ==, 7);

  g_assert_true (atlas_filter_add_id (filter, ATLAS_FILTER_FIELD_STAGE, "TRAIN", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matching (corpus, filter), ==, 3);
  atlas_filter_add_value (filter, ATLAS_FILTER_FIELD_ML_BUG, ATLAS_ML_BUG_ML);
  g_assert_cmpuint (count_matching (corpus, filter), ==, 2);
  atlas_filter_add_value (filter, ATLAS_FILTER_FIELD_PLATFORM, G);
  g_assert_cmpuint (count_matching (corpus, filter), ==, 1);

  text = atlas_filter_to_string (filter);
  g_assert_cmpstr (text, ==, "platform=github stage=TRAIN ml_bug=ML");
  chip = atlas_filter_describe_field (filter, ATLAS_FILTER_FIELD_STAGE);
  g_assert_cmpstr (chip, ==, "Pipeline stage: training / validation");

  /* removing the last value drops the chip */
  atlas_filter_remove_id (filter, ATLAS_FILTER_FIELD_PLATFORM, "github");
  g_assert_false (atlas_filter_has_field (filter, ATLAS_FILTER_FIELD_PLATFORM));
  g_assert_cmpuint (count_matching (corpus, filter), ==, 2);

  /* several values of a field are alternatives */
  atlas_filter_clear (filter);
  atlas_filter_add_id (filter, ATLAS_FILTER_FIELD_LIBRARY, "pandas", NULL);
  atlas_filter_add_id (filter, ATLAS_FILTER_FIELD_LIBRARY, "torch", NULL);
  g_assert_cmpuint (count_matching (corpus, filter), ==, 3);
  ids = atlas_filter_dup_ids (filter, ATLAS_FILTER_FIELD_LIBRARY);
  g_assert_cmpuint (g_strv_length (ids), ==, 2);
  g_assert_cmpstr (ids[0], ==, "pandas");
  g_assert_cmpstr (ids[1], ==, "torch");

  /* negation: any library but these, the unset one included */
  atlas_filter_set_negated (filter, ATLAS_FILTER_FIELD_LIBRARY, TRUE);
  g_assert_cmpuint (count_matching (corpus, filter), ==, 4);
  atlas_filter_add_string (filter, ATLAS_FILTER_FIELD_LIBRARY, NULL);
  g_assert_cmpuint (count_matching (corpus, filter), ==, 3);

  /* the unclassified value of an enumerated field */
  atlas_filter_clear (filter);
  g_assert_true (atlas_filter_add_id (filter, ATLAS_FILTER_FIELD_ROOT_CAUSE, "unclassified", NULL));
  g_assert_cmpuint (count_matching (corpus, filter), ==, 1);

  /* finer causes and clusters */
  atlas_filter_clear (filter);
  atlas_filter_add_string (filter, ATLAS_FILTER_FIELD_ROOT_CAUSE_DETAIL, "execution order");
  g_assert_cmpuint (count_matching (corpus, filter), ==, 1);
  atlas_filter_clear (filter);
  atlas_crash_set_cluster (atlas_corpus_get_crash (corpus, 0), 17);
  atlas_filter_add_id (filter, ATLAS_FILTER_FIELD_CLUSTER, "17", NULL);
  g_assert_cmpuint (count_matching (corpus, filter), ==, 1);
  atlas_filter_add_id (filter, ATLAS_FILTER_FIELD_CLUSTER, "-1", NULL);
  g_assert_cmpuint (count_matching (corpus, filter), ==, 7);

  /* bad identifiers are refused, naming the value */
  g_assert_false (atlas_filter_add_id (filter, ATLAS_FILTER_FIELD_STAGE, "LUNCH", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "LUNCH"));
}

static void
changed_cb (AtlasFilter *filter,
            guint       *n)
{
  (*n)++;
}

static void
test_filter_intersect (void)
{
  g_autoptr(AtlasCorpus) corpus = small_corpus ();
  g_autoptr(AtlasFilter) a = atlas_filter_new ();
  g_autoptr(AtlasFilter) b = atlas_filter_new ();
  g_autoptr(AtlasFilter) copy = NULL;
  guint n_changed = 0;

  g_signal_connect (a, "changed", G_CALLBACK (changed_cb), &n_changed);

  /* accepted ∩ accepted */
  atlas_filter_add_value (a, ATLAS_FILTER_FIELD_STAGE, ATLAS_STAGE_TRAIN);
  atlas_filter_add_value (a, ATLAS_FILTER_FIELD_STAGE, ATLAS_STAGE_DATAP);
  atlas_filter_add_value (b, ATLAS_FILTER_FIELD_STAGE, ATLAS_STAGE_DATAP);
  atlas_filter_add_value (b, ATLAS_FILTER_FIELD_STAGE, ATLAS_STAGE_EVAL);
  copy = atlas_filter_copy (a);
  g_assert_true (atlas_filter_equal (copy, a));
  atlas_filter_intersect (a, b);
  g_assert_false (atlas_filter_equal (copy, a));
  g_assert_cmpuint (n_changed, ==, 3);
  g_assert_cmpuint (count_matching (corpus, a), ==, 2);

  /* accepted ∩ refused */
  atlas_filter_clear (a);
  atlas_filter_clear (b);
  atlas_filter_add_string (a, ATLAS_FILTER_FIELD_LIBRARY, "pandas");
  atlas_filter_add_string (a, ATLAS_FILTER_FIELD_LIBRARY, "torch");
  atlas_filter_add_string (b, ATLAS_FILTER_FIELD_LIBRARY, "torch");
  atlas_filter_set_negated (b, ATLAS_FILTER_FIELD_LIBRARY, TRUE);
  atlas_filter_intersect (a, b);
  g_assert_false (atlas_filter_get_negated (a, ATLAS_FILTER_FIELD_LIBRARY));
  g_assert_cmpuint (count_matching (corpus, a), ==, 2);

  /* refused ∩ accepted: the result accepts */
  g_clear_object (&copy);
  copy = atlas_filter_copy (b);
  atlas_filter_clear (a);
  atlas_filter_add_string (a, ATLAS_FILTER_FIELD_LIBRARY, "torch");
  atlas_filter_add_string (a, ATLAS_FILTER_FIELD_LIBRARY, "none");
  atlas_filter_intersect (copy, a);
  g_assert_false (atlas_filter_get_negated (copy, ATLAS_FILTER_FIELD_LIBRARY));
  g_assert_cmpuint (count_matching (corpus, copy), ==, 2);

  /* refused ∩ refused: both refused */
  atlas_filter_clear (a);
  atlas_filter_add_string (a, ATLAS_FILTER_FIELD_LIBRARY, NULL);
  atlas_filter_set_negated (a, ATLAS_FILTER_FIELD_LIBRARY, TRUE);
  atlas_filter_intersect (a, b);
  g_assert_true (atlas_filter_get_negated (a, ATLAS_FILTER_FIELD_LIBRARY));
  g_assert_cmpuint (count_matching (corpus, a), ==, 5);
}

static void
test_stage_counts (void)
{
  g_autoptr(AtlasCorpus) corpus = small_corpus ();
  g_autoptr(AtlasChartModel) model = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_STAGE, NULL);
  guint train = find_row (model, "TRAIN"), datap = find_row (model, "DATAP");
  guint unclassified = find_row (model, "unclassified");
  guint ml = find_series (model, "ML"), py = find_series (model, "PY");
  g_autoptr(AtlasFilter) filter = NULL;
  g_autofree char *text = NULL;

  g_assert_cmpint (atlas_chart_model_get_shape (model), ==, ATLAS_CHART_SHAPE_STACKED_BARS);
  g_assert_cmpuint (atlas_chart_model_get_n_panels (model), ==, 1);
  g_assert_null (atlas_chart_model_get_panel_label (model, 0));
  /* six stages in pipeline order, then the unclassified bucket */
  g_assert_cmpuint (atlas_chart_model_get_n_rows (model), ==, 7);
  g_assert_cmpstr (atlas_chart_model_get_row_id (model, 0), ==, "ENVS");
  g_assert_cmpuint (unclassified, ==, 6);
  g_assert_cmpuint (atlas_chart_model_get_n_series (model), ==, 3);

  g_assert_cmpuint (atlas_chart_model_get_panel_total (model, 0), ==, 7);
  g_assert_cmpuint (atlas_chart_model_get_count (model, 0, train, ml), ==, 2);
  g_assert_cmpuint (atlas_chart_model_get_count (model, 0, train, py), ==, 1);
  g_assert_cmpuint (atlas_chart_model_get_count (model, 0, datap, ml), ==, 2);
  g_assert_cmpuint (atlas_chart_model_get_row_total (model, 0, train), ==, 3);
  g_assert_cmpfloat_with_epsilon (atlas_chart_model_get_percent (model, 0, train, ml), 200.0 / 7, 1e-9);
  g_assert_cmpfloat_with_epsilon (atlas_chart_model_get_row_percent (model, 0, train), 300.0 / 7, 1e-9);
  g_assert_cmpuint (atlas_chart_model_get_row_total (model, 0, unclassified), ==, 1);
  g_assert_cmpuint (atlas_chart_model_get_max_value (model), ==, 3);

  /* the mark's filter is exactly stage=TRAIN & ml_bug=ML */
  filter = atlas_chart_model_dup_filter (model, 0, train, ml);
  text = atlas_filter_to_string (filter);
  g_assert_cmpstr (text, ==, "stage=TRAIN ml_bug=ML");
  g_assert_cmpuint (count_matching (corpus, filter), ==, 2);
}

static void
test_filtered_stats (void)
{
  g_autoptr(AtlasCorpus) corpus = small_corpus ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasChartStats) stats = NULL;
  g_autoptr(AtlasChartModel) model = NULL;
  g_autoptr(AtlasFilter) mark = NULL;
  g_autofree char *text = NULL;
  guint train;

  atlas_filter_add_value (filter, ATLAS_FILTER_FIELD_PLATFORM, K);
  stats = atlas_chart_stats_new (corpus, filter);
  /* the stats keep a copy: changing the app's filter later changes nothing */
  atlas_filter_clear (filter);
  g_assert_cmpuint (atlas_chart_stats_get_n_crashes (stats), ==, 5);
  g_assert_cmpuint (atlas_chart_stats_get_n_total (stats), ==, 7);
  g_assert_cmpuint (atlas_chart_stats_get_n_notebooks (stats), ==, 2);

  model = atlas_chart_model_new (stats, ATLAS_CHART_KIND_STAGE, NULL);
  train = find_row (model, "TRAIN");
  g_assert_cmpuint (atlas_chart_model_get_row_total (model, 0, train), ==, 2);
  g_assert_cmpfloat_with_epsilon (atlas_chart_model_get_row_percent (model, 0, train), 40.0, 1e-9);
  g_assert_nonnull (strstr (atlas_chart_model_get_subtitle (model), "Kaggle"));
  mark = atlas_chart_model_dup_filter (model, 0, train, G_MAXUINT);
  text = atlas_filter_to_string (mark);
  g_assert_cmpstr (text, ==, "platform=kaggle stage=TRAIN");
  g_assert_cmpuint (count_matching (corpus, mark), ==, 2);
}

static void
test_library_shares (void)
{
  g_autoptr(AtlasCorpus) corpus = small_corpus ();
  AtlasChartOptions options;
  g_autoptr(AtlasChartModel) model = NULL;
  g_autoptr(AtlasFilter) other = NULL;
  guint pandas, torch, sklearn, other_row;

  atlas_chart_options_init (&options);
  options.top_n = 2;
  model = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_LIBRARY, &options);
  g_assert_cmpint (atlas_chart_model_get_shape (model), ==, ATLAS_CHART_SHAPE_GROUPED_BARS);

  /* pandas (2 crashes) first, then sklearn/torch (1 each, by name); "none" is not a library */
  pandas = find_row (model, "pandas");
  sklearn = find_row (model, "sklearn");
  torch = find_row (model, "torch");
  other_row = find_row (model, "other");
  g_assert_cmpuint (pandas, ==, 0);
  g_assert_cmpuint (sklearn, ==, 1);
  g_assert_cmpuint (torch, ==, G_MAXUINT);
  g_assert_cmpuint (other_row, ==, 2);
  g_assert_cmpuint (find_row (model, "none"), ==, G_MAXUINT);
  /* two "none" crashes and an unclassified one are left out, and the subtitle says so */
  g_assert_nonnull (strstr (atlas_chart_model_get_subtitle (model), " 3 without a library"));

  /* crash share: of all 7 crashes; import share: of the 4 notebooks */
  g_assert_cmpuint (atlas_chart_model_get_count (model, 0, pandas, 0), ==, 2);
  g_assert_cmpfloat_with_epsilon (atlas_chart_model_get_percent (model, 0, pandas, 0), 200.0 / 7, 1e-9);
  g_assert_cmpuint (atlas_chart_model_get_count (model, 0, pandas, 1), ==, 3);
  g_assert_cmpfloat_with_epsilon (atlas_chart_model_get_percent (model, 0, pandas, 1), 75.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (atlas_chart_model_get_ratio (model, 0, pandas), 2.0 / 3, 1e-9);
  g_assert_cmpuint (atlas_chart_model_get_count (model, 0, sklearn, 1), ==, 1);
  g_assert_cmpfloat_with_epsilon (atlas_chart_model_get_ratio (model, 0, sklearn), 1.0, 1e-9);

  /* "other" is torch alone here; its import share is undefined */
  g_assert_cmpuint (atlas_chart_model_get_count (model, 0, other_row, 0), ==, 1);
  g_assert_true (isnan (atlas_chart_model_get_percent (model, 0, other_row, 1)));
  g_assert_true (isnan (atlas_chart_model_get_ratio (model, 0, other_row)));
  other = atlas_chart_model_dup_filter (model, 0, other_row, 0);
  g_assert_cmpuint (count_matching (corpus, other), ==, 1);
  g_assert_true (atlas_filter_get_negated (other, ATLAS_FILTER_FIELD_LIBRARY));
}

static void
test_by_platform (void)
{
  g_autoptr(AtlasCorpus) corpus = small_corpus ();
  AtlasChartOptions options;
  g_autoptr(AtlasChartModel) model = NULL;
  g_autoptr(AtlasChartModel) library = NULL;
  g_autoptr(AtlasFilter) filter = NULL;
  guint train, ml;

  atlas_chart_options_init (&options);
  options.by_platform = TRUE;
  model = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_STAGE, &options);
  /* only platforms with crashes, Kaggle first */
  g_assert_cmpuint (atlas_chart_model_get_n_panels (model), ==, 2);
  g_assert_cmpstr (atlas_chart_model_get_panel_label (model, 0), ==, "Kaggle");
  g_assert_cmpstr (atlas_chart_model_get_panel_label (model, 1), ==, "GitHub");
  g_assert_cmpuint (atlas_chart_model_get_panel_total (model, 0), ==, 5);
  g_assert_cmpuint (atlas_chart_model_get_panel_total (model, 1), ==, 2);

  train = find_row (model, "TRAIN");
  ml = find_series (model, "ML");
  g_assert_cmpuint (atlas_chart_model_get_count (model, 0, train, ml), ==, 1);
  g_assert_cmpuint (atlas_chart_model_get_count (model, 1, train, ml), ==, 1);
  g_assert_cmpfloat_with_epsilon (atlas_chart_model_get_percent (model, 1, train, ml), 50.0, 1e-9);
  filter = atlas_chart_model_dup_filter (model, 1, train, ml);
  g_assert_cmpuint (count_matching (corpus, filter), ==, 1);

  /* import shares per platform: GitHub has 2 notebooks, one imports pandas */
  library = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_LIBRARY, &options);
  g_assert_cmpuint (atlas_chart_model_get_count (library, 1, find_row (library, "pandas"), 1), ==, 1);
  g_assert_cmpfloat_with_epsilon (atlas_chart_model_get_percent (library, 1, find_row (library, "pandas"), 1),
                                  50.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (atlas_chart_model_get_percent (library, 0, find_row (library, "pandas"), 1),
                                  100.0, 1e-9);
}

static void
test_root_cause_detail (void)
{
  g_autoptr(AtlasCorpus) corpus = small_corpus ();
  AtlasChartOptions options;
  g_autoptr(AtlasChartModel) plain = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_ROOT_CAUSE, NULL);
  g_autoptr(AtlasChartModel) detail = NULL;
  guint api, api_invalid;

  /* sorted by count, unclassified last */
  g_assert_cmpstr (atlas_chart_model_get_row_id (plain, 0), ==, "API");
  g_assert_cmpuint (atlas_chart_model_get_row_total (plain, 0, 0), ==, 2);
  g_assert_cmpstr (atlas_chart_model_get_row_id (plain, atlas_chart_model_get_n_rows (plain) - 1), ==,
                   "unclassified");

  atlas_chart_options_init (&options);
  options.root_cause_detail = TRUE;
  detail = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_ROOT_CAUSE, &options);
  api_invalid = find_row (detail, "API/invalid argument");
  api = find_row (detail, "API");
  g_assert_cmpuint (api_invalid, !=, G_MAXUINT);
  g_assert_cmpuint (api, !=, G_MAXUINT);
  g_assert_cmpuint (atlas_chart_model_get_row_total (detail, 0, api_invalid), ==, 1);
  g_assert_cmpuint (atlas_chart_model_get_row_total (detail, 0, api), ==, 1);
  for (guint r = 0; r < atlas_chart_model_get_n_rows (detail); r++)
    {
      g_autoptr(AtlasFilter) filter = atlas_chart_model_dup_filter (detail, 0, r, G_MAXUINT);

      g_assert_cmpuint (count_matching (corpus, filter), ==, atlas_chart_model_get_row_total (detail, 0, r));
    }
}

/* The defining property of marks: on a realistic corpus, every cell's
 * filter selects exactly the crashes the cell counts, for every kind. */
static void
test_mark_filters_exact (void)
{
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (3000, 11);
  g_autoptr(AtlasFilter) chips = atlas_filter_new ();
  g_autoptr(AtlasChartStats) stats = NULL;

  atlas_filter_add_value (chips, ATLAS_FILTER_FIELD_ML_BUG, ATLAS_ML_BUG_ML);
  atlas_filter_add_value (chips, ATLAS_FILTER_FIELD_ML_BUG, 0);
  stats = atlas_chart_stats_new (corpus, chips);
  for (guint kind = 0; kind < ATLAS_N_CHART_KINDS; kind++)
    for (guint variant = 0; variant < 3; variant++)
      {
        AtlasChartOptions options;
        g_autoptr(AtlasChartModel) model = NULL;

        atlas_chart_options_init (&options);
        options.by_platform = variant == 1;
        options.root_cause_detail = variant == 2;
        options.top_n = 4;
        model = atlas_chart_model_new (stats, kind, &options);
        g_assert_cmpuint (atlas_chart_model_get_n_rows (model), >, 0);
        for (guint p = 0; p < atlas_chart_model_get_n_panels (model); p++)
          for (guint r = 0; r < atlas_chart_model_get_n_rows (model); r++)
            for (guint s = 0; s < atlas_chart_model_get_n_series (model); s++)
              {
                g_autoptr(AtlasFilter) filter = atlas_chart_model_dup_filter (model, p, r, s);

                if (kind == ATLAS_CHART_KIND_LIBRARY && s == 1)
                  continue;  /* counts notebooks, not crashes */
                g_assert_cmpuint (count_matching (corpus, filter), ==, atlas_chart_model_get_count (model, p, r, s));
              }
      }
}

static void
test_table_csv (void)
{
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(GPtrArray) crashes = g_ptr_array_new_with_free_func (g_object_unref);
  const char *packages[] = { "we,ird\"lib", NULL };
  g_autoptr(AtlasChartModel) model = NULL;
  g_autoptr(AtlasChartTable) table = NULL;
  g_autoptr(AtlasChartTableRow) row = NULL;
  g_autofree char *csv = NULL;

  g_ptr_array_add (crashes, chart_fixture_crash ("a", K, ATLAS_STAGE_TRAIN, ATLAS_ML_BUG_ML, ATLAS_ROOT_CAUSE_API,
                                                 NULL, ATLAS_CRASH_TYPE_IARG, "we,ird\"lib"));
  g_ptr_array_add (crashes, chart_fixture_crash ("a", K, ATLAS_STAGE_TRAIN, ATLAS_ML_BUG_PY, ATLAS_ROOT_CAUSE_API,
                                                 NULL, ATLAS_CRASH_TYPE_IARG, "we,ird\"lib"));
  chart_fixture_add_notebook (corpus, "a", K, packages, crashes);
  chart_fixture_add_notebook (corpus, "b", K, NULL, NULL);

  model = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_LIBRARY, NULL);
  table = atlas_chart_model_create_table (model);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (table)), ==, 1);
  g_assert_cmpuint (atlas_chart_table_get_n_columns (table), ==, 6);
  g_assert_cmpint (atlas_chart_table_get_column_kind (table, 5), ==, ATLAS_CHART_COLUMN_RATIO);
  row = g_list_model_get_item (G_LIST_MODEL (table), 0);
  g_assert_cmpstr (atlas_chart_table_row_get_text (row, 0), ==, "we,ird\"lib");
  g_assert_cmpfloat (atlas_chart_table_row_get_value (row, 1), ==, 2);
  g_assert_cmpstr (atlas_chart_table_row_get_text (row, 2), ==, "100.0 %");
  g_assert_cmpfloat (atlas_chart_table_row_get_value (row, 4), ==, 50);
  g_assert_cmpstr (atlas_chart_table_row_get_text (row, 5), ==, "2.00");
  g_assert_cmpuint (count_matching (corpus, atlas_chart_table_row_get_filter (row)), ==, 2);

  csv = atlas_chart_table_to_csv (table);
  g_assert_cmpstr (csv, ==,
                   "library,crashes,crashes_percent,notebooks,notebooks_percent,crashes_per_use\r\n"
                   "\"we,ird\"\"lib\",2,100.0,1,50.0,2.000\r\n");
}

static void
test_stage_table (void)
{
  g_autoptr(AtlasCorpus) corpus = small_corpus ();
  AtlasChartOptions options;
  g_autoptr(AtlasChartModel) model = NULL;
  g_autoptr(AtlasChartTable) table = NULL;
  g_autofree char *csv = NULL;

  atlas_chart_options_init (&options);
  options.by_platform = TRUE;
  model = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_STAGE, &options);
  table = atlas_chart_model_create_table (model);
  /* 2 panels x 7 rows; platform, stage, 3 series x (count, %), total, total % */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (table)), ==, 14);
  g_assert_cmpuint (atlas_chart_table_get_n_columns (table), ==, 10);
  csv = atlas_chart_table_to_csv (table);
  g_assert_true (g_str_has_prefix (csv, "platform,stage,ML,ML_percent,PY,PY_percent,unclassified,"
                                        "unclassified_percent,total,total_percent\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nKaggle,training / validation,1,20.0,1,20.0,0,0.0,2,40.0\r\n"));
  g_assert_nonnull (strstr (csv, "\r\nGitHub,evaluation / prediction,0,0.0,1,50.0,0,0.0,1,50.0\r\n"));
}

/* Import counts are cached on the corpus: they must follow it as it grows
 * and be rebuilt when it is cleared. */
static void
test_import_index_follows_corpus (void)
{
  g_autoptr(AtlasCorpus) corpus = small_corpus ();
  g_autoptr(AtlasChartModel) before = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_LIBRARY, NULL);
  g_autoptr(AtlasChartModel) after = NULL;
  g_autoptr(AtlasChartModel) cleared = NULL;
  g_autoptr(GPtrArray) crashes = g_ptr_array_new_with_free_func (g_object_unref);
  const char *packages[] = { "pandas", NULL };

  g_assert_cmpuint (atlas_chart_model_get_count (before, 0, find_row (before, "pandas"), 1), ==, 3);
  chart_fixture_add_notebook (corpus, "nb5", K, packages, NULL);
  after = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_LIBRARY, NULL);
  g_assert_cmpuint (atlas_chart_model_get_count (after, 0, find_row (after, "pandas"), 1), ==, 4);
  g_assert_cmpfloat_with_epsilon (atlas_chart_model_get_percent (after, 0, find_row (after, "pandas"), 1),
                                  80.0, 1e-9);

  atlas_corpus_clear (corpus);
  g_ptr_array_add (crashes, chart_fixture_crash ("x", G, ATLAS_STAGE_TRAIN, ATLAS_ML_BUG_ML, ATLAS_ROOT_CAUSE_API,
                                                 NULL, ATLAS_CRASH_TYPE_IARG, "pandas"));
  for (guint i = 0; i < 5; i++)
    chart_fixture_add_notebook (corpus, i == 0 ? "x" : "y", G, i < 2 ? packages : NULL, i == 0 ? crashes : NULL);
  cleared = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_LIBRARY, NULL);
  g_assert_cmpuint (atlas_chart_model_get_count (cleared, 0, find_row (cleared, "pandas"), 1), ==, 2);
}

static void
test_kind_names (void)
{
  for (guint kind = 0; kind < ATLAS_N_CHART_KINDS; kind++)
    {
      AtlasChartKind parsed;

      g_assert_true (atlas_chart_kind_from_string (atlas_chart_kind_to_string (kind), &parsed));
      g_assert_cmpuint (parsed, ==, kind);
    }
  g_assert_false (atlas_chart_kind_from_string ("pie", &(AtlasChartKind) { 0 }));
}

/* Estimates from hand labels ride on the model: drawn as error bars, in
 * the data table as three columns, and the subtitle says which labels. */
static void
test_estimates (void)
{
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (200, 7);
  g_autoptr(AtlasChartModel) model = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_STAGE, NULL);
  g_autoptr(AtlasChartTable) plain = atlas_chart_model_create_table (model);
  g_autoptr(AtlasChartTable) table = NULL;
  guint n_rows = atlas_chart_model_get_n_rows (model);
  g_autofree double *estimate = g_new (double, n_rows);
  g_autofree double *low = g_new (double, n_rows);
  g_autofree double *high = g_new (double, n_rows);
  double e, l, h;
  guint n_columns;

  g_assert_false (atlas_chart_model_has_estimates (model));
  for (guint r = 0; r < n_rows; r++)
    {
      estimate[r] = r == 1 ? NAN : 0.1 + 0.01 * r;
      low[r] = estimate[r] - 0.05;
      high[r] = estimate[r] + 0.05;
    }
  atlas_chart_model_set_estimates (model, estimate, low, high, n_rows);
  atlas_chart_model_set_labels_caption (model, "estimated from 200 hand labels");
  g_assert_true (atlas_chart_model_has_estimates (model));
  g_assert_true (atlas_chart_model_get_estimate (model, 0, 0, &e, &l, &h));
  g_assert_cmpfloat_with_epsilon (e, 0.1, 1e-12);
  g_assert_cmpfloat_with_epsilon (h, 0.15, 1e-12);
  g_assert_false (atlas_chart_model_get_estimate (model, 0, 1, &e, &l, &h));
  g_assert_nonnull (strstr (atlas_chart_model_get_subtitle (model), "labels: estimated from 200 hand labels"));
  /* A second caption replaces the first. */
  atlas_chart_model_set_labels_caption (model, "automatic");
  g_assert_null (strstr (atlas_chart_model_get_subtitle (model), "hand labels"));
  g_assert_true (g_str_has_suffix (atlas_chart_model_get_subtitle (model), "labels: automatic"));

  table = atlas_chart_model_create_table (model);
  n_columns = atlas_chart_table_get_n_columns (table);
  g_assert_cmpuint (n_columns, ==, atlas_chart_table_get_n_columns (plain) + 3);
  g_assert_cmpstr (atlas_chart_table_get_column_id (table, n_columns - 3), ==, "estimate_percent");
  g_assert_cmpstr (atlas_chart_table_get_column_id (table, n_columns - 1), ==, "estimate_high_percent");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Chart/stats/subtitle-counts-what-is-drawn", test_subtitle_counts_what_is_drawn);
  g_test_add_func ("/Atlas/Chart/filter/matches", test_filter_matches);
  g_test_add_func ("/Atlas/Chart/filter/intersect", test_filter_intersect);
  g_test_add_func ("/Atlas/Chart/model/stage-counts", test_stage_counts);
  g_test_add_func ("/Atlas/Chart/model/estimates", test_estimates);
  g_test_add_func ("/Atlas/Chart/model/filtered-stats", test_filtered_stats);
  g_test_add_func ("/Atlas/Chart/model/library-shares", test_library_shares);
  g_test_add_func ("/Atlas/Chart/model/by-platform", test_by_platform);
  g_test_add_func ("/Atlas/Chart/model/root-cause-detail", test_root_cause_detail);
  g_test_add_func ("/Atlas/Chart/model/mark-filters-exact", test_mark_filters_exact);
  g_test_add_func ("/Atlas/Chart/model/import-index-follows-corpus", test_import_index_follows_corpus);
  g_test_add_func ("/Atlas/Chart/model/kind-names", test_kind_names);
  g_test_add_func ("/Atlas/Chart/table/csv", test_table_csv);
  g_test_add_func ("/Atlas/Chart/table/stage-by-platform", test_stage_table);

  return g_test_run ();
}
