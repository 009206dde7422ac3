/* atlas-filtered-corpus.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-filtered-corpus"

#include "config.h"

#include "atlas-crash-index.h"
#include "atlas-filtered-corpus.h"

struct _AtlasFilteredCorpus
{
  GObject      parent_instance;

  AtlasCorpus *corpus;
  AtlasFilter *filter;
  GArray      *positions;   /* guint: corpus positions of the matching crashes */
};

static GType
atlas_filtered_corpus_get_item_type (GListModel *model)
{
  return ATLAS_TYPE_CRASH;
}

static guint
atlas_filtered_corpus_get_n_items (GListModel *model)
{
  return ATLAS_FILTERED_CORPUS (model)->positions->len;
}

static gpointer
atlas_filtered_corpus_get_item (GListModel *model,
                                guint       position)
{
  AtlasFilteredCorpus *self = ATLAS_FILTERED_CORPUS (model);

  if (position >= self->positions->len)
    return NULL;
  return g_object_ref (atlas_corpus_get_crash (self->corpus, g_array_index (self->positions, guint, position)));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_filtered_corpus_get_item_type;
  iface->get_n_items = atlas_filtered_corpus_get_n_items;
  iface->get_item = atlas_filtered_corpus_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasFilteredCorpus, atlas_filtered_corpus, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

/* Replaces the selection with @positions and announces only the span that
 * differs, so a list keeps its scroll position and selection where it can. */
static void
replace_positions (AtlasFilteredCorpus *self,
                   GArray              *positions)
{
  guint old_n = self->positions->len, new_n = positions->len;
  const guint *a = (const guint *)(gpointer)self->positions->data;
  const guint *b = (const guint *)(gpointer)positions->data;
  guint prefix = 0, suffix = 0;

  while (prefix < old_n && prefix < new_n && a[prefix] == b[prefix])
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         a[old_n - 1 - suffix] == b[new_n - 1 - suffix])
    suffix++;
  g_array_unref (self->positions);
  self->positions = g_array_ref (positions);
  if (old_n != new_n || prefix < old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix, new_n - prefix - suffix);
}

static void
reselect (AtlasFilteredCorpus *self)
{
  AtlasCrashIndex *index = _atlas_crash_index_get (self->corpus);
  g_autoptr(GArray) positions = g_array_sized_new (FALSE, FALSE, sizeof (guint), index->n);

  _atlas_crash_index_select (index, self->filter, 0, index->n, positions);
  replace_positions (self, positions);
}

static void
corpus_items_changed_cb (AtlasFilteredCorpus *self,
                         guint                position,
                         guint                removed,
                         guint                added,
                         AtlasCorpus         *corpus)
{
  AtlasCrashIndex *index;
  guint old_n = self->positions->len;

  /* A corpus only grows at its end or is cleared; anything else, and a
   * clear, is selected again from scratch. */
  if (removed > 0 || position + added != atlas_corpus_get_n_crashes (corpus))
    {
      reselect (self);
      return;
    }
  index = _atlas_crash_index_get (corpus);
  _atlas_crash_index_select (index, self->filter, position, position + added, self->positions);
  if (self->positions->len > old_n)
    g_list_model_items_changed (G_LIST_MODEL (self), old_n, 0, self->positions->len - old_n);
}

static void
atlas_filtered_corpus_dispose (GObject *object)
{
  AtlasFilteredCorpus *self = (AtlasFilteredCorpus *)object;

  if (self->corpus != NULL)
    g_signal_handlers_disconnect_by_data (self->corpus, self);
  if (self->filter != NULL)
    g_signal_handlers_disconnect_by_data (self->filter, self);
  g_clear_object (&self->corpus);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (atlas_filtered_corpus_parent_class)->dispose (object);
}

static void
atlas_filtered_corpus_finalize (GObject *object)
{
  g_array_unref (ATLAS_FILTERED_CORPUS (object)->positions);

  G_OBJECT_CLASS (atlas_filtered_corpus_parent_class)->finalize (object);
}

static void
atlas_filtered_corpus_class_init (AtlasFilteredCorpusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = atlas_filtered_corpus_dispose;
  object_class->finalize = atlas_filtered_corpus_finalize;
}

static void
atlas_filtered_corpus_init (AtlasFilteredCorpus *self)
{
  self->positions = g_array_new (FALSE, FALSE, sizeof (guint));
}

AtlasFilteredCorpus *
atlas_filtered_corpus_new (AtlasCorpus *corpus,
                           AtlasFilter *filter)
{
  AtlasFilteredCorpus *self;

  g_return_val_if_fail (ATLAS_IS_CORPUS (corpus), NULL);
  g_return_val_if_fail (ATLAS_IS_FILTER (filter), NULL);

  self = g_object_new (ATLAS_TYPE_FILTERED_CORPUS, NULL);
  self->corpus = g_object_ref (corpus);
  self->filter = g_object_ref (filter);
  g_signal_connect_object (corpus, "items-changed", G_CALLBACK (corpus_items_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (filter, "changed", G_CALLBACK (reselect), self, G_CONNECT_SWAPPED);
  reselect (self);
  return self;
}

AtlasCorpus *
atlas_filtered_corpus_get_corpus (AtlasFilteredCorpus *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTERED_CORPUS (self), NULL);
  return self->corpus;
}

AtlasFilter *
atlas_filtered_corpus_get_filter (AtlasFilteredCorpus *self)
{
  g_return_val_if_fail (ATLAS_IS_FILTERED_CORPUS (self), NULL);
  return self->filter;
}

guint
atlas_filtered_corpus_get_position (AtlasFilteredCorpus *self,
                                    guint                position)
{
  g_return_val_if_fail (ATLAS_IS_FILTERED_CORPUS (self), 0);
  g_return_val_if_fail (position < self->positions->len, 0);
  return g_array_index (self->positions, guint, position);
}
