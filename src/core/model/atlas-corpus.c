/* atlas-corpus.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-corpus"

#include "config.h"

#include "atlas-corpus.h"

struct _AtlasCorpus
{
  GObject     parent_instance;

  GPtrArray  *notebooks;   /* AtlasNotebookInfo */
  GHashTable *by_location; /* location -> AtlasNotebookInfo (borrowed) */
  GPtrArray  *crashes;     /* AtlasCrash */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasCorpus, atlas_corpus, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  PROP_0,
  PROP_N_NOTEBOOKS,
  PROP_N_CRASHES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

AtlasNotebookInfo *
atlas_notebook_info_new_from_notebook (AtlasNotebook *notebook)
{
  AtlasNotebookInfo *info = g_new0 (AtlasNotebookInfo, 1);

  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (notebook), NULL);

  info->location = g_strdup (atlas_notebook_get_location (notebook));
  info->url = g_strdup (atlas_notebook_get_url (notebook));
  info->platform = atlas_notebook_get_platform (notebook);
  info->status = atlas_notebook_was_executed (notebook) ? ATLAS_NOTEBOOK_STATUS_OK
                                                         : ATLAS_NOTEBOOK_STATUS_NOT_EXECUTED;
  info->packages = g_strdupv ((char **)atlas_notebook_get_packages (notebook));
  info->n_cells = atlas_notebook_get_n_cells (notebook);
  info->n_crashes = atlas_notebook_get_crashes (notebook)->len;
  info->size = atlas_notebook_get_size (notebook);
  info->content_hash = g_strdup (atlas_notebook_get_content_hash (notebook));
  {
    GArray *anomalies = atlas_notebook_get_order_anomalies (notebook);

    /* A count lower than the executed cell above it: that cell ran later. */
    for (guint i = 0; anomalies != NULL && i < anomalies->len && !info->out_of_order; i++)
      info->out_of_order = g_array_index (anomalies, AtlasOrderAnomaly, i).kind == ATLAS_ORDER_DECREASE;
  }

  return info;
}

AtlasNotebookInfo *
atlas_notebook_info_new_failed (const char          *location,
                                AtlasPlatform        platform,
                                AtlasNotebookStatus  status,
                                const char          *message)
{
  AtlasNotebookInfo *info = g_new0 (AtlasNotebookInfo, 1);

  info->location = g_strdup (location);
  info->platform = platform;
  info->status = status;
  info->message = g_strdup (message);
  info->packages = g_new0 (char *, 1);

  return info;
}

void
atlas_notebook_info_free (AtlasNotebookInfo *info)
{
  if (info == NULL)
    return;

  g_free (info->location);
  g_free (info->url);
  g_free (info->message);
  g_strfreev (info->packages);
  g_free (info->content_hash);
  g_free (info->duplicate_of);
  g_free (info);
}

static GType
atlas_corpus_get_item_type (GListModel *model)
{
  return ATLAS_TYPE_CRASH;
}

static guint
atlas_corpus_get_n_items (GListModel *model)
{
  return ATLAS_CORPUS (model)->crashes->len;
}

