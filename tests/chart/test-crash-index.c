/* test-crash-index.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The fast paths (the crash index, the filtered corpus) against the plain
 * way: every crash asked with atlas_filter_matches() and counted one by
 * one, on the demo corpus and on a random one.
 */
#include "config.h"

#include <string.h>

#include "atlas-chart-private.h"
#include "atlas-classifier.h"
#include "atlas-demo.h"
#include "atlas-filtered-corpus.h"
#include "atlas-scanner.h"
#include "chart-fixture.h"

#define CLAMP_LABEL(v, n) ((guint)(v) < (n) ? (guint)(v) : 0)

/* The reference: what the counts must be, computed the obvious way. */
typedef struct
{
  AtlasChartCounts  counts;
  GHashTable       *libraries;   /* name -> guint[N_SLOTS] */
  GHashTable       *details;     /* "cause/detail" -> guint[N_SLOTS] */
} Reference;

static guint *
slots_for (GHashTable *table,
           char       *key)
{
  guint *slots = g_hash_table_lookup (table, key);

  if (slots == NULL)
    {
      slots = g_new0 (guint, N_SLOTS);
      g_hash_table_insert (table, key, slots);
    }
  else
    g_free (key);
  return slots;
}

static void
reference_count (Reference   *ref,
                 AtlasCorpus *corpus,
                 AtlasFilter *filter)
{
  memset (&ref->counts, 0, sizeof ref->counts);
  ref->libraries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  ref->details = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);
      const AtlasClassification *c = atlas_crash_get_classification (crash);
      guint p = CLAMP_LABEL (atlas_crash_get_platform (crash), ATLAS_N_PLATFORMS);
      guint stage = CLAMP_LABEL (c->stage, ATLAS_N_STAGES), bug = CLAMP_LABEL (c->ml_bug, ATLAS_N_ML_BUGS);
      guint cause = CLAMP_LABEL (c->root_cause, ATLAS_N_ROOT_CAUSES);
      guint type = CLAMP_LABEL (c->crash_type, ATLAS_N_CRASH_TYPES);

      if (!atlas_filter_matches (filter, crash))
        continue;
      const guint slots[2] = { p, ATLAS_ALL_PLATFORMS };

      for (guint k = 0; k < 2; k++)
        {
          guint s = slots[k];

          ref->counts.crashes[s]++;
          ref->counts.stage_bug[s][stage][bug]++;
          ref->counts.cause_stage[s][cause][stage]++;
          ref->counts.cause_type[s][cause][type]++;
          if (c->library == NULL)
            ref->counts.library_unset[s]++;
          else
            slots_for (ref->libraries, g_strdup (c->library))[s]++;
          if (c->root_cause_detail != NULL)
            slots_for (ref->details, g_strdup_printf ("%u/%s", cause, c->root_cause_detail))[s]++;
        }
    }
}

static void
reference_clear (Reference *ref)
{
  g_hash_table_unref (ref->libraries);
  g_hash_table_unref (ref->details);
}

static void
assert_stats_equal_reference (AtlasCorpus *corpus,
                              AtlasFilter *filter)
{
  g_autoptr(AtlasFilter) none = atlas_filter_new ();
  g_autoptr(AtlasChartStats) stats = atlas_chart_stats_new (corpus, filter);
  const AtlasChartCounts *counts = _atlas_chart_stats_get_counts (stats);
  GPtrArray *libraries = _atlas_chart_stats_get_libraries (stats);
  GPtrArray *details = _atlas_chart_stats_get_details (stats);
  g_autofree char *text = NULL;
  Reference ref;

  if (filter == NULL)
    filter = none;
  text = atlas_filter_to_string (filter);
  g_test_message ("filter: %s", text);
  reference_count (&ref, corpus, filter);
  g_assert_cmpmem (counts->crashes, sizeof counts->crashes, ref.counts.crashes, sizeof ref.counts.crashes);
  g_assert_cmpmem (counts->stage_bug, sizeof counts->stage_bug, ref.counts.stage_bug, sizeof ref.counts.stage_bug);
  g_assert_cmpmem (counts->cause_stage, sizeof counts->cause_stage,
                   ref.counts.cause_stage, sizeof ref.counts.cause_stage);
  g_assert_cmpmem (counts->cause_type, sizeof counts->cause_type, ref.counts.cause_type, sizeof ref.counts.cause_type);
  g_assert_cmpmem (counts->library_unset, sizeof counts->library_unset,
                   ref.counts.library_unset, sizeof ref.counts.library_unset);

  g_assert_cmpuint (libraries->len, ==, g_hash_table_size (ref.libraries));
  for (guint i = 0; i < libraries->len; i++)
    {
      AtlasLibraryCount *library = g_ptr_array_index (libraries, i);
      const guint *expected = g_hash_table_lookup (ref.libraries, library->name);

      g_assert_nonnull (expected);
      g_assert_cmpmem (library->crashes, sizeof library->crashes, expected, N_SLOTS * sizeof (guint));
    }
  g_assert_cmpuint (details->len, ==, g_hash_table_size (ref.details));
  for (guint i = 0; i < details->len; i++)
    {
      AtlasDetailCount *detail = g_ptr_array_index (details, i);
      g_autofree char *key = g_strdup_printf ("%u/%s", detail->cause, detail->detail);
      const guint *expected = g_hash_table_lookup (ref.details, key);

      g_assert_nonnull (expected);
      g_assert_cmpmem (detail->crashes, sizeof detail->crashes, expected, N_SLOTS * sizeof (guint));
    }
  g_assert_cmpuint (atlas_chart_stats_get_n_total (stats), ==, atlas_corpus_get_n_crashes (corpus));
  reference_clear (&ref);
}

