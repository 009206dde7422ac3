/* test-estimate.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "atlas-estimate.h"
#include "atlas-sample.h"

/* The prediction-powered estimate: its 95% interval covers the true share
 * in at least 93% of 1,000 simulated corpora, and it is exact when the
 * whole corpus is labeled. */

#define N_CRASHES 2000
#define N_CLUSTERS 40
#define N_CLASSES 4
#define SAMPLE_SIZE 200
#define N_CORPORA 1000

typedef struct
{
  GStrv   strata;                 /* "c07" per crash */
  guint   cluster[N_CRASHES];
  guint   truth[N_CRASHES];
  guint   automatic[N_CRASHES];
} Corpus;

/* Cluster sizes fall off like a study's message clusters: a few large,
 * many small (sizes ∝ 1 / (h + 1)). */
static void
corpus_init (Corpus *corpus)
{
  double harmonic = 0;
  guint i = 0;

  corpus->strata = g_new0 (char *, N_CRASHES + 1);
  for (guint h = 0; h < N_CLUSTERS; h++)
    harmonic += 1.0 / (h + 1);
  for (guint h = 0; h < N_CLUSTERS && i < N_CRASHES; h++)
    {
      guint size = MAX (1u, (guint)(N_CRASHES / harmonic / (h + 1)));

      for (guint k = 0; k < size && i < N_CRASHES; k++, i++)
        corpus->cluster[i] = h;
    }
  for (; i < N_CRASHES; i++)
    corpus->cluster[i] = N_CLUSTERS - 1;
  for (i = 0; i < N_CRASHES; i++)
    corpus->strata[i] = g_strdup_printf ("c%02u", corpus->cluster[i]);
}

/* A known truth (each cluster leans to one class) and a classifier of known
 * error: right with a probability that depends on the cluster (55–95%),
 * else it says class 0 half the time and another class otherwise, so its
 * shares are biased. */
static void
corpus_simulate (Corpus *corpus,
                 GRand  *rand)
{
  guint lean[N_CLUSTERS];
  double accuracy[N_CLUSTERS];

  for (guint h = 0; h < N_CLUSTERS; h++)
    {
      lean[h] = g_rand_int_range (rand, 0, N_CLASSES);
      accuracy[h] = g_rand_double_range (rand, 0.55, 0.95);
    }
  for (guint i = 0; i < N_CRASHES; i++)
    {
      guint h = corpus->cluster[i];

      corpus->truth[i] = g_rand_double (rand) < 0.7 ? lean[h] : (guint)g_rand_int_range (rand, 0, N_CLASSES);
      if (g_rand_double (rand) < accuracy[h])
        corpus->automatic[i] = corpus->truth[i];
      else if (g_rand_boolean (rand))
        corpus->automatic[i] = 0;
      else
        corpus->automatic[i] = (guint)g_rand_int_range (rand, 0, N_CLASSES);
    }
}

/* The estimate of class @c's share from the units of @draws. */
static AtlasInterval
estimate_share (const Corpus *corpus,
                GArray       *draws,
                guint         c,
                double       *truth)
{
  g_autofree AtlasEstimateUnit *units = g_new0 (AtlasEstimateUnit, draws->len);
  double stratum_size[N_CLUSTERS] = { 0 };
  guint n_auto = 0, n_true = 0;

  for (guint i = 0; i < N_CRASHES; i++)
    {
      n_auto += corpus->automatic[i] == c;
      n_true += corpus->truth[i] == c;
    }
  for (guint i = 0; i < draws->len; i++)
    {
      const AtlasSampleDraw *draw = &g_array_index (draws, AtlasSampleDraw, i);

      stratum_size[corpus->cluster[draw->index]] += draw->weight;
    }
  for (guint i = 0; i < draws->len; i++)
    {
      const AtlasSampleDraw *draw = &g_array_index (draws, AtlasSampleDraw, i);
      guint j = draw->index;

      units[i].stratum = corpus->cluster[j];
      units[i].stratum_size = stratum_size[corpus->cluster[j]];
      units[i].weight = draw->weight;
      units[i].value = (double)(corpus->truth[j] == c) - (double)(corpus->automatic[j] == c);
    }
  *truth = (double)n_true / N_CRASHES;
  return atlas_estimate_ppi ((double)n_auto / N_CRASHES, N_CRASHES, units, draws->len);
}

static void
test_coverage (void)
{
  Corpus corpus = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (20231);
  guint covered[N_CLASSES] = { 0 };
  double width[N_CLASSES] = { 0 }, bias[N_CLASSES] = { 0 };

  corpus_init (&corpus);
  for (guint run = 0; run < N_CORPORA; run++)
    {
      g_autoptr(GArray) draws = NULL;

      corpus_simulate (&corpus, rand);
      draws = atlas_sample_draw_indices ((const char * const *)corpus.strata, N_CRASHES,
                                         SAMPLE_SIZE, run);
      g_assert_cmpuint (draws->len, ==, SAMPLE_SIZE);
      for (guint c = 0; c < N_CLASSES; c++)
        {
          double truth;
          AtlasInterval interval = estimate_share (&corpus, draws, c, &truth);

          covered[c] += interval.low <= truth && truth <= interval.high;
          width[c] += interval.high - interval.low;
          bias[c] += interval.estimate - truth;
        }
    }

  for (guint c = 0; c < N_CLASSES; c++)
    {
      g_test_message ("class %u: coverage %.1f%%, mean width %.3f, mean error %+.4f",
                      c, 100.0 * covered[c] / N_CORPORA, width[c] / N_CORPORA, bias[c] / N_CORPORA);
      g_assert_cmpuint (covered[c], >=, 930);
      /* Unbiased: the mean error is within a few standard errors of zero. */
      g_assert_cmpfloat (fabs (bias[c] / N_CORPORA), <, 0.005);
    }
  g_strfreev (corpus.strata);
}

