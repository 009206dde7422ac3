/* atlas-cluster.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The study's message grouping: an error value with quoted names, numbers and
 * paths removed becomes a set of words; two messages whose sets have a
 * Jaccard similarity of at least 0.7 are joined; clusters are the connected
 * components. Candidate pairs come from an index, never from all pairs. */

#define ATLAS_CLUSTER_THRESHOLD 0.7

/* The normalised message (the words that are compared, space separated). */
char  *atlas_cluster_normalize (const char *message);

/* Returns @n_messages cluster ids, numbered 0… from the largest cluster down
 * (ties by first appearance); *@n_clusters receives their count. */
guint *atlas_cluster_messages  (const char * const *messages,
                                guint               n_messages,
                                guint              *n_clusters);

G_END_DECLS