/* The filtered corpus holds exactly the matching crashes, in order. */
static void
assert_filtered_equal_reference (AtlasFilteredCorpus *filtered)
{
  AtlasCorpus *corpus = atlas_filtered_corpus_get_corpus (filtered);
  AtlasFilter *filter = atlas_filtered_corpus_get_filter (filtered);
  guint k = 0;

  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    if (atlas_filter_matches (filter, atlas_corpus_get_crash (corpus, i)))
      {
        g_autoptr(AtlasCrash) item = g_list_model_get_item (G_LIST_MODEL (filtered), k);

        g_assert_true (item == atlas_corpus_get_crash (corpus, i));
        g_assert_cmpuint (atlas_filtered_corpus_get_position (filtered, k), ==, i);
        k++;
      }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, k);
}

/* Filters that exercise every field, negation, the unset values and
 * combinations of fields. */
static GPtrArray *
make_filters (void)
{
  GPtrArray *filters = g_ptr_array_new_with_free_func (g_object_unref);
  AtlasFilter *f;

  g_ptr_array_add (filters, atlas_filter_new ());
  for (int p = 0; p < ATLAS_N_PLATFORMS; p++)
    {
      g_ptr_array_add (filters, f = atlas_filter_new ());
      atlas_filter_add_value (f, ATLAS_FILTER_FIELD_PLATFORM, p);
    }
  g_ptr_array_add (filters, f = atlas_filter_new ());
  atlas_filter_add_string (f, ATLAS_FILTER_FIELD_LIBRARY, "pandas");
  g_ptr_array_add (filters, f = atlas_filter_new ());
  atlas_filter_add_string (f, ATLAS_FILTER_FIELD_LIBRARY, NULL);
  g_ptr_array_add (filters, f = atlas_filter_new ());
  atlas_filter_add_string (f, ATLAS_FILTER_FIELD_LIBRARY, "pandas");
  atlas_filter_add_string (f, ATLAS_FILTER_FIELD_LIBRARY, "numpy");
  atlas_filter_set_negated (f, ATLAS_FILTER_FIELD_LIBRARY, TRUE);
  g_ptr_array_add (filters, f = atlas_filter_new ());
  atlas_filter_add_value (f, ATLAS_FILTER_FIELD_STAGE, ATLAS_STAGE_TRAIN);
  atlas_filter_add_value (f, ATLAS_FILTER_FIELD_ROOT_CAUSE, ATLAS_ROOT_CAUSE_API);
  g_ptr_array_add (filters, f = atlas_filter_new ());
  atlas_filter_add_value (f, ATLAS_FILTER_FIELD_ML_BUG, ATLAS_ML_BUG_ML);
  atlas_filter_add_value (f, ATLAS_FILTER_FIELD_CRASH_TYPE, 1);
  atlas_filter_add_value (f, ATLAS_FILTER_FIELD_CRASH_TYPE, 2);
  atlas_filter_add_value (f, ATLAS_FILTER_FIELD_PLATFORM, ATLAS_PLATFORM_KAGGLE);
  g_ptr_array_add (filters, f = atlas_filter_new ());
  atlas_filter_add_string (f, ATLAS_FILTER_FIELD_ROOT_CAUSE_DETAIL, NULL);
  atlas_filter_set_negated (f, ATLAS_FILTER_FIELD_ROOT_CAUSE_DETAIL, TRUE);
  atlas_filter_add_value (f, ATLAS_FILTER_FIELD_STAGE, 0);
  atlas_filter_set_negated (f, ATLAS_FILTER_FIELD_STAGE, TRUE);
  g_ptr_array_add (filters, f = atlas_filter_new ());
  atlas_filter_add_value (f, ATLAS_FILTER_FIELD_CLUSTER, 1);
  atlas_filter_add_value (f, ATLAS_FILTER_FIELD_CLUSTER, 3);
  g_ptr_array_add (filters, f = atlas_filter_new ());
  atlas_filter_add_value (f, ATLAS_FILTER_FIELD_CLUSTER, 2);
  atlas_filter_set_negated (f, ATLAS_FILTER_FIELD_CLUSTER, TRUE);
  atlas_filter_add_string (f, ATLAS_FILTER_FIELD_LIBRARY, "pandas");
  atlas_filter_set_negated (f, ATLAS_FILTER_FIELD_LIBRARY, TRUE);
  return filters;
}

