/* atlas-filtered-corpus.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-corpus.h"
#include "atlas-filter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FILTERED_CORPUS (atlas_filtered_corpus_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFilteredCorpus, atlas_filtered_corpus, ATLAS, FILTERED_CORPUS, GObject)

/**
 * AtlasFilteredCorpus:
 *
 * A #GListModel of #AtlasCrash: the crashes of a corpus that a filter
 * matches, in corpus order. It follows both: crashes appended to the
 * corpus are filtered on arrival (only they), a filter change selects
 * again in one pass over the corpus's crash index and emits one
 * items-changed covering what differs. Unlike a #GtkFilterListModel it
 * never asks a crash object whether it matches, so 92k crashes refilter in
 * about a millisecond, synchronously.
 */
AtlasFilteredCorpus *atlas_filtered_corpus_new           (AtlasCorpus         *corpus,
                                                          AtlasFilter         *filter);
AtlasCorpus         *atlas_filtered_corpus_get_corpus    (AtlasFilteredCorpus *self);
AtlasFilter         *atlas_filtered_corpus_get_filter    (AtlasFilteredCorpus *self);
/* The corpus position of the @position-th matching crash. */
guint                atlas_filtered_corpus_get_position  (AtlasFilteredCorpus *self,
                                                          guint                position);

G_END_DECLS
