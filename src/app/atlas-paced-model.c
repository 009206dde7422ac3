/* atlas-paced-model.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-paced-model"

#include "config.h"

#include "atlas-paced-model.h"

/* Rows passed on per main-loop turn (about 6 ms of widgets), and how many
 * leading rows are paced at all: past them GTK 4.8 builds no widgets
 * unless the list is scrolled there. */
#define STEP_ROWS  32
#define PACED_ROWS 320

struct _AtlasPacedModel
{
  GObject     parent_instance;

  GListModel *model;
  /* The first rows, as shown: in step with the model up to dirty_from,
   * older items (still on screen) after it. */
  GPtrArray  *head;
  guint       dirty_from;
  /* Once the head is in step: the model's items after it, passed through. */
  guint       n_tail;
  guint       step_id;
};

static GType
atlas_paced_model_get_item_type (GListModel *list)
{
  AtlasPacedModel *self = ATLAS_PACED_MODEL (list);

  return self->model != NULL ? g_list_model_get_item_type (self->model) : G_TYPE_OBJECT;
}

static guint
atlas_paced_model_get_n_items (GListModel *list)
{
  AtlasPacedModel *self = ATLAS_PACED_MODEL (list);

  return self->head->len + self->n_tail;
}

static gpointer
atlas_paced_model_get_item (GListModel *list,
                            guint       position)
{
  AtlasPacedModel *self = ATLAS_PACED_MODEL (list);

  if (position < self->head->len)
    return g_object_ref (g_ptr_array_index (self->head, position));
  if (position < self->head->len + self->n_tail)
    return g_list_model_get_item (self->model, position);
  return NULL;
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_paced_model_get_item_type;
  iface->get_n_items = atlas_paced_model_get_n_items;
  iface->get_item = atlas_paced_model_get_item;
}

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasPacedModel, atlas_paced_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static guint
source_n_items (AtlasPacedModel *self)
{
  return self->model != NULL ? g_list_model_get_n_items (self->model) : 0;
}

static gboolean
head_in_step (AtlasPacedModel *self)
{
  return self->dirty_from == self->head->len && self->head->len == MIN (source_n_items (self), PACED_ROWS);
}

static gboolean step_cb (gpointer user_data);

static void
schedule_step (AtlasPacedModel *self)
{
  if (self->step_id == 0 && !head_in_step (self))
    self->step_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, step_cb, self, NULL);
}

/* A list view tells items apart by identity: an item coming in must not
 * also be among the old rows still shown after @from. */
static void
drop_stale_duplicates (AtlasPacedModel *self,
                       guint            from,
                       GPtrArray       *incoming)
{
  g_autoptr(GHashTable) set = g_hash_table_new (NULL, NULL);

  for (guint i = 0; i < incoming->len; i++)
    g_hash_table_add (set, incoming->pdata[i]);
  for (guint i = self->head->len; i-- > from;)
    if (g_hash_table_contains (set, g_ptr_array_index (self->head, i)))
      {
        g_ptr_array_remove_index (self->head, i);
        g_list_model_items_changed (G_LIST_MODEL (self), i, 1, 0);
      }
}

/* Brings up to STEP_ROWS head rows in step: that many old rows out, that
 * many new ones in. Rows of an old head longer than the new one go when
 * the new one is complete; then the tail joins in one go. */
static void
step (AtlasPacedModel *self)
{
  guint k = self->dirty_from;
  guint target = MIN (source_n_items (self), PACED_ROWS);
  guint n_old = MIN (STEP_ROWS, self->head->len - k);
  guint n_new = MIN (STEP_ROWS, target - k);

  g_autoptr(GPtrArray) incoming = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < n_new; i++)
    g_ptr_array_add (incoming, g_list_model_get_item (self->model, k + i));
  drop_stale_duplicates (self, k + n_old, incoming);
  g_ptr_array_remove_range (self->head, k, n_old);
  for (guint i = 0; i < n_new; i++)
    g_ptr_array_insert (self->head, k + i, g_object_ref (incoming->pdata[i]));
  self->dirty_from = k + n_new;
  if (self->dirty_from == target && self->head->len > target)
    {
      n_old += self->head->len - target;
      g_ptr_array_set_size (self->head, target);
    }
  if (n_old > 0 || n_new > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), k, n_old, n_new);
  if (head_in_step (self) && source_n_items (self) > target)
    {
      self->n_tail = source_n_items (self) - target;
      g_list_model_items_changed (G_LIST_MODEL (self), target, 0, self->n_tail);
    }
}

