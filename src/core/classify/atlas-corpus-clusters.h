/* atlas-corpus-clusters.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-corpus.h"

G_BEGIN_DECLS

/* Groups the messages of all crashes of @self (atlas-cluster.h) and sets
 * each crash's cluster; returns the number of clusters. Whoever loads a
 * corpus calls it after adding a batch: the numbers change as crashes are
 * added. (It lives here, not in the model, so that the model does not call
 * up into classification.) */
guint atlas_corpus_update_clusters (AtlasCorpus *self);

G_END_DECLS
