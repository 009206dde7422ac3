/* atlas-crash-list.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-crash-list"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "atlas-crash-list.h"
#include "atlas-label-view.h"
#include "atlas-paced-model.h"
#include "atlas-store-labels.h"

/* Searching 92,542 rows on every key press would stutter; wait for a pause. */
#define SEARCH_DELAY_MS 250

struct _AtlasCrashList
{
  GtkWidget           parent_instance;

  GtkSearchEntry     *search_entry;
  GtkLabel           *count_label;
  GtkColumnView      *column_view;
  GtkDropDown        *label_filter_drop;

  GtkFilterListModel *search_model;
  GtkCustomFilter    *search_filter;
  GtkSortListModel   *sort_model;
  AtlasPacedModel    *paced_model;  /* between the sorted rows and the view */
  GtkSingleSelection *selection;
  char               *needle;       /* casefolded search text, or NULL */

  GHashTable         *hand_labels;  /* atlas_label_key() → AtlasHandLabel, or NULL */
  GHashTable         *hand_items;   /* the bound GtkListItems of the Hand column */
  gboolean            filtering;    /* search_filter has its function */
};

/* What the label filter (the drop-down beside the search) lets through, in
 * the order of its items. */
typedef enum
{
  LABEL_FILTER_ALL,
  LABEL_FILTER_MANUAL,
  LABEL_FILTER_AUTOMATIC,
  LABEL_FILTER_DISAGREEING,
} LabelFilter;

