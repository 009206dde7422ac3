/* atlas-cluster-item.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "atlas-cluster-item.h"

struct _AtlasClusterItem
{
  GObject  parent_instance;

  int      cluster;
  guint    size;
  char    *ename;
  char    *example;
};

G_DEFINE_FINAL_TYPE (AtlasClusterItem, atlas_cluster_item, G_TYPE_OBJECT)

static void
atlas_cluster_item_finalize (GObject *object)
{
  AtlasClusterItem *self = (AtlasClusterItem *)object;

  g_free (self->ename);
  g_free (self->example);

  G_OBJECT_CLASS (atlas_cluster_item_parent_class)->finalize (object);
}

static void
atlas_cluster_item_class_init (AtlasClusterItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_cluster_item_finalize;
}

static void
atlas_cluster_item_init (AtlasClusterItem *self)
{
}

AtlasClusterItem *
atlas_cluster_item_new (int         cluster,
                        const char *ename,
                        const char *example)
{
  AtlasClusterItem *self = g_object_new (ATLAS_TYPE_CLUSTER_ITEM, NULL);

  self->cluster = cluster;
  self->ename = g_strdup (ename);
  self->example = g_strdup (example);
  return self;
}

int
atlas_cluster_item_get_cluster (AtlasClusterItem *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_ITEM (self), -1);
  return self->cluster;
}

guint
atlas_cluster_item_get_size (AtlasClusterItem *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_ITEM (self), 0);
  return self->size;
}

void
atlas_cluster_item_add_one (AtlasClusterItem *self)
{
  g_return_if_fail (ATLAS_IS_CLUSTER_ITEM (self));
  self->size++;
}

const char *
atlas_cluster_item_get_ename (AtlasClusterItem *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_ITEM (self), NULL);
  return self->ename;
}

const char *
atlas_cluster_item_get_example (AtlasClusterItem *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_ITEM (self), NULL);
  return self->example;
}
