/* atlas-order-summary.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-order-summary.h"

static int
notebook_order (const AtlasNotebookInfo *info,
                GHashTable              *out_of_order)
{
  if (info->out_of_order >= 0)
    return info->out_of_order;
  if (out_of_order == NULL)
    return -1;
  return g_hash_table_contains (out_of_order, info->location);
}

void
atlas_order_summary_count (AtlasOrderSummary *summary,
                           AtlasCorpus       *corpus,
                           AtlasFilter       *filter,
                           GHashTable        *out_of_order)
{
  guint n_crashes, position = 0;

  g_return_if_fail (summary != NULL);
  g_return_if_fail (ATLAS_IS_CORPUS (corpus));
  g_return_if_fail (filter == NULL || ATLAS_IS_FILTER (filter));

  memset (summary, 0, sizeof *summary);
  n_crashes = atlas_corpus_get_n_crashes (corpus);
  /* A notebook's crashes follow one another in the corpus, in its order. */
  for (guint n = 0; n < atlas_corpus_get_n_notebooks (corpus) && position < n_crashes; n++)
    {
      const AtlasNotebookInfo *info = atlas_corpus_get_notebook (corpus, n);
      int order = notebook_order (info, out_of_order);
      guint kept = 0;

      for (guint i = 0; i < info->n_crashes && position < n_crashes; i++)
        {
          AtlasCrash *crash = atlas_corpus_get_crash (corpus, position++);
          const AtlasClassification *c = atlas_crash_get_classification (crash);

          if (filter != NULL && !atlas_filter_matches (filter, crash))
            continue;
          kept++;
          summary->crashes++;
          summary->crashes_out_of_order += order == 1;
          if (c->root_cause == ATLAS_ROOT_CAUSE_NB)
            {
              summary->nb_crashes++;
              summary->nb_crashes_out_of_order += order == 1;
            }
          else if (c->root_cause != ATLAS_ROOT_CAUSE_UNSET)
            {
              summary->other_crashes++;
              summary->other_crashes_out_of_order += order == 1;
            }
        }
      if (kept == 0)
        continue;
      summary->notebooks++;
      summary->notebooks_out_of_order += order == 1;
      summary->notebooks_unknown += order < 0;
    }
}
