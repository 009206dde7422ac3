/* atlas-corpus-clusters.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-corpus-clusters"

#include "config.h"

#include "atlas-cluster.h"
#include "atlas-corpus-clusters.h"

guint
atlas_corpus_update_clusters (AtlasCorpus *self)
{
  g_autofree const char **messages = NULL;
  g_autofree guint *clusters = NULL;
  guint n_crashes;
  guint n_clusters = 0;

  g_return_val_if_fail (ATLAS_IS_CORPUS (self), 0);

  n_crashes = atlas_corpus_get_n_crashes (self);
  messages = g_new (const char *, MAX (n_crashes, 1));
  for (guint i = 0; i < n_crashes; i++)
    messages[i] = atlas_crash_get_evalue (atlas_corpus_get_crash (self, i));
  clusters = atlas_cluster_messages (messages, n_crashes, &n_clusters);
  for (guint i = 0; i < n_crashes; i++)
    atlas_crash_set_cluster (atlas_corpus_get_crash (self, i), (int)clusters[i]);
  return n_clusters;
}
