/* atlas-sample.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-corpus.h"
#include "atlas-store-labels.h"

G_BEGIN_DECLS

typedef enum
{
  ATLAS_SAMPLE_BY_NONE,      /* simple random sample */
  ATLAS_SAMPLE_BY_CLUSTER,   /* strata: message clusters (the study's design) */
  ATLAS_SAMPLE_BY_PLATFORM,  /* strata: Kaggle, GitHub, local */
} AtlasSampleDesign;

/* "none", "cluster", "platform" */
const char *atlas_sample_design_to_string   (AtlasSampleDesign  design);
gboolean    atlas_sample_design_from_string (const char        *str,
                                             AtlasSampleDesign *design);

/* One drawn unit: the index of a crash among the @n given, and its design
 * weight (the number of crashes it stands for, 1 / inclusion probability). */
typedef struct
{
  guint  index;
  guint  stratum;   /* index into the sorted distinct stratum names */
  double weight;
} AtlasSampleDraw;

/**
 * atlas_sample_draw_indices:
 * @strata: the stratum name of each of the @n crashes (all the same name
 *   for a simple random sample)
 * @n: number of crashes
 * @size: wanted sample size
 * @seed: the same @strata, @size and @seed give the same sample
 *
 * Stratified sampling without replacement, with one GRand seeded by @seed:
 *
 * 1. Strata are taken in the byte order of their names; each one's crashes
 *    in the order given.
 * 2. If @size ≥ @n every crash is drawn (weight 1).
 * 3. If @size ≥ H (the number of strata), allocation is proportional with at
 *    least one crash per stratum: every stratum gets one, then each further
 *    unit goes to the stratum furthest below its proportional quota
 *    @size · N_h / @n (ties to the first), never beyond N_h. Within a stratum
 *    n_h of its N_h crashes are drawn by a partial Fisher–Yates shuffle;
 *    each weighs N_h / n_h.
 * 4. If @size < H, "at least one per stratum up to the sample size": @size
 *    strata are drawn uniformly (partial Fisher–Yates over the strata) and
 *    one crash in each; a crash is then drawn with probability
 *    (@size / H) · (1 / N_h) and weighs H · N_h / @size.
 * 5. The drawn units are shuffled once more, so that labeling the first k of
 *    them in order is itself a random subsample across strata.
 *
 * Returns: (transfer full) (element-type AtlasSampleDraw): the draw, in
 *   labeling order
 */
GArray     *atlas_sample_draw_indices (const char * const *strata,
                                       guint               n,
                                       guint               size,
                                       guint32             seed);

/* The stratum name of @crash under @design ("cluster 17", "kaggle", "all"). */
char       *atlas_sample_stratum_of   (AtlasCrash         *crash,
                                       AtlasSampleDesign   design);

/* Draws from every crash of @corpus (clustered beforehand for
 * ATLAS_SAMPLE_BY_CLUSTER). Returns: (transfer full) (element-type
 * AtlasSampleItem) the sample in labeling order. */
GPtrArray  *atlas_sample_draw         (AtlasCorpus        *corpus,
                                       AtlasSampleDesign   design,
                                       guint               size,
                                       guint32             seed);

G_END_DECLS