enum {
  PROP_0,
  PROP_SELECTED_CRASH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (AtlasCrashList, atlas_crash_list, GTK_TYPE_WIDGET)

typedef struct
{
  const char *title;
  const char *(*get_text) (AtlasCrash *crash);
  int         (*get_number) (AtlasCrash *crash);
  gboolean    expand;
  int         width;           /* fixed width in pixels, or -1 */
  gboolean    live;            /* changes after the row is shown (clusters) */
  int         dimension;       /* the label's AtlasDimension, or -1 */
  gboolean    hand;            /* the hand labels' column: drawn from the list's labels */
} Column;

static const char *
get_notebook (AtlasCrash *crash)
{
  const char *location = atlas_crash_get_location (crash);
  const char *slash = strrchr (location, '/');

  return slash != NULL && slash[1] != '\0' ? slash + 1 : location;
}

static int
get_cell (AtlasCrash *crash)
{
  return (int)atlas_crash_get_cell (crash);
}

#define LABEL_GETTER(name, dim) \
  static const char *name (AtlasCrash *crash) { return atlas_crash_get_label_id (crash, dim); }
LABEL_GETTER (get_crash_type, ATLAS_DIMENSION_CRASH_TYPE)
LABEL_GETTER (get_root_cause, ATLAS_DIMENSION_ROOT_CAUSE)
LABEL_GETTER (get_stage, ATLAS_DIMENSION_STAGE)
LABEL_GETTER (get_library, ATLAS_DIMENSION_LIBRARY)
LABEL_GETTER (get_bug, ATLAS_DIMENSION_ML_BUG)
#undef LABEL_GETTER

static const Column columns[] = {
  { N_("Notebook"), get_notebook, NULL, FALSE, 190, FALSE, -1 },
  { N_("Cell"), NULL, get_cell, FALSE, 48, FALSE, -1 },
  { N_("Exception"), atlas_crash_get_ename, NULL, FALSE, 150, FALSE, -1 },
  { N_("Message"), atlas_crash_get_evalue, NULL, TRUE, 220, FALSE, -1 },
  { N_("Type"), get_crash_type, NULL, FALSE, 72, FALSE, ATLAS_DIMENSION_CRASH_TYPE },
  { N_("Cause"), get_root_cause, NULL, FALSE, 64, FALSE, ATLAS_DIMENSION_ROOT_CAUSE },
  { N_("Stage"), get_stage, NULL, FALSE, 64, FALSE, ATLAS_DIMENSION_STAGE },
  { N_("Bug"), get_bug, NULL, FALSE, 48, FALSE, ATLAS_DIMENSION_ML_BUG },
  { N_("Library"), get_library, NULL, FALSE, 90, FALSE, ATLAS_DIMENSION_LIBRARY },
  { N_("Group"), NULL, atlas_crash_get_cluster, FALSE, 60, TRUE, -1 },
  /* Translators: the crash list's column that says whether a crash has hand labels */
  { N_("Hand"), NULL, NULL, FALSE, 96, FALSE, -1, TRUE },
};

/* The rater's labels of @crash, or NULL. */
static const AtlasHandLabel *
lookup_hand_label (AtlasCrashList *self,
                   AtlasCrash     *crash)
{
  g_autofree char *key = NULL;

  if (self->hand_labels == NULL || g_hash_table_size (self->hand_labels) == 0)
    return NULL;
  key = atlas_label_key (atlas_crash_get_location (crash), atlas_crash_get_cell (crash));
  return g_hash_table_lookup (self->hand_labels, key);
}

/* On how many dimensions @crash's hand labels differ from its automatic
 * ones (a dimension left unlabeled by hand does not differ), or -1 when it
 * has none. */
static int
count_disagreements (AtlasCrashList *self,
                     AtlasCrash     *crash)
{
  const AtlasHandLabel *label = lookup_hand_label (self, crash);
  int n = 0;

  if (label == NULL)
    return -1;
  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    {
      const char *hand = atlas_hand_label_get_id (label, d);

      if (hand != NULL && g_strcmp0 (hand, atlas_crash_get_label_id (crash, d)) != 0)
        n++;
    }
  return n;
}

static char *
hand_text (AtlasCrashList *self,
           AtlasCrash     *crash)
{
  int n = count_disagreements (self, crash);

  if (n < 0)
    return g_strdup ("");
  if (n == 0)
    /* Translators: the crash's hand labels equal its automatic ones */
    return g_strdup (_("agrees"));
  /* Translators: the crash's hand labels differ from its automatic ones on %d of the five dimensions */
  return g_strdup_printf (ngettext ("differs on %d", "differs on %d", n), n);
}

static char *
column_text (AtlasCrashList *self,
             const Column   *column,
             AtlasCrash     *crash)
{
  const char *text;

  if (column->hand)
    return hand_text (self, crash);
  if (column->get_number != NULL)
    {
      int n = column->get_number (crash);
      return n < 0 ? g_strdup ("—") : g_strdup_printf ("%d", n);
    }
  text = column->get_text (crash);
  if (text == NULL)
    return g_strdup ("—");
  /* A label its rule often gets wrong is marked so (the cell view says why). */
  if (column->dimension >= 0
      && atlas_crash_get_classification (crash)->confidence[column->dimension] == ATLAS_CONFIDENCE_LOW)
    /* Translators: a label of low confidence in the crash list, e.g. "VNF?" */
    return g_strdup_printf (_("%s?"), text);
  /* One line per row: the full message is in the cell view. */
  return g_strndup (text, strcspn (text, "\n"));
}

static void
setup_cb (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          const Column             *column)
{
  /* GtkInscription takes the text as plain text, never as markup, and keeps
   * 92,542-row scrolling cheap. */
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription),
                                     GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), column->get_number ? 4 : 12);
  if (column->get_number != NULL)
    {
      gtk_inscription_set_xalign (GTK_INSCRIPTION (inscription), 1.0);
      gtk_widget_add_css_class (inscription, "numeric");
    }
  gtk_list_item_set_child (item, inscription);
}

