/* atlas-cluster-list.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-cluster-list"

#include "config.h"

#include <string.h>
#include <adwaita.h>
#include <glib/gi18n.h>

#include "atlas-cluster-item.h"
#include "atlas-cluster-list.h"
#include "atlas-crash.h"
#include "atlas-filtered-corpus.h"
#include "atlas-paced-model.h"

struct _AtlasClusterList
{
  GtkWidget      parent_instance;

  GtkStack      *stack;
  GtkColumnView *column_view;
  GListStore    *store;
  AtlasPacedModel *paced;   /* the store as the view gets it */
};

enum {
  CLUSTER_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasClusterList, atlas_cluster_list, GTK_TYPE_WIDGET)

typedef enum { COL_SIZE, COL_ENAME, COL_EXAMPLE, COL_ID } ColumnKind;

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          gpointer                  kind)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  if (GPOINTER_TO_INT (kind) == COL_SIZE || GPOINTER_TO_INT (kind) == COL_ID)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
    }
  gtk_list_item_set_child (item, inscription);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         gpointer                  kind)
{
  AtlasClusterItem *cluster = gtk_list_item_get_item (item);
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;
  const char *example;

  switch (GPOINTER_TO_INT (kind))
    {
    case COL_SIZE:
      text = g_strdup_printf ("%u", atlas_cluster_item_get_size (cluster));
      break;
    case COL_ID:
      text = g_strdup_printf ("%d", atlas_cluster_item_get_cluster (cluster));
      break;
    case COL_ENAME:
      text = g_strdup (atlas_cluster_item_get_ename (cluster));
      break;
    case COL_EXAMPLE:
    default:
      example = atlas_cluster_item_get_example (cluster);
      text = example != NULL ? g_strndup (example, strcspn (example, "\n")) : NULL;
      break;
    }
  gtk_inscription_set_text (inscription, text);
}

static void
add_column (AtlasClusterList *self,
            const char       *title,
            ColumnKind        kind,
            gboolean          expand,
            int               width)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) column = NULL;

  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), GINT_TO_POINTER (kind));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), GINT_TO_POINTER (kind));
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_expand (column, expand);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_fixed_width (column, width);
  gtk_column_view_append_column (self->column_view, column);
}

static void
activate_cb (AtlasClusterList *self,
             guint             position)
{
  g_autoptr(AtlasClusterItem) item = g_list_model_get_item (G_LIST_MODEL (self->paced), position);

  if (item != NULL)
    g_signal_emit (self, signals[CLUSTER_ACTIVATED], 0, atlas_cluster_item_get_cluster (item));
}

static int
compare_size (gconstpointer a,
              gconstpointer b,
              gpointer      user_data)
{
  guint x = atlas_cluster_item_get_size ((AtlasClusterItem *)a);
  guint y = atlas_cluster_item_get_size ((AtlasClusterItem *)b);

  if (x != y)
    return x < y ? 1 : -1;
  return atlas_cluster_item_get_cluster ((AtlasClusterItem *)a) -
         atlas_cluster_item_get_cluster ((AtlasClusterItem *)b);
}

static int
compare_size_ptr (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  return compare_size (*(gconstpointer *)a, *(gconstpointer *)b, user_data);
}

static void
atlas_cluster_list_dispose (GObject *object)
{
  AtlasClusterList *self = (AtlasClusterList *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_CLUSTER_LIST);
  /* The template's root has no id, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->paced);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (atlas_cluster_list_parent_class)->dispose (object);
}

static void
atlas_cluster_list_class_init (AtlasClusterListClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = atlas_cluster_list_dispose;

  signals[CLUSTER_ACTIVATED] =
    g_signal_new ("cluster-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-cluster-list.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasClusterList, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasClusterList, column_view);
  gtk_widget_class_bind_template_callback (widget_class, activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlasclusterlist");
}

static void
atlas_cluster_list_init (AtlasClusterList *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->store = g_list_store_new (ATLAS_TYPE_CLUSTER_ITEM);
  /* Every group is new after a filter change: paced, the view builds its
   * rows over a few main-loop turns instead of all at once. */
  self->paced = atlas_paced_model_new ();
  atlas_paced_model_set_model (self->paced, G_LIST_MODEL (self->store));
  gtk_column_view_set_model (self->column_view,
                             GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->paced)))));
  add_column (self, _("Crashes"), COL_SIZE, FALSE, 90);
  add_column (self, _("Exception"), COL_ENAME, FALSE, 200);
  add_column (self, _("Example message"), COL_EXAMPLE, TRUE, 400);
  add_column (self, _("Group"), COL_ID, FALSE, 70);
}

GtkWidget *
atlas_cluster_list_new (void)
{
  return g_object_new (ATLAS_TYPE_CLUSTER_LIST, NULL);
}

/* The filtered corpus lends its crashes without a reference each: 92k
 * atomic increments and decrements less per refresh. */
static AtlasCrash *
borrow_crash (AtlasFilteredCorpus *filtered,
              guint                i)
{
  return atlas_corpus_get_crash (atlas_filtered_corpus_get_corpus (filtered),
                                 atlas_filtered_corpus_get_position (filtered, i));
}

void
atlas_cluster_list_set_crashes (AtlasClusterList *self,
                                GListModel       *crashes)
{
  g_autoptr(GHashTable) groups = g_hash_table_new_full (NULL, NULL, NULL, g_object_unref);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (crashes);
  gboolean borrowed = ATLAS_IS_FILTERED_CORPUS (crashes);
  GHashTableIter iter;
  gpointer value;

  g_return_if_fail (ATLAS_IS_CLUSTER_LIST (self));

  for (guint i = 0; i < n; i++)
    {
      AtlasCrash *crash = borrowed ? borrow_crash (ATLAS_FILTERED_CORPUS (crashes), i)
                                   : g_list_model_get_item (crashes, i);
      int cluster = atlas_crash_get_cluster (crash);
      AtlasClusterItem *item;

      /* A crash's group is its cluster + 1: 0 stays free for "no group". */
      if (cluster >= 0)
        {
          item = g_hash_table_lookup (groups, GINT_TO_POINTER (cluster + 1));
          if (item == NULL)
            {
              item = atlas_cluster_item_new (cluster, atlas_crash_get_ename (crash), atlas_crash_get_evalue (crash));
              g_hash_table_insert (groups, GINT_TO_POINTER (cluster + 1), item);
            }
          atlas_cluster_item_add_one (item);
        }
      if (!borrowed)
        g_object_unref (crash);
    }

  g_hash_table_iter_init (&iter, groups);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (items, value);
  g_ptr_array_sort_with_data (items, (GCompareDataFunc)compare_size_ptr, NULL);
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)),
                       items->pdata, items->len);
  gtk_stack_set_visible_child_name (self->stack, items->len > 0 ? "list" : "empty");
}

GListModel *
atlas_cluster_list_get_model (AtlasClusterList *self)
{
  g_return_val_if_fail (ATLAS_IS_CLUSTER_LIST (self), NULL);
  return G_LIST_MODEL (self->store);
}
