/* atlas-order-summary.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-corpus.h"
#include "atlas-filter.h"

G_BEGIN_DECLS

/* How often a corpus's crashing notebooks were run out of order (a code
 * cell ran before the executed cell above it), overall and beside the
 * crashes the classifier calls notebook-specific: the study's claim that
 * execution order explains those crashes, checked on this corpus. */
typedef struct
{
  guint notebooks;                 /* holding a crash the filter keeps */
  guint notebooks_out_of_order;
  guint notebooks_unknown;         /* order not known (a corpus file without its cells) */
  guint crashes;
  guint crashes_out_of_order;      /* crashes in notebooks run out of order */
  guint nb_crashes;                /* of root cause NB, notebook-specific */
  guint nb_crashes_out_of_order;
  guint other_crashes;             /* every other classified root cause */
  guint other_crashes_out_of_order;
} AtlasOrderSummary;

/* Counts @corpus's crashes that @filter (nullable) keeps. A notebook whose
 * order is not known from the corpus (AtlasNotebookInfo.out_of_order -1) is
 * looked up in @out_of_order, a set of locations, when given. */
void atlas_order_summary_count (AtlasOrderSummary *summary,
                                AtlasCorpus       *corpus,
                                AtlasFilter       *filter,
                                GHashTable        *out_of_order);

G_END_DECLS