static void
update_text (GtkListItem *item)
{
  const Column *column = g_object_get_data (G_OBJECT (item), "column");
  AtlasCrashList *self = g_object_get_data (G_OBJECT (item), "crash-list");
  AtlasCrash *crash = gtk_list_item_get_item (item);
  g_autofree char *text = NULL;

  if (crash == NULL)
    return;
  text = column_text (self, column, crash);
  gtk_inscription_set_text (GTK_INSCRIPTION (gtk_list_item_get_child (item)), text);
}

static void
bind_cb (GtkSignalListItemFactory *factory,
         GtkListItem              *item,
         const Column             *column)
{
  AtlasCrashList *self = g_object_get_data (G_OBJECT (factory), "crash-list");

  g_object_set_data (G_OBJECT (item), "column", (gpointer)column);
  g_object_set_data (G_OBJECT (item), "crash-list", self);
  /* The hand labels change while the row is shown: the list redraws the
   * column's bound rows when they do. */
  if (column->hand)
    g_hash_table_add (self->hand_items, item);
  update_text (item);
  if (column->live)
    g_signal_connect_object (gtk_list_item_get_item (item), "notify::cluster",
                             G_CALLBACK (update_text), item, G_CONNECT_SWAPPED);
}

static void
unbind_cb (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           const Column             *column)
{
  AtlasCrashList *self = g_object_get_data (G_OBJECT (factory), "crash-list");

  if (column->hand)
    g_hash_table_remove (self->hand_items, item);
  if (column->live && gtk_list_item_get_item (item) != NULL)
    g_signal_handlers_disconnect_by_func (gtk_list_item_get_item (item), update_text, item);
}

static int
compare_cb (gconstpointer a,
            gconstpointer b,
            gpointer      user_data)
{
  const Column *column = user_data;
  AtlasCrash *x = (AtlasCrash *)a, *y = (AtlasCrash *)b;

  if (column->hand)
    return 0;  /* sorted by hand_compare_cb(), which knows the list */
  if (column->get_number != NULL)
    {
      int nx = column->get_number (x), ny = column->get_number (y);
      return (nx > ny) - (nx < ny);
    }
  return g_strcmp0 (column->get_text (x), column->get_text (y));
}

/* Unlabeled, then agreeing, then by how much they differ. */
static int
hand_compare_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  AtlasCrashList *self = user_data;
  int nx = count_disagreements (self, (AtlasCrash *)a);
  int ny = count_disagreements (self, (AtlasCrash *)b);

  return (nx > ny) - (nx < ny);
}

static void
add_columns (AtlasCrashList *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    {
      const Column *column = &columns[i];
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) view_column = NULL;
      GtkSorter *sorter;

      g_object_set_data (G_OBJECT (factory), "crash-list", self);
      g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), (gpointer)column);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), (gpointer)column);
      g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), (gpointer)column);
      view_column = gtk_column_view_column_new (_(column->title), factory);
      if (column->hand)
        sorter = GTK_SORTER (gtk_custom_sorter_new (hand_compare_cb, self, NULL));
      else
        sorter = GTK_SORTER (gtk_custom_sorter_new (compare_cb, (gpointer)column, NULL));
      gtk_column_view_column_set_sorter (view_column, sorter);
      g_object_unref (sorter);
      gtk_column_view_column_set_resizable (view_column, TRUE);
      gtk_column_view_column_set_expand (view_column, column->expand);
      gtk_column_view_column_set_fixed_width (view_column, column->width);
      gtk_column_view_append_column (self->column_view, view_column);
    }
}

/* ASCII-case-insensitive substring search: notebook text is mostly ASCII and
 * this runs for every row on every search. */
