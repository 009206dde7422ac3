/* atlas-store-labels.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-store.h"

G_BEGIN_DECLS

/* The labeling sample and the hand labels a corpus file keeps (issue 18).
 * Both name a crash by its notebook's location and its 0-based cell. Unlike
 * notebooks, they are written on the caller's thread and committed before
 * the call returns: a process killed right after loses nothing. */

/* One crash of the labeling sample. */
typedef struct
{
  char   *location;
  guint   cell;
  char   *stratum;   /* "cluster 17", "kaggle", "all" */
  double  weight;    /* crashes of the corpus this one stands for (1 / inclusion probability) */
} AtlasSampleItem;

AtlasSampleItem *atlas_sample_item_new  (const char *location,
                                         guint       cell,
                                         const char *stratum,
                                         double      weight);
void             atlas_sample_item_free (AtlasSampleItem *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasSampleItem, atlas_sample_item_free)

/* One rater's labels for one crash. @labels' evidence is not used. */
typedef struct
{
  char                *location;
  guint                cell;
  char                *rater;
  AtlasClassification  labels;
  char                *note;        /* or NULL */
  gint64               labeled_at;  /* Unix time, seconds */
} AtlasHandLabel;

AtlasHandLabel *atlas_hand_label_new  (const char *location,
                                       guint       cell,
                                       const char *rater);
AtlasHandLabel *atlas_hand_label_copy (const AtlasHandLabel *label);
void            atlas_hand_label_free (AtlasHandLabel *label);
/* The label's identifier on @dimension ("VNF", "pandas"), or NULL. */
const char     *atlas_hand_label_get_id (const AtlasHandLabel *label,
                                         AtlasDimension        dimension);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (AtlasHandLabel, atlas_hand_label_free)

/* Replaces the stored sample (element-type AtlasSampleItem, in labeling
 * order) and records how it was drawn, in one transaction. Hand labels stay. */
gboolean   atlas_store_replace_sample   (AtlasStore  *self,
                                         const char  *design,
                                         guint32      seed,
                                         GPtrArray   *items,
                                         GError     **error);
/* (element-type AtlasSampleItem) the stored sample in labeling order, empty
 * when none was drawn; @design and @seed (optional) say how it was drawn. */
GPtrArray *atlas_store_dup_sample       (AtlasStore  *self,
                                         char       **design,
                                         guint32     *seed,
                                         GError     **error);

/* Stores @label (replacing that rater's earlier label of the crash) and
 * commits. */
gboolean   atlas_store_put_hand_label   (AtlasStore            *self,
                                         const AtlasHandLabel  *label,
                                         GError               **error);
/* The same for many labels (element-type AtlasHandLabel) in one transaction:
 * all or none. */
gboolean   atlas_store_put_hand_labels  (AtlasStore  *self,
                                         GPtrArray   *labels,
                                         GError     **error);
/* (element-type AtlasHandLabel) the labels of @rater, or of every rater when
 * NULL, ordered by rater, location and cell. */
GPtrArray *atlas_store_dup_hand_labels  (AtlasStore  *self,
                                         const char  *rater,
                                         GError     **error);
/* The raters who labeled something, sorted; NULL-terminated. */
char     **atlas_store_dup_raters       (AtlasStore  *self,
                                         GError     **error);

G_END_DECLS