static gboolean
step_cb (gpointer user_data)
{
  AtlasPacedModel *self = user_data;

  self->step_id = 0;
  if (self->model != NULL)
    step (self);
  schedule_step (self);
  return G_SOURCE_REMOVE;
}

static void
model_items_changed_cb (AtlasPacedModel *self,
                        guint            position,
                        guint            removed,
                        guint            added,
                        GListModel      *model)
{
  guint h = self->head->len;

  /* Past a head in step, rows pass straight through (a scan's new crashes
   * at the end). */
  if (position >= h && self->dirty_from == h && h == PACED_ROWS)
    {
      self->n_tail = self->n_tail - removed + added;
      g_list_model_items_changed (G_LIST_MODEL (self), position, removed, added);
      return;
    }
  /* Else the tail goes (no widgets show it unless scrolled there) and the
   * head catches up step by step from the first changed row. */
  if (self->n_tail > 0)
    {
      guint n = self->n_tail;

      self->n_tail = 0;
      g_list_model_items_changed (G_LIST_MODEL (self), h, n, 0);
    }
  self->dirty_from = MIN (self->dirty_from, position);
  if (removed <= STEP_ROWS && added <= STEP_ROWS && self->dirty_from == position)
    step (self);
  schedule_step (self);
}

void
atlas_paced_model_set_model (AtlasPacedModel *self,
                             GListModel      *model)
{
  guint old;

  g_return_if_fail (ATLAS_IS_PACED_MODEL (self));
  g_return_if_fail (model == NULL || G_IS_LIST_MODEL (model));

  if (self->model == model)
    return;
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_set_object (&self->model, model);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (model_items_changed_cb),
                             self, G_CONNECT_SWAPPED);
  old = self->head->len + self->n_tail;
  g_ptr_array_set_size (self->head, 0);
  self->n_tail = 0;
  self->dirty_from = 0;
  if (old > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old, 0);
  if (model != NULL)
    step (self);
  schedule_step (self);
}

gboolean
atlas_paced_model_get_pending (AtlasPacedModel *self)
{
  g_return_val_if_fail (ATLAS_IS_PACED_MODEL (self), FALSE);
  return self->model != NULL &&
         (!head_in_step (self) || self->head->len + self->n_tail < source_n_items (self));
}

static void
atlas_paced_model_dispose (GObject *object)
{
  AtlasPacedModel *self = (AtlasPacedModel *)object;

  g_clear_handle_id (&self->step_id, g_source_remove);
  if (self->model != NULL)
    g_signal_handlers_disconnect_by_func (self->model, model_items_changed_cb, self);
  g_clear_object (&self->model);
  g_ptr_array_set_size (self->head, 0);

  G_OBJECT_CLASS (atlas_paced_model_parent_class)->dispose (object);
}

static void
atlas_paced_model_finalize (GObject *object)
{
  g_ptr_array_unref (ATLAS_PACED_MODEL (object)->head);

  G_OBJECT_CLASS (atlas_paced_model_parent_class)->finalize (object);
}

static void
atlas_paced_model_class_init (AtlasPacedModelClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = atlas_paced_model_dispose;
  G_OBJECT_CLASS (klass)->finalize = atlas_paced_model_finalize;
}

static void
atlas_paced_model_init (AtlasPacedModel *self)
{
  self->head = g_ptr_array_new_with_free_func (g_object_unref);
}

AtlasPacedModel *
atlas_paced_model_new (void)
{
  return g_object_new (ATLAS_TYPE_PACED_MODEL, NULL);
}