static gboolean
contains_ci (const char *haystack,
             const char *needle)
{
  gsize n = strlen (needle);

  if (haystack == NULL)
    return FALSE;
  for (const char *p = haystack; *p != '\0'; p++)
    if (g_ascii_strncasecmp (p, needle, n) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
has_low_confidence (AtlasCrash *crash)
{
  const AtlasClassification *c = atlas_crash_get_classification (crash);

  for (guint d = 0; d < ATLAS_N_DIMENSIONS; d++)
    if (c->confidence[d] == ATLAS_CONFIDENCE_LOW)
      return TRUE;
  return FALSE;
}

static gboolean
search_match_cb (gpointer item,
                 gpointer user_data)
{
  AtlasCrashList *self = user_data;
  AtlasCrash *crash = item;

  switch ((LabelFilter)gtk_drop_down_get_selected (self->label_filter_drop))
    {
    case LABEL_FILTER_MANUAL:
      if (count_disagreements (self, crash) < 0)
        return FALSE;
      break;
    case LABEL_FILTER_AUTOMATIC:
      if (count_disagreements (self, crash) >= 0)
        return FALSE;
      break;
    case LABEL_FILTER_DISAGREEING:
      if (count_disagreements (self, crash) <= 0)
        return FALSE;
      break;
    case LABEL_FILTER_ALL:
    default:
      break;
    }
  if (self->needle == NULL)
    return TRUE;
  /* "?", the mark of a low-confidence label, filters to those crashes. */
  if (g_str_equal (self->needle, "?"))
    return has_low_confidence (crash);
  return contains_ci (atlas_crash_get_evalue (crash), self->needle) ||
         contains_ci (atlas_crash_get_ename (crash), self->needle) ||
         contains_ci (atlas_crash_get_location (crash), self->needle);
}

/* Without a search or a label filter the filter has no function, so the
 * filter model passes every crash through instead of testing 92k of them
 * again each time the crashes change. */
static void
refilter (AtlasCrashList *self)
{
  gboolean filtering = self->needle != NULL ||
                       gtk_drop_down_get_selected (self->label_filter_drop) != LABEL_FILTER_ALL;

  if (filtering == self->filtering)
    {
      if (filtering)
        gtk_filter_changed (GTK_FILTER (self->search_filter), GTK_FILTER_CHANGE_DIFFERENT);
      return;
    }
  self->filtering = filtering;
  if (filtering)
    gtk_custom_filter_set_filter_func (self->search_filter, search_match_cb, self, NULL);
  else
    gtk_custom_filter_set_filter_func (self->search_filter, NULL, NULL, NULL);
}

static void
search_changed_cb (AtlasCrashList *self,
                   GtkSearchEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));
  g_autofree char *old = g_steal_pointer (&self->needle);

  self->needle = *text != '\0' ? g_strdup (text) : NULL;
  if (old == NULL && self->needle == NULL)
    return;
  refilter (self);
}

static void
label_filter_changed_cb (AtlasCrashList *self)
{
  refilter (self);
}

static void
update_count (AtlasCrashList *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u crash", "%u crashes", n), n);

  gtk_label_set_text (self->count_label, text);
}

static void
selection_changed_cb (AtlasCrashList *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SELECTED_CRASH]);
}

