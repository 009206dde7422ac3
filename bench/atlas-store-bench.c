/* atlas-store-bench.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include <cairo.h>
#include <sqlite3.h>

#include "atlas-chart-layout.h"
#include "atlas-chart-model.h"
#include "atlas-classifier.h"
#include "atlas-store.h"

/* Figures for bench/bench-store.py, one "key: value" per line. Not a test.
 *
 *   atlas-store-bench reopen FILE      open + load every crash, then what
 *                                      the window does with them
 *   atlas-store-bench reclassify FILE  labels again from the stored cells
 *   atlas-store-bench clusters FILE    recomputes the clusters */

static double
ms_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* CPU time of this thread: on a loaded machine wall time also counts the
 * time other processes ran. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static long
peak_rss_kib (void)
{
  struct rusage usage;

  getrusage (RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;

  return (x > y) - (x < y);
}

/* A hand-written pass for comparison with the charts' own aggregation: a
 * filter (platform and library), the five dimensions and one heatmap. */
static guint
aggregate (AtlasCorpus   *corpus,
           AtlasPlatform  platform,
           const char    *library)
{
  guint counts[ATLAS_N_DIMENSIONS][32] = { { 0 } };
  guint heatmap[ATLAS_N_ROOT_CAUSES][ATLAS_N_STAGES] = { { 0 } };
  g_autoptr(GHashTable) libraries = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = atlas_corpus_get_n_crashes (corpus), kept = 0;

  for (guint i = 0; i < n; i++)
    {
      AtlasCrash *crash = atlas_corpus_get_crash (corpus, i);
      const AtlasClassification *c = atlas_crash_get_classification (crash);
      guint *lib_count;

      if (atlas_crash_get_platform (crash) != platform ||
          (library != NULL && g_strcmp0 (c->library, library) != 0))
        continue;
      kept++;
      counts[ATLAS_DIMENSION_CRASH_TYPE][c->crash_type]++;
      counts[ATLAS_DIMENSION_ROOT_CAUSE][c->root_cause]++;
      counts[ATLAS_DIMENSION_ML_BUG][c->ml_bug]++;
      counts[ATLAS_DIMENSION_STAGE][c->stage]++;
      heatmap[c->root_cause][c->stage]++;
      lib_count = g_hash_table_lookup (libraries, c->library ? c->library : "");
      g_hash_table_insert (libraries, c->library ? c->library : "", GUINT_TO_POINTER (GPOINTER_TO_UINT (lib_count) + 1));
    }
  return kept + heatmap[0][0] + counts[0][0];
}

static void
bench_aggregate (AtlasCorpus *corpus)
{
  double times[41];
  guint sink = 0;

  for (guint r = 0; r < G_N_ELEMENTS (times); r++)
    {
      gint64 start = g_get_monotonic_time ();

      sink += aggregate (corpus, r % 2 ? ATLAS_PLATFORM_KAGGLE : ATLAS_PLATFORM_GITHUB,
                         r % 3 ? "pandas" : NULL);
      times[r] = ms_since (start);
    }
  qsort (times, G_N_ELEMENTS (times), sizeof (double), compare_doubles);
  printf ("filter_and_aggregate_ms_median: %.2f\n", times[G_N_ELEMENTS (times) / 2]);
  printf ("filter_and_aggregate_ms_max: %.2f\n", times[G_N_ELEMENTS (times) - 1]);
  (void)sink;
}

/* The filters a user clicks through: none, a platform, a library, a stage
 * with a root cause. */
static AtlasFilter *
make_filter (guint round)
{
  AtlasFilter *filter = atlas_filter_new ();

  switch (round % 4)
    {
    case 1:
      atlas_filter_add_value (filter, ATLAS_FILTER_FIELD_PLATFORM, ATLAS_PLATFORM_KAGGLE);
      break;
    case 2:
      atlas_filter_add_string (filter, ATLAS_FILTER_FIELD_LIBRARY, "pandas");
      break;
    case 3:
      atlas_filter_add_value (filter, ATLAS_FILTER_FIELD_STAGE, ATLAS_STAGE_TRAIN);
      atlas_filter_add_value (filter, ATLAS_FILTER_FIELD_ROOT_CAUSE, ATLAS_ROOT_CAUSE_API);
      break;
    default:
      break;
    }
  return filter;
}

/* A filter change in the window: new statistics, every chart's model, and
 * every chart drawn (Cairo, on a 900 x 560 image, as the widgets draw). */
static void
bench_charts (AtlasCorpus *corpus)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 900, 560);
  cairo_t *cr = cairo_create (surface);
  double aggregate_ms[41], redraw_ms[41], redraw_cpu_ms[41];
  AtlasChartOptions options;
  AtlasChartStyle style;

  atlas_chart_options_init (&options);
  atlas_chart_style_init_light (&style);
  for (guint r = 0; r < G_N_ELEMENTS (redraw_ms); r++)
    {
      g_autoptr(AtlasFilter) filter = make_filter (r);
      g_autoptr(GPtrArray) models = g_ptr_array_new_with_free_func (g_object_unref);
      gint64 start = g_get_monotonic_time ();
      double cpu_start = cpu_ms ();
      g_autoptr(AtlasChartStats) stats = atlas_chart_stats_new (corpus, filter);

      for (guint kind = 0; kind < ATLAS_N_CHART_KINDS; kind++)
        g_ptr_array_add (models, atlas_chart_model_new (stats, kind, &options));
      aggregate_ms[r] = ms_since (start);
      for (guint i = 0; i < models->len; i++)
        {
          g_autoptr(AtlasChartLayout) layout = atlas_chart_render (models->pdata[i], &style, cr, 900, 560);
        }
      redraw_ms[r] = ms_since (start);
      redraw_cpu_ms[r] = cpu_ms () - cpu_start;
    }
  qsort (aggregate_ms, G_N_ELEMENTS (aggregate_ms), sizeof (double), compare_doubles);
  qsort (redraw_ms, G_N_ELEMENTS (redraw_ms), sizeof (double), compare_doubles);
  qsort (redraw_cpu_ms, G_N_ELEMENTS (redraw_cpu_ms), sizeof (double), compare_doubles);
  printf ("charts: %u\n", (guint)ATLAS_N_CHART_KINDS);
  printf ("charts_filter_stats_models_ms_median: %.2f\n", aggregate_ms[G_N_ELEMENTS (aggregate_ms) / 2]);
  printf ("charts_filter_stats_models_ms_max: %.2f\n", aggregate_ms[G_N_ELEMENTS (aggregate_ms) - 1]);
  printf ("charts_and_cairo_drawing_ms_median: %.2f\n", redraw_ms[G_N_ELEMENTS (redraw_ms) / 2]);
  printf ("charts_and_cairo_drawing_ms_max: %.2f\n", redraw_ms[G_N_ELEMENTS (redraw_ms) - 1]);
  printf ("charts_and_cairo_drawing_cpu_ms_median: %.2f\n", redraw_cpu_ms[G_N_ELEMENTS (redraw_cpu_ms) / 2]);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static void