/* Some of a corpus's crashes in clusters 0..4, the rest unclustered. */
static void
set_clusters (AtlasCorpus *corpus)
{
  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    atlas_crash_set_cluster (atlas_corpus_get_crash (corpus, i), (int)(i * 7 % 6) - 1);
}

static void
check_corpus (AtlasCorpus *corpus)
{
  g_autoptr(GPtrArray) filters = make_filters ();

  set_clusters (corpus);
  for (guint i = 0; i < filters->len; i++)
    {
      g_autoptr(AtlasFilteredCorpus) filtered = atlas_filtered_corpus_new (corpus, filters->pdata[i]);

      assert_stats_equal_reference (corpus, filters->pdata[i]);
      assert_filtered_equal_reference (filtered);
    }
}

static void
test_random_corpus (void)
{
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (4000, 7);

  check_corpus (corpus);
}

static void
collect_cb (AtlasScanResult *result,
            gpointer         user_data)
{
  GPtrArray *notebooks = user_data;

  if (result->notebook != NULL)
    g_ptr_array_add (notebooks, g_object_ref (result->notebook));
}

static void
classify_cb (AtlasNotebook *notebook,
             gpointer       user_data)
{
  atlas_classifier_classify_notebook (user_data, notebook);
}

static int
compare_locations (gconstpointer a,
                   gconstpointer b)
{
  return g_strcmp0 (atlas_notebook_get_location (*(AtlasNotebook **)a),
                    atlas_notebook_get_location (*(AtlasNotebook **)b));
}

static void
test_demo_corpus (void)
{
  g_autofree char *dir = atlas_demo_find_dir ();
  g_autoptr(AtlasScanner) scanner = atlas_scanner_new (1);
  g_autoptr(GPtrArray) notebooks = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(GError) error = NULL;

  if (dir == NULL)
    {
      g_test_skip ("no demo corpus");
      return;
    }
  atlas_scanner_set_worker_func (scanner, classify_cb, atlas_classifier_new (), g_object_unref);
  g_assert_true (atlas_scanner_add_path (scanner, dir, &error));
  g_assert_true (atlas_scanner_run (scanner, collect_cb, notebooks, NULL, &error));
  g_assert_no_error (error);
  g_ptr_array_sort (notebooks, compare_locations);
  for (guint i = 0; i < notebooks->len; i++)
    atlas_corpus_add (corpus, atlas_notebook_info_new_from_notebook (notebooks->pdata[i]),
                      atlas_notebook_get_crashes (notebooks->pdata[i]));
  g_assert_cmpuint (atlas_corpus_get_n_crashes (corpus), >, 20);
  check_corpus (corpus);
}

/* A mirror kept only from items-changed must equal the model: the signals
 * say exactly what changed. */
static void
mirror_items_changed_cb (GListModel *model,
                         guint       position,
                         guint       removed,
                         guint       added,
                         GPtrArray  *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->len);
  g_ptr_array_remove_range (mirror, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror, position + i, g_list_model_get_item (model, position + i));
}

static void
assert_mirror (GListModel *model,
               GPtrArray  *mirror)
{
  g_assert_cmpuint (mirror->len, ==, g_list_model_get_n_items (model));
  for (guint i = 0; i < mirror->len; i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (model, i);

      g_assert_true (item == mirror->pdata[i]);
    }
}

static void
add_random_notebooks (AtlasCorpus *corpus,
                      guint        n,
                      guint32      seed)
{
  g_autoptr(AtlasCorpus) more = chart_fixture_random_corpus (n, seed);

  atlas_corpus_take_contents (corpus, more);
}

