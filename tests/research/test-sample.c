/* test-sample.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "atlas-sample.h"

/* Sampling: reproducible from its seed, stratified as atlas-sample.h says. */

/* @n_strata strata of sizes 1, 2, 4, … (capped at 64), repeated to @n. */
static GStrv
make_strata (guint n,
             guint n_strata)
{
  GStrv strata = g_new0 (char *, n + 1);
  guint i = 0;

  for (guint h = 0; i < n; h = (h + 1) % n_strata)
    for (guint k = 0; k < MIN (64u, 1u << MIN (h, 6u)) && i < n; k++)
      strata[i++] = g_strdup_printf ("s%03u", h);
  return strata;
}

static void
count_per_stratum (const char * const *strata,
                   GArray             *draws,
                   GHashTable         *drawn,
                   GHashTable         *sizes,
                   guint               n)
{
  for (guint i = 0; i < n; i++)
    g_hash_table_insert (sizes, (gpointer)strata[i],
                         GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (sizes, strata[i])) + 1));
  for (guint i = 0; i < draws->len; i++)
    {
      const char *name = strata[g_array_index (draws, AtlasSampleDraw, i).index];

      g_hash_table_insert (drawn, (gpointer)name,
                           GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (drawn, name)) + 1));
    }
}

static void
test_reproducible (void)
{
  g_auto(GStrv) strata = make_strata (1000, 20);
  g_autoptr(GArray) a = atlas_sample_draw_indices ((const char * const *)strata, 1000, 100, 42);
  g_autoptr(GArray) b = atlas_sample_draw_indices ((const char * const *)strata, 1000, 100, 42);
  g_autoptr(GArray) c = atlas_sample_draw_indices ((const char * const *)strata, 1000, 100, 43);
  gboolean differs = FALSE;

  g_assert_cmpuint (a->len, ==, 100);
  g_assert_cmpuint (b->len, ==, 100);
  for (guint i = 0; i < a->len; i++)
    {
      g_assert_cmpuint (g_array_index (a, AtlasSampleDraw, i).index, ==,
                        g_array_index (b, AtlasSampleDraw, i).index);
      differs |= g_array_index (a, AtlasSampleDraw, i).index != g_array_index (c, AtlasSampleDraw, i).index;
    }
  g_assert_true (differs);
}

static void
test_no_repeats (void)
{
  g_auto(GStrv) strata = make_strata (500, 9);
  g_autoptr(GArray) draws = atlas_sample_draw_indices ((const char * const *)strata, 500, 200, 7);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_direct_hash, g_direct_equal);

  for (guint i = 0; i < draws->len; i++)
    g_assert_true (g_hash_table_add (seen, GUINT_TO_POINTER (g_array_index (draws, AtlasSampleDraw, i).index)));
}

static void
test_proportional (void)
{
  /* 20 strata of sizes 1 … 64: each gets at least one and the rest in
   * proportion, within one crash of its quota unless the floor of one
   * lifts it; the weights of a stratum's crashes add up to its size. */
  const guint n = 3000, size = 300;
  g_auto(GStrv) strata = make_strata (n, 20);
  g_autoptr(GArray) draws = atlas_sample_draw_indices ((const char * const *)strata, n, size, 1);
  g_autoptr(GHashTable) drawn = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sizes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) weights = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer name, value;

  g_assert_cmpuint (draws->len, ==, size);
  count_per_stratum ((const char * const *)strata, draws, drawn, sizes, n);
  for (guint i = 0; i < draws->len; i++)
    {
      const AtlasSampleDraw *draw = &g_array_index (draws, AtlasSampleDraw, i);
      double *sum = g_hash_table_lookup (weights, strata[draw->index]);

      if (sum == NULL)
        g_hash_table_insert (weights, strata[draw->index], sum = g_new0 (double, 1));
      *sum += draw->weight;
    }

  g_hash_table_iter_init (&iter, sizes);
  while (g_hash_table_iter_next (&iter, &name, &value))
    {
      guint n_h = GPOINTER_TO_UINT (value);
      guint drawn_h = GPOINTER_TO_UINT (g_hash_table_lookup (drawn, name));
      double quota = (double)size * n_h / n;

      g_assert_cmpuint (drawn_h, >=, 1);
      g_assert_cmpuint (drawn_h, <=, n_h);
      g_assert_cmpfloat (fabs (drawn_h - MAX (1.0, quota)), <=, 1.0);
      g_assert_cmpfloat_with_epsilon (*(double *)g_hash_table_lookup (weights, name), n_h, 1e-9);
    }
}

static void
test_fewer_than_strata (void)
{
  /* 24 strata (the 1,200 crashes fill no more), a sample of 10: ten strata,
   * one crash each, each weighing H · N_h / size. */
  const guint n = 1200;
  g_auto(GStrv) strata = make_strata (n, 50);
  g_autoptr(GArray) draws = atlas_sample_draw_indices ((const char * const *)strata, n, 10, 5);
  g_autoptr(GHashTable) drawn = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) sizes = g_hash_table_new (g_str_hash, g_str_equal);

  g_assert_cmpuint (draws->len, ==, 10);
  count_per_stratum ((const char * const *)strata, draws, drawn, sizes, n);
  g_assert_cmpuint (g_hash_table_size (sizes), ==, 24);
  g_assert_cmpuint (g_hash_table_size (drawn), ==, 10);
  for (guint i = 0; i < draws->len; i++)
    {
      const AtlasSampleDraw *draw = &g_array_index (draws, AtlasSampleDraw, i);
      guint n_h = GPOINTER_TO_UINT (g_hash_table_lookup (sizes, strata[draw->index]));

      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (drawn, strata[draw->index])), ==, 1);
      g_assert_cmpfloat_with_epsilon (draw->weight, 24.0 * n_h / 10, 1e-9);
    }
}

