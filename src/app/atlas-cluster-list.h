/* atlas-cluster-list.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define ATLAS_TYPE_CLUSTER_LIST (atlas_cluster_list_get_type ())

G_DECLARE_FINAL_TYPE (AtlasClusterList, atlas_cluster_list, ATLAS, CLUSTER_LIST, GtkWidget)

/* Message groups by size with an example message; activating one emits
 * "cluster-activated" with its number. */
GtkWidget  *atlas_cluster_list_new        (void);
/* Regroups @crashes (element-type AtlasCrash); call when clusters change. */
void        atlas_cluster_list_set_crashes (AtlasClusterList *self,
                                            GListModel       *crashes);
GListModel *atlas_cluster_list_get_model   (AtlasClusterList *self);

G_END_DECLS