static void
test_filtered_follows (void)
{
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasFilteredCorpus) filtered = atlas_filtered_corpus_new (corpus, filter);
  g_autoptr(GPtrArray) mirror = g_ptr_array_new_with_free_func (g_object_unref);

  g_signal_connect (filtered, "items-changed", G_CALLBACK (mirror_items_changed_cb), mirror);
  atlas_filter_add_value (filter, ATLAS_FILTER_FIELD_PLATFORM, ATLAS_PLATFORM_KAGGLE);
  add_random_notebooks (corpus, 300, 1);
  assert_filtered_equal_reference (filtered);
  assert_mirror (G_LIST_MODEL (filtered), mirror);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), >, 0);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), <, 300);

  /* Filters combine: every field narrows further; the list follows. */
  atlas_filter_add_string (filter, ATLAS_FILTER_FIELD_LIBRARY, "pandas");
  assert_filtered_equal_reference (filtered);
  assert_mirror (G_LIST_MODEL (filtered), mirror);
  add_random_notebooks (corpus, 200, 2);
  assert_filtered_equal_reference (filtered);
  assert_mirror (G_LIST_MODEL (filtered), mirror);
  atlas_filter_clear_field (filter, ATLAS_FILTER_FIELD_PLATFORM);
  assert_filtered_equal_reference (filtered);
  assert_mirror (G_LIST_MODEL (filtered), mirror);

  /* A cleared corpus, then a new one of other notebooks. */
  atlas_corpus_clear (corpus);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, 0);
  assert_mirror (G_LIST_MODEL (filtered), mirror);
  add_random_notebooks (corpus, 150, 3);
  assert_filtered_equal_reference (filtered);
  assert_mirror (G_LIST_MODEL (filtered), mirror);
  atlas_filter_clear (filter);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (filtered)), ==, atlas_corpus_get_n_crashes (corpus));
  assert_mirror (G_LIST_MODEL (filtered), mirror);
  assert_stats_equal_reference (corpus, filter);
}

/* The index follows a corpus that is cleared and refilled with other
 * labels: no count of the old crashes survives. */
static void
test_index_after_clear (void)
{
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (500, 11);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();

  atlas_filter_add_string (filter, ATLAS_FILTER_FIELD_LIBRARY, "pandas");
  assert_stats_equal_reference (corpus, filter);
  atlas_corpus_clear (corpus);
  add_random_notebooks (corpus, 700, 12);
  assert_stats_equal_reference (corpus, filter);
  assert_stats_equal_reference (corpus, NULL);
}

/* Indexes built on a corpus read elsewhere follow its crashes into the
 * corpus shown, and count them right there. */
static void
test_adopt_prepared (void)
{
  g_autoptr(AtlasCorpus) read = chart_fixture_random_corpus (800, 21);
  g_autoptr(AtlasCorpus) shown = chart_fixture_random_corpus (50, 22);
  g_autoptr(AtlasFilter) filter = atlas_filter_new ();
  g_autoptr(AtlasChartStats) empty = NULL;

  atlas_filter_add_value (filter, ATLAS_FILTER_FIELD_PLATFORM, ATLAS_PLATFORM_GITHUB);
  /* Indexes on the shown corpus already, from what it held before. */
  assert_stats_equal_reference (shown, filter);
  atlas_chart_stats_prepare_corpus (read);
  g_assert_false (atlas_chart_stats_adopt_prepared (shown, read));
  atlas_corpus_clear (shown);
  g_assert_true (atlas_chart_stats_adopt_prepared (shown, read));
  atlas_corpus_take_contents (shown, read);
  g_assert_cmpuint (atlas_corpus_get_n_crashes (shown), ==, 800);
  assert_stats_equal_reference (shown, filter);
  assert_stats_equal_reference (shown, NULL);
  empty = atlas_chart_stats_new (read, NULL);
  g_assert_cmpuint (atlas_chart_stats_get_n_total (empty), ==, 0);
  g_assert_cmpuint (atlas_chart_stats_get_n_notebooks (empty), ==, 0);
  add_random_notebooks (shown, 100, 23);
  assert_stats_equal_reference (shown, filter);
  {
    g_autoptr(AtlasChartStats) stats = atlas_chart_stats_new (shown, filter);
    guint expected = 0;

    for (guint i = 0; i < atlas_corpus_get_n_notebooks (shown); i++)
      {
        const AtlasNotebookInfo *info = atlas_corpus_get_notebook (shown, i);

        expected += info->status != ATLAS_NOTEBOOK_STATUS_UNREADABLE &&
                    atlas_filter_matches_platform (filter, info->platform);
      }
    g_assert_cmpuint (expected, >, 0);
    g_assert_cmpuint (atlas_chart_stats_get_n_notebooks (stats), ==, expected);
  }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Chart/index/random-corpus", test_random_corpus);
  g_test_add_func ("/Atlas/Chart/index/demo-corpus", test_demo_corpus);
  g_test_add_func ("/Atlas/Chart/index/after-clear", test_index_after_clear);
  g_test_add_func ("/Atlas/Chart/index/adopt-prepared", test_adopt_prepared);
  g_test_add_func ("/Atlas/Chart/filtered-corpus/follows", test_filtered_follows);
  return g_test_run ();
}