static void
atlas_crash_list_dispose (GObject *object)
{
  AtlasCrashList *self = (AtlasCrashList *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_CRASH_LIST);
  /* The template's root has no id, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->search_filter);
  g_clear_pointer (&self->hand_labels, g_hash_table_unref);

  G_OBJECT_CLASS (atlas_crash_list_parent_class)->dispose (object);
}

static void
atlas_crash_list_finalize (GObject *object)
{
  AtlasCrashList *self = (AtlasCrashList *)object;

  g_free (self->needle);
  g_hash_table_unref (self->hand_items);

  G_OBJECT_CLASS (atlas_crash_list_parent_class)->finalize (object);
}

static void
atlas_crash_list_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AtlasCrashList *self = ATLAS_CRASH_LIST (object);

  switch (prop_id)
    {
    case PROP_SELECTED_CRASH:
      g_value_set_object (value, atlas_crash_list_get_selected_crash (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
atlas_crash_list_class_init (AtlasCrashListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_crash_list_dispose;
  object_class->finalize = atlas_crash_list_finalize;
  object_class->get_property = atlas_crash_list_get_property;

  properties[PROP_SELECTED_CRASH] =
    g_param_spec_object ("selected-crash", NULL, NULL, ATLAS_TYPE_CRASH,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-crash-list.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasCrashList, search_entry);
  gtk_widget_class_bind_template_child (widget_class, AtlasCrashList, count_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasCrashList, column_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasCrashList, label_filter_drop);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_filter_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlascrashlist");
}

static void
atlas_crash_list_init (AtlasCrashList *self)
{
  self->hand_items = g_hash_table_new (NULL, NULL);
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_search_entry_set_search_delay (self->search_entry, SEARCH_DELAY_MS);
  add_columns (self);

  self->search_filter = gtk_custom_filter_new (NULL, NULL, NULL);
  self->search_model = gtk_filter_list_model_new (NULL, g_object_ref (GTK_FILTER (self->search_filter)));
  gtk_filter_list_model_set_incremental (self->search_model, TRUE);
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->search_model),
                                              g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  gtk_sort_list_model_set_incremental (self->sort_model, TRUE);
  /* The selection owns this chain: paced model, sort model, search model. */
  self->paced_model = atlas_paced_model_new ();
  atlas_paced_model_set_model (self->paced_model, G_LIST_MODEL (self->sort_model));
  g_object_unref (self->sort_model);
  self->selection = gtk_single_selection_new (G_LIST_MODEL (self->paced_model));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));

  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sort_model, "items-changed",
                           G_CALLBACK (update_count), self, G_CONNECT_SWAPPED);
  update_count (self);
}

GtkWidget *
atlas_crash_list_new (void)
{
  return g_object_new (ATLAS_TYPE_CRASH_LIST, NULL);
}

void
atlas_crash_list_set_model (AtlasCrashList *self,
                            GListModel     *model)
{
  g_return_if_fail (ATLAS_IS_CRASH_LIST (self));

  gtk_filter_list_model_set_model (self->search_model, model);
}

GListModel *
atlas_crash_list_get_shown (AtlasCrashList *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH_LIST (self), NULL);

  return G_LIST_MODEL (self->sort_model);
}

AtlasCrash *
atlas_crash_list_get_selected_crash (AtlasCrashList *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH_LIST (self), NULL);

  return gtk_single_selection_get_selected_item (self->selection);
}

void
atlas_crash_list_select (AtlasCrashList *self,
                         guint           position)
{
  g_return_if_fail (ATLAS_IS_CRASH_LIST (self));

  gtk_single_selection_set_selected (self->selection, position);
}

void
atlas_crash_list_focus_search (AtlasCrashList *self)
{
  g_return_if_fail (ATLAS_IS_CRASH_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
atlas_crash_list_get_busy (AtlasCrashList *self)
{
  g_return_val_if_fail (ATLAS_IS_CRASH_LIST (self), FALSE);

  return gtk_filter_list_model_get_pending (self->search_model) > 0 ||
         gtk_sort_list_model_get_pending (self->sort_model) > 0 ||
         atlas_paced_model_get_pending (self->paced_model);
}

void
atlas_crash_list_focus_rows (AtlasCrashList *self)
{
  g_return_if_fail (ATLAS_IS_CRASH_LIST (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->column_view));
}

void
atlas_crash_list_set_hand_labels (AtlasCrashList *self,
                                  GHashTable     *labels)
{
  GHashTableIter iter;
  gpointer item;

  g_return_if_fail (ATLAS_IS_CRASH_LIST (self));

  if (labels != NULL)
    g_hash_table_ref (labels);
  g_clear_pointer (&self->hand_labels, g_hash_table_unref);
  self->hand_labels = labels;

  g_hash_table_iter_init (&iter, self->hand_items);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    update_text (item);
  if (gtk_drop_down_get_selected (self->label_filter_drop) != LABEL_FILTER_ALL)
    refilter (self);
}
