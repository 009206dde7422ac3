/* atlas-chart-stats.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

#include "atlas-corpus.h"
#include "atlas-filter.h"

G_BEGIN_DECLS

/* The counts every chart is drawn from, made once per corpus and filter. */

#define ATLAS_TYPE_CHART_STATS (atlas_chart_stats_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartStats, atlas_chart_stats, ATLAS, CHART_STATS, GObject)

/**
 * atlas_chart_stats_new:
 * @corpus: the corpus
 * @filter: (nullable): crashes to count; %NULL for all
 *
 * Counts every crash of @corpus that matches @filter in a single pass, for all
 * chart kinds at once (per platform: stage x bug kind, root cause x stage,
 * root cause x crash type, finer causes, libraries), plus the notebooks that
 * import each library. Crashes without labels count as "unclassified".
 * Immutable afterwards; build any number of models from it.
 *
 * Returns: (transfer full): the counts
 */
AtlasChartStats *atlas_chart_stats_new          (AtlasCorpus     *corpus,
                                                 AtlasFilter     *filter);
/* Crashes that matched the filter, and all crashes looked at. */
guint            atlas_chart_stats_get_n_crashes  (AtlasChartStats *self);
guint            atlas_chart_stats_get_n_total    (AtlasChartStats *self);
/* Readable notebooks (on the filter's platforms) that import packages. */
guint            atlas_chart_stats_get_n_notebooks (AtlasChartStats *self);
/* Notebooks holding at least one of the crashes that matched the filter. */
guint            atlas_chart_stats_get_n_crashing_notebooks (AtlasChartStats *self);
/* (transfer none) the filter the counts were made with (an empty one for NULL). */
AtlasFilter     *atlas_chart_stats_get_filter     (AtlasChartStats *self);

/* The indexes the counts are made from (per-dimension crash arrays, the
 * packages notebooks import) are built on a corpus when first needed:
 * ~50 ms at the study's scale. A loader builds them in its worker on the
 * corpus it reads (no other thread may use it meanwhile), then hands them
 * to the empty corpus about to take that corpus's contents
 * (atlas_corpus_take_contents() right after). Returns FALSE, handing
 * nothing, when @corpus is not empty. */
void             atlas_chart_stats_prepare_corpus (AtlasCorpus     *corpus);
gboolean         atlas_chart_stats_adopt_prepared (AtlasCorpus     *corpus,
                                                   AtlasCorpus     *from);

G_END_DECLS
