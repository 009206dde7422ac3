/* atlas-research-page.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-corpus.h"
#include "atlas-label-view.h"
#include "atlas-store.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_RESEARCH_PAGE (atlas_research_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasResearchPage, atlas_research_page, ATLAS, RESEARCH_PAGE, GtkWidget)

/* The "Hand Labels" page: draws the labeling sample and labels it (or any
 * crash) with an AtlasLabelView. Labels and the sample live in the corpus
 * file; without one the page says how to get one. */
GtkWidget      *atlas_research_page_new            (void);
/* Reads the sample and the rater's labels from @store (NULL: none). */
void            atlas_research_page_set_corpus     (AtlasResearchPage *self,
                                                    AtlasCorpus       *corpus,
                                                    AtlasStore        *store);
void            atlas_research_page_set_rater      (AtlasResearchPage *self,
                                                    const char        *rater);
/* Labels @crash next, outside the sample's order. */
void            atlas_research_page_label_crash    (AtlasResearchPage *self,
                                                    AtlasCrash        *crash);
/* Back to labeling the sample. */
void            atlas_research_page_label_sample   (AtlasResearchPage *self);
/* (transfer none) "CELL:LOCATION" → AtlasHandLabel of the rater. */
GHashTable     *atlas_research_page_get_labels     (AtlasResearchPage *self);
/* (transfer none) (element-type AtlasSampleItem) the stored sample. */
GPtrArray      *atlas_research_page_get_sample     (AtlasResearchPage *self);
AtlasLabelView *atlas_research_page_get_label_view (AtlasResearchPage *self);
/* Draws and stores a sample, as `crash-atlas sample` does. */
gboolean        atlas_research_page_draw_sample    (AtlasResearchPage *self,
                                                    guint              size,
                                                    guint              design,
                                                    guint32            seed,
                                                    GError           **error);

G_END_DECLS
