/* bench-charts.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <time.h>

#include "atlas-chart.h"
#include "chart-fixture.h"

/* Times what the app does when a filter chip changes: one counting pass over
 * the corpus (atlas_chart_stats_new) and the models of every chart kind.
 * Usage: bench-charts [N_CRASHES (92542)] [ROUNDS (50)]
 * Built as build/tests/chart/bench-charts. */

/* CPU time of this thread: steadier than wall time on a shared machine,
 * where other processes take the core away in the middle of a pass. */
static double
cpu_ms (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static double last_cpu;

static double
run_once (AtlasCorpus *corpus,
          AtlasFilter *filter)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  g_autoptr(AtlasChartStats) stats = atlas_chart_stats_new (corpus, filter);
  AtlasChartOptions options;

  atlas_chart_options_init (&options);
  for (guint split = 0; split < 2; split++)
    for (guint kind = 0; kind < ATLAS_N_CHART_KINDS; kind++)
      {
        g_autoptr(AtlasChartModel) model = NULL;

        options.by_platform = split == 1;
        model = atlas_chart_model_new (stats, kind, &options);
      }
  last_cpu = cpu_ms () - cpu_start;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
run_stats_only (AtlasCorpus *corpus,
                AtlasFilter *filter)
{
  gint64 start = g_get_monotonic_time ();
  double cpu_start = cpu_ms ();
  g_autoptr(AtlasChartStats) stats = atlas_chart_stats_new (corpus, filter);

  last_cpu = cpu_ms () - cpu_start;
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
report (const char  *what,
        double     (*run) (AtlasCorpus *, AtlasFilter *),
        AtlasCorpus *corpus,
        AtlasFilter *filter,
        guint        rounds)
{
  double best = G_MAXDOUBLE, total = 0, best_cpu = G_MAXDOUBLE, total_cpu = 0;

  run (corpus, filter);  /* warm caches */
  for (guint i = 0; i < rounds; i++)
    {
      double ms = run (corpus, filter);

      best = MIN (best, ms);
      total += ms;
      best_cpu = MIN (best_cpu, last_cpu);
      total_cpu += last_cpu;
    }
  printf ("%-32s wall best %6.2f ms mean %6.2f ms | CPU best %6.2f ms mean %6.2f ms\n",
          what, best, total / rounds, best_cpu, total_cpu / rounds);
}

int
main (int    argc,
      char **argv)
{
  guint n = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 92542;
  guint rounds = argc > 2 ? (guint)g_ascii_strtoull (argv[2], NULL, 10) : 50;
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (n, 7);
  g_autoptr(AtlasFilter) none = atlas_filter_new ();
  g_autoptr(AtlasFilter) chips = atlas_filter_new ();

  atlas_filter_add_value (chips, ATLAS_FILTER_FIELD_PLATFORM, ATLAS_PLATFORM_KAGGLE);
  atlas_filter_add_value (chips, ATLAS_FILTER_FIELD_STAGE, ATLAS_STAGE_TRAIN);
  atlas_filter_add_value (chips, ATLAS_FILTER_FIELD_STAGE, ATLAS_STAGE_EVAL);
  atlas_filter_add_string (chips, ATLAS_FILTER_FIELD_LIBRARY, "pandas");
  atlas_filter_add_string (chips, ATLAS_FILTER_FIELD_LIBRARY, "sklearn");

  printf ("%u crashes in %u notebooks; all chart kinds, unsplit and by platform (12 models); %u rounds\n",
          atlas_corpus_get_n_crashes (corpus), atlas_corpus_get_n_notebooks (corpus), rounds);
  report ("counting pass only, no filter", run_stats_only, corpus, none, rounds);
  report ("no filter", run_once, corpus, none, rounds);
  report ("platform+stage+library chips", run_once, corpus, chips, rounds);
  return 0;
}