static void
test_all_and_simple (void)
{
  g_auto(GStrv) one = g_new0 (char *, 101);
  g_autoptr(GArray) all = NULL;
  g_autoptr(GArray) simple = NULL;

  for (guint i = 0; i < 100; i++)
    one[i] = g_strdup ("all");
  all = atlas_sample_draw_indices ((const char * const *)one, 100, 500, 3);
  g_assert_cmpuint (all->len, ==, 100);
  g_assert_cmpfloat (g_array_index (all, AtlasSampleDraw, 0).weight, ==, 1.0);

  simple = atlas_sample_draw_indices ((const char * const *)one, 100, 25, 3);
  g_assert_cmpuint (simple->len, ==, 25);
  g_assert_cmpfloat_with_epsilon (g_array_index (simple, AtlasSampleDraw, 0).weight, 4.0, 1e-12);
}

/* Over many seeds, every crash of a simple random sample is drawn about
 * equally often: n · size / N each. */
static void
test_uniform (void)
{
  g_auto(GStrv) one = g_new0 (char *, 21);
  guint counts[20] = { 0 };

  for (guint i = 0; i < 20; i++)
    one[i] = g_strdup ("all");
  for (guint seed = 0; seed < 4000; seed++)
    {
      g_autoptr(GArray) draws = atlas_sample_draw_indices ((const char * const *)one, 20, 5, seed);

      for (guint i = 0; i < draws->len; i++)
        counts[g_array_index (draws, AtlasSampleDraw, i).index]++;
    }
  /* Expected 1000 each, SD ≈ 27: 150 is more than five SDs. */
  for (guint i = 0; i < 20; i++)
    g_assert_cmpint (ABS ((int)counts[i] - 1000), <, 150);
}

/* The corpus-level draw: strata named by platform or cluster, every stratum
 * represented, a cell with two crashes one unit. */
static void
test_corpus_strata (void)
{
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(GPtrArray) by_platform = NULL;
  g_autoptr(GPtrArray) by_cluster = NULL;
  g_autoptr(GHashTable) platforms = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) clusters = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) everything = NULL;

  for (guint nb = 0; nb < 12; nb++)
    {
      g_autofree char *location = g_strdup_printf ("nb%u.ipynb", nb);
      g_autoptr(GPtrArray) crashes = g_ptr_array_new_with_free_func (g_object_unref);
      /* Nine Kaggle notebooks, two from GitHub, one local. */
      AtlasPlatform platform = nb < 9 ? ATLAS_PLATFORM_KAGGLE : nb < 11 ? ATLAS_PLATFORM_GITHUB : ATLAS_PLATFORM_LOCAL;

      for (guint cell = 0; cell < 5; cell++)
        {
          AtlasCrash *crash = atlas_crash_new (location, platform, cell, 1, "KeyError", "'x'", NULL);

          atlas_crash_set_cluster (crash, (int)((nb * 5 + cell) % 7));
          g_ptr_array_add (crashes, crash);
        }
      /* A second error output of cell 4. */
      g_ptr_array_add (crashes, atlas_crash_new (location, platform, 4, 1, "KeyError", "'y'", NULL));
      atlas_corpus_add (corpus, atlas_notebook_info_new_failed (location, platform,
                                                                ATLAS_NOTEBOOK_STATUS_OK, NULL),
                        crashes);
    }

  by_platform = atlas_sample_draw (corpus, ATLAS_SAMPLE_BY_PLATFORM, 10, 1);
  g_assert_cmpuint (by_platform->len, ==, 10);
  for (guint i = 0; i < by_platform->len; i++)
    g_hash_table_add (platforms, ((AtlasSampleItem *)g_ptr_array_index (by_platform, i))->stratum);
  g_assert_cmpuint (g_hash_table_size (platforms), ==, 3);
  g_assert_true (g_hash_table_contains (platforms, "kaggle"));
  g_assert_true (g_hash_table_contains (platforms, "local"));

  by_cluster = atlas_sample_draw (corpus, ATLAS_SAMPLE_BY_CLUSTER, 14, 1);
  for (guint i = 0; i < by_cluster->len; i++)
    g_hash_table_add (clusters, ((AtlasSampleItem *)g_ptr_array_index (by_cluster, i))->stratum);
  g_assert_cmpuint (g_hash_table_size (clusters), ==, 7);
  g_assert_true (g_hash_table_contains (clusters, "cluster 0"));

  /* 60 cells, not 72 crashes. */
  everything = atlas_sample_draw (corpus, ATLAS_SAMPLE_BY_NONE, 1000, 1);
  g_assert_cmpuint (everything->len, ==, 60);
}

static void
test_design_names (void)
{
  AtlasSampleDesign design;

  g_assert_true (atlas_sample_design_from_string ("cluster", &design));
  g_assert_cmpint (design, ==, ATLAS_SAMPLE_BY_CLUSTER);
  g_assert_cmpstr (atlas_sample_design_to_string (ATLAS_SAMPLE_BY_PLATFORM), ==, "platform");
  g_assert_false (atlas_sample_design_from_string ("clusters", &design));
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/sample/reproducible", test_reproducible);
  g_test_add_func ("/sample/no-repeats", test_no_repeats);
  g_test_add_func ("/sample/proportional", test_proportional);
  g_test_add_func ("/sample/fewer-than-strata", test_fewer_than_strata);
  g_test_add_func ("/sample/all-and-simple", test_all_and_simple);
  g_test_add_func ("/sample/uniform", test_uniform);
  g_test_add_func ("/sample/corpus-strata", test_corpus_strata);
  g_test_add_func ("/sample/design-names", test_design_names);
  return g_test_run ();
}