/* With a perfect classifier the rectifier is zero: the estimate is the
 * automatic share, exactly, with an interval of width zero. */
static void
test_perfect_classifier (void)
{
  Corpus corpus = { 0 };
  g_autoptr(GRand) rand = g_rand_new_with_seed (3);
  g_autoptr(GArray) draws = NULL;
  AtlasInterval interval;
  double truth;

  corpus_init (&corpus);
  corpus_simulate (&corpus, rand);
  for (guint i = 0; i < N_CRASHES; i++)
    corpus.automatic[i] = corpus.truth[i];
  draws = atlas_sample_draw_indices ((const char * const *)corpus.strata, N_CRASHES, SAMPLE_SIZE, 9);
  interval = estimate_share (&corpus, draws, 1, &truth);
  g_assert_cmpfloat_with_epsilon (interval.estimate, truth, 1e-12);
  g_assert_cmpfloat_with_epsilon (interval.high - interval.low, 0.0, 1e-12);
  g_strfreev (corpus.strata);
}

static void
test_variance_by_hand (void)
{
  /* Two strata. A: N = 10, four labeled with d = 1, 0, 0, 1 (w = 2.5);
   * t = 2.5, 0, 0, 2.5: s² = 25/12 · … by hand: mean 1.25, Σ(t − mean)² =
   * 4 · 1.5625 = 6.25, s² = 6.25 / 3; contribution (1 − 4/10) · 4 · s² = 5.
   * B: N = 3, all three labeled: no contribution. */
  const AtlasEstimateUnit units[] = {
    { 0, 10, 2.5, 1 }, { 0, 10, 2.5, 0 }, { 0, 10, 2.5, 0 }, { 0, 10, 2.5, 1 },
    { 1, 3, 1, 1 }, { 1, 3, 1, -1 }, { 1, 3, 1, 0 },
  };
  AtlasInterval interval;

  g_assert_cmpfloat_with_epsilon (atlas_estimate_total_variance (units, G_N_ELEMENTS (units)), 5.0, 1e-12);
  /* θ̂ = 0.2 + (2.5 + 2.5 + 1 − 1) / 13. */
  interval = atlas_estimate_ppi (0.2, 13, units, G_N_ELEMENTS (units));
  g_assert_cmpfloat_with_epsilon (interval.estimate, 0.2 + 5.0 / 13, 1e-12);
  g_assert_cmpfloat_with_epsilon (interval.se, sqrt (5.0) / 13, 1e-12);
}

/* The corpus-level API on a small corpus labeled in full. */
static void
test_estimates_on_corpus (void)
{
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(GPtrArray) sample = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_hand_label_free);
  g_autoptr(AtlasEstimates) estimates = NULL;
  int ml, py;

  for (guint nb = 0; nb < 10; nb++)
    {
      g_autofree char *location = g_strdup_printf ("nb%u.ipynb", nb);
      g_autoptr(GPtrArray) crashes = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint cell = 0; cell < 10; cell++)
        {
          AtlasCrash *crash = atlas_crash_new (location, ATLAS_PLATFORM_LOCAL, cell, 1,
                                               "KeyError", "'x'", NULL);
          AtlasClassification c = { 0 };

          /* Automatic: 30 ML, 70 PY; truth: 40 ML (ten of the PY are ML). */
          c.ml_bug = cell < 3 ? ATLAS_ML_BUG_ML : ATLAS_ML_BUG_PY;
          atlas_crash_set_classification (crash, &c);
          g_ptr_array_add (crashes, crash);
        }
      atlas_corpus_add (corpus, atlas_notebook_info_new_failed (location, ATLAS_PLATFORM_LOCAL,
                                                                ATLAS_NOTEBOOK_STATUS_OK, NULL),
                        crashes);
    }
  sample = atlas_sample_draw (corpus, ATLAS_SAMPLE_BY_NONE, 1000, 1);
  g_assert_cmpuint (sample->len, ==, 100);
  for (guint i = 0; i < sample->len; i++)
    {
      const AtlasSampleItem *item = g_ptr_array_index (sample, i);
      AtlasHandLabel *label = atlas_hand_label_new (item->location, item->cell, "ann");

      label->labels.ml_bug = item->cell < 4 ? ATLAS_ML_BUG_ML : ATLAS_ML_BUG_PY;
      g_ptr_array_add (labels, label);
    }
  estimates = atlas_estimates_new (corpus, sample, labels, ATLAS_DIMENSION_ML_BUG, NULL);
  ml = atlas_estimates_find (estimates, "ML");
  py = atlas_estimates_find (estimates, "PY");
  g_assert_cmpint (ml, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpuint (estimates->n_labeled, ==, 100);
  g_assert_cmpfloat_with_epsilon (estimates->automatic[ml], 0.3, 1e-12);
  g_assert_cmpfloat_with_epsilon (estimates->estimate[ml].estimate, 0.4, 1e-12);
  g_assert_cmpfloat_with_epsilon (estimates->estimate[ml].high - estimates->estimate[ml].low, 0, 1e-12);
  g_assert_cmpfloat_with_epsilon (estimates->sample[py].estimate, 0.6, 1e-12);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/estimate/coverage", test_coverage);
  g_test_add_func ("/estimate/perfect-classifier", test_perfect_classifier);
  g_test_add_func ("/estimate/variance-by-hand", test_variance_by_hand);
  g_test_add_func ("/estimate/corpus", test_estimates_on_corpus);
  return g_test_run ();
}
