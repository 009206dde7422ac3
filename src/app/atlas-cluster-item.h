/* atlas-cluster-item.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_CLUSTER_ITEM (atlas_cluster_item_get_type ())

G_DECLARE_FINAL_TYPE (AtlasClusterItem, atlas_cluster_item, ATLAS, CLUSTER_ITEM, GObject)

/* One group of alike messages: a row of the clusters view. */
AtlasClusterItem *atlas_cluster_item_new         (int         cluster,
                                                  const char *ename,
                                                  const char *example);
int               atlas_cluster_item_get_cluster (AtlasClusterItem *self);
guint             atlas_cluster_item_get_size    (AtlasClusterItem *self);
void              atlas_cluster_item_add_one     (AtlasClusterItem *self);
const char       *atlas_cluster_item_get_ename   (AtlasClusterItem *self);
const char       *atlas_cluster_item_get_example (AtlasClusterItem *self);

G_END_DECLS
