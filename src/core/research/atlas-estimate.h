/* atlas-estimate.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-corpus.h"
#include "atlas-filter.h"
#include "atlas-store-labels.h"

G_BEGIN_DECLS

/* Corpus-wide shares of a dimension's values, estimated from a hand-labeled
 * sample and the automatic labels of every crash, with 95% intervals.
 *
 * Method: prediction-powered inference (Angelopoulos et al., Science 2023)
 * for a finite population. For value c, with f the automatic label and y the
 * hand label,
 *
 *   θ̂_c = (1/N) Σ_{all N crashes} 1[f = c]  +  (1/N) Σ_{labeled j} w_j (1[y_j = c] − 1[f_j = c])
 *
 * The first term is computed on every crash of the corpus, so it has no
 * sampling error; the second, the "rectifier", is the design-weighted
 * (Horvitz–Thompson) estimate of the classifier's net error. w_j = N_h / n_h
 * where N_h is the crashes the stratum stands for and n_h how many of its
 * sampled crashes are labeled (crashes are labeled in the sample's random
 * order, so the labeled ones are a random subsample of each stratum).
 *
 * Var(θ̂_c) is the stratified variance of the rectifier's total, over N²:
 * Σ_h (1 − n_h/N_h) n_h s²_h(w d) for strata with n_h ≥ 2; strata with a
 * single labeled crash (the cluster design has many) are collapsed into one
 * pseudo-stratum with the with-replacement variance m/(m−1) Σ (t_j − t̄)²;
 * strata labeled in full contribute nothing. The interval is
 * θ̂ ± 1.96 √Var (normal, by the CLT), clipped to [0, 1]. Where the
 * classifier is right, d = 0 and the interval shrinks towards zero width;
 * where it is wrong the rectifier corrects it and its variance shows.
 *
 * The sample alone gives the weighted (Hájek) share Σ w 1[y = c] / Σ w with
 * its linearised variance: the "hand-labeled sample" series.
 *
 * For a chart's filter the domain is the crashes that match it: units
 * outside it count with d = 0 and N is the domain's size (domain estimation). */

typedef struct
{
  double estimate;
  double low;
  double high;
  double se;
} AtlasInterval;

/* One labeled unit, for the variance: its stratum (any id), the crashes its
 * stratum stands for (N_h), its weight (N_h / n_h) and its value. */
typedef struct
{
  guint  stratum;
  double stratum_size;
  double weight;
  double value;
} AtlasEstimateUnit;

/* The design variance of Σ_j weight_j value_j, as described above. */
double        atlas_estimate_total_variance (const AtlasEstimateUnit *units,
                                             guint                    n_units);
/* θ̂ = @automatic_share + Σ w d / @n_population with its interval; the
 * units' values are d = 1[y = c] − 1[f = c]. */
AtlasInterval atlas_estimate_ppi            (double                   automatic_share,
                                             double                   n_population,
                                             const AtlasEstimateUnit *units,
                                             guint                    n_units);

typedef struct
{
  AtlasDimension  dimension;
  guint           n_crashes;     /* in the domain */
  guint           n_labeled;     /* labeled sample crashes used (in and out of the domain) */
  guint           n_categories;
  char          **categories;    /* sorted ids; "unclassified" for none */
  double         *automatic;     /* share of the automatic labels (exact) */
  AtlasInterval  *sample;        /* the weighted share in the hand-labeled sample */
  AtlasInterval  *estimate;      /* prediction-powered */
} AtlasEstimates;

/**
 * atlas_estimates_new:
 * @corpus: every crash (their automatic labels)
 * @sample: (element-type AtlasSampleItem): the stored sample
 * @labels: (element-type AtlasHandLabel): one rater's labels; those of
 *   crashes outside @sample are not used (they were not drawn at random)
 * @dimension: the dimension
 * @filter: (nullable): the domain; %NULL for every crash
 */
AtlasEstimates *atlas_estimates_new         (AtlasCorpus    *corpus,
                                             GPtrArray      *sample,
                                             GPtrArray      *labels,
                                             AtlasDimension  dimension,
                                             AtlasFilter    *filter);
/* The index of @id among the categories, or -1. */
int             atlas_estimates_find        (const AtlasEstimates *estimates,
                                             const char           *id);
void            atlas_estimates_free        (AtlasEstimates *estimates);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasEstimates, atlas_estimates_free)

G_END_DECLS