bench_cell_view (AtlasStore  *store,
                 AtlasCorpus *corpus)
{
  g_autoptr(GError) error = NULL;
  guint n = atlas_corpus_get_n_notebooks (corpus), done = 0;
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < n && done < 200; i += MAX (n / 200, 1), done++)
    {
      g_autoptr(AtlasNotebook) notebook =
        atlas_store_load_notebook (store, atlas_corpus_get_notebook (corpus, i)->location, &error);

      g_assert_no_error (error);
    }
  printf ("load_one_notebook_for_cell_view_ms: %.3f\n", ms_since (start) / MAX (done, 1));
}

static int
reopen (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = NULL;
  g_autoptr(AtlasCorpus) corpus = NULL;
  long rss_before = peak_rss_kib ();
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  double open_ms;

  if ((store = atlas_store_open_existing (path, &error)) == NULL)
    goto fail;
  open_ms = ms_since (start);
  if ((corpus = atlas_store_load_corpus (store, NULL, &error)) == NULL)
    goto fail;

  printf ("notebooks: %u\n", atlas_corpus_get_n_notebooks (corpus));
  printf ("crashes: %u\n", atlas_corpus_get_n_crashes (corpus));
  printf ("open_ms: %.1f\n", open_ms);
  printf ("reopen_to_corpus_loaded_ms: %.1f\n", ms_since (start));
  printf ("reopen_to_corpus_loaded_cpu_ms: %.1f\n", cpu_ms () - cpu_start);
  printf ("peak_rss_before_kib: %ld\n", rss_before);
  printf ("peak_rss_loaded_kib: %ld\n", peak_rss_kib ());
  bench_aggregate (corpus);
  bench_charts (corpus);
  printf ("peak_rss_after_charts_kib: %ld\n", peak_rss_kib ());
  bench_cell_view (store, corpus);
  return 0;

fail:
  fprintf (stderr, "atlas-store-bench: %s\n", error->message);
  return 1;
}

static gboolean
mark_stale (const char *path)
{
  sqlite3 *db = NULL;
  gboolean ok = sqlite3_open (path, &db) == SQLITE_OK &&
                sqlite3_exec (db, "UPDATE crash SET rules_version = 'older rules'", NULL, NULL, NULL) == SQLITE_OK;

  if (!ok)
    fprintf (stderr, "atlas-store-bench: %s: %s\n", path, sqlite3_errmsg (db));
  sqlite3_close (db);
  return ok;
}

static int
reclassify (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open_existing (path, &error);
  g_autoptr(AtlasClassifier) classifier = atlas_classifier_new ();
  gint64 start;
  guint n = 0;

  if (store == NULL)
    goto fail;
  /* Labels from other rules: make every stored label stale, as a rules
   * change does, so the whole corpus is re-labelled. */
  if (!mark_stale (path))
    return 1;
  start = g_get_monotonic_time ();
  if (!atlas_store_reclassify (store, classifier, &n, NULL, &error))
    goto fail;
  printf ("reclassify_from_store_ms: %.1f\n", ms_since (start));
  printf ("reclassified_notebooks: %u\n", n);
  return 0;

fail:
  fprintf (stderr, "atlas-store-bench: %s\n", error->message);
  return 1;
}

static int
clusters (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(AtlasStore) store = atlas_store_open_existing (path, &error);
  gint64 start;

  if (store == NULL)
    goto fail;
  start = g_get_monotonic_time ();
  if (!atlas_store_update_clusters (store, &error))
    goto fail;
  printf ("update_clusters_ms: %.1f\n", ms_since (start));
  return 0;

fail:
  fprintf (stderr, "atlas-store-bench: %s\n", error->message);
  return 1;
}

int
main (int    argc,
      char **argv)
{
  if (argc != 3)
    {
      fprintf (stderr, "usage: atlas-store-bench reopen|reclassify|clusters FILE\n");
      return 2;
    }
  if (strcmp (argv[1], "reopen") == 0)
    return reopen (argv[2]);
  if (strcmp (argv[1], "reclassify") == 0)
    return reclassify (argv[2]);
  if (strcmp (argv[1], "clusters") == 0)
    return clusters (argv[2]);
  fprintf (stderr, "atlas-store-bench: unknown mode %s\n", argv[1]);
  return 2;
}