static gpointer
atlas_corpus_get_item (GListModel *model,
                       guint       position)
{
  AtlasCorpus *self = ATLAS_CORPUS (model);

  if (position >= self->crashes->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->crashes, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_corpus_get_item_type;
  iface->get_n_items = atlas_corpus_get_n_items;
  iface->get_item = atlas_corpus_get_item;
}

static void
atlas_corpus_finalize (GObject *object)
{
  AtlasCorpus *self = (AtlasCorpus *)object;

  g_hash_table_unref (self->by_location);
  g_ptr_array_unref (self->notebooks);
  g_ptr_array_unref (self->crashes);

  G_OBJECT_CLASS (atlas_corpus_parent_class)->finalize (object);
}

static void
atlas_corpus_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  AtlasCorpus *self = ATLAS_CORPUS (object);

  switch (prop_id)
    {
    case PROP_N_NOTEBOOKS:
      g_value_set_uint (value, self->notebooks->len);
      break;
    case PROP_N_CRASHES:
      g_value_set_uint (value, self->crashes->len);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_corpus_class_init (AtlasCorpusClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = atlas_corpus_finalize;
  object_class->get_property = atlas_corpus_get_property;

  properties[PROP_N_NOTEBOOKS] =
    g_param_spec_uint ("n-notebooks", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_CRASHES] =
    g_param_spec_uint ("n-crashes", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
atlas_corpus_init (AtlasCorpus *self)
{
  self->notebooks = g_ptr_array_new_with_free_func ((GDestroyNotify)atlas_notebook_info_free);
  self->by_location = g_hash_table_new (g_str_hash, g_str_equal);
  self->crashes = g_ptr_array_new_with_free_func (g_object_unref);
}

AtlasCorpus *
atlas_corpus_new (void)
{
  return g_object_new (ATLAS_TYPE_CORPUS, NULL);
}

void
atlas_corpus_add (AtlasCorpus       *self,
                  AtlasNotebookInfo *info,
                  GPtrArray         *crashes)
{
  guint position;
  guint n_added = crashes != NULL ? crashes->len : 0;

  g_return_if_fail (ATLAS_IS_CORPUS (self));
  g_return_if_fail (info != NULL);

  g_ptr_array_add (self->notebooks, info);
  g_hash_table_replace (self->by_location, info->location, info);

  position = self->crashes->len;
  for (guint i = 0; i < n_added; i++)
    g_ptr_array_add (self->crashes, g_object_ref (g_ptr_array_index (crashes, i)));

  if (n_added > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, n_added);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NOTEBOOKS]);
  if (n_added > 0)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CRASHES]);
}

void
atlas_corpus_take_contents (AtlasCorpus *self,
                            AtlasCorpus *from)
{
  g_autofree gpointer *notebooks = NULL;
  g_autofree gpointer *crashes = NULL;
  gsize n_notebooks, n_crashes;
  guint position;

  g_return_if_fail (ATLAS_IS_CORPUS (self));
  g_return_if_fail (ATLAS_IS_CORPUS (from));
  g_return_if_fail (self != from);

  /* References and infos change owner: nothing is copied. */
  g_hash_table_remove_all (from->by_location);
  notebooks = g_ptr_array_steal (from->notebooks, &n_notebooks);
  crashes = g_ptr_array_steal (from->crashes, &n_crashes);
  if (n_crashes > 0)
    g_list_model_items_changed (G_LIST_MODEL (from), 0, (guint)n_crashes, 0);

  for (gsize i = 0; i < n_notebooks; i++)
    {
      AtlasNotebookInfo *info = notebooks[i];

      g_ptr_array_add (self->notebooks, info);
      g_hash_table_replace (self->by_location, info->location, info);
    }
  position = self->crashes->len;
  for (gsize i = 0; i < n_crashes; i++)
    g_ptr_array_add (self->crashes, crashes[i]);

  if (n_crashes > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), position, 0, (guint)n_crashes);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NOTEBOOKS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CRASHES]);
}

void
atlas_corpus_clear (AtlasCorpus *self)
{
  guint n_removed;

  g_return_if_fail (ATLAS_IS_CORPUS (self));

  n_removed = self->crashes->len;
  g_hash_table_remove_all (self->by_location);
  g_ptr_array_set_size (self->notebooks, 0);
  g_ptr_array_set_size (self->crashes, 0);

  if (n_removed > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, n_removed, 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_NOTEBOOKS]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_CRASHES]);
}

guint
atlas_corpus_get_n_notebooks (AtlasCorpus *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS (self), 0);
  return self->notebooks->len;
}

const AtlasNotebookInfo *
atlas_corpus_get_notebook (AtlasCorpus *self,
                           guint        index)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS (self), NULL);
  g_return_val_if_fail (index < self->notebooks->len, NULL);
  return g_ptr_array_index (self->notebooks, index);
}

const AtlasNotebookInfo *
atlas_corpus_find_notebook (AtlasCorpus *self,
                            const char  *location)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS (self), NULL);
  return g_hash_table_lookup (self->by_location, location);
}

guint
atlas_corpus_get_n_crashes (AtlasCorpus *self)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS (self), 0);
  return self->crashes->len;
}

AtlasCrash *
atlas_corpus_get_crash (AtlasCorpus *self,
                        guint        index)
{
  g_return_val_if_fail (ATLAS_IS_CORPUS (self), NULL);
  g_return_val_if_fail (index < self->crashes->len, NULL);
  return g_ptr_array_index (self->crashes, index);
}
