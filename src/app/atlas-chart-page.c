/* atlas-chart-page.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-page"

#include "config.h"

#include <math.h>
#include <glib/gi18n.h>

#include <string.h>

#include "atlas-chart-page.h"
#include "atlas-estimate.h"

struct _AtlasChartPage
{
  GtkWidget          parent_instance;

  GtkDropDown       *kind_dropdown;
  GtkToggleButton   *platform_toggle;
  GtkToggleButton   *detail_toggle;
  GtkDropDown       *labels_dropdown;
  GtkLabel          *summary_label;
  GtkStack          *stack;
  AtlasChartView    *chart_view;
  GtkColumnView     *table_view;

  AtlasCorpus       *corpus;
  AtlasFilter       *filter;
  AtlasChartStats   *stats;
  AtlasChartModel   *model;
  AtlasChartTable   *table;
  GtkSortListModel  *sorted_table;
  gboolean           table_stale;   /* table not yet shown in table_view */
  char              *columns_key;   /* kind and options the table columns were built for */
  GPtrArray         *sample;        /* AtlasSampleItem, or NULL */
  GPtrArray         *hand_labels;   /* AtlasHandLabel of one rater, or NULL */
};

enum {
  MARK_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (AtlasChartPage, atlas_chart_page, GTK_TYPE_WIDGET)

static void
options_for (AtlasChartPage    *self,
             AtlasChartOptions *options)
{
  atlas_chart_options_init (options);
  options->by_platform = gtk_toggle_button_get_active (self->platform_toggle);
  options->root_cause_detail = gtk_toggle_button_get_active (self->detail_toggle);
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *inscription = gtk_inscription_new (NULL);

  gtk_inscription_set_text_overflow (GTK_INSCRIPTION (inscription), GTK_INSCRIPTION_OVERFLOW_ELLIPSIZE_END);
  gtk_inscription_set_nat_chars (GTK_INSCRIPTION (inscription), 8);
  gtk_list_item_set_child (item, inscription);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  GtkInscription *inscription = GTK_INSCRIPTION (gtk_list_item_get_child (item));
  AtlasChartTableRow *row = gtk_list_item_get_item (item);
  gboolean numeric = !isnan (atlas_chart_table_row_get_value (row, column));

  gtk_inscription_set_text (inscription, atlas_chart_table_row_get_text (row, column));
  gtk_inscription_set_xalign (inscription, numeric ? 1.0 : 0.0);
}

static int
compare_rows_cb (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  guint column = GPOINTER_TO_UINT (user_data);
  AtlasChartTableRow *x = (AtlasChartTableRow *)a, *y = (AtlasChartTableRow *)b;
  double vx = atlas_chart_table_row_get_value (x, column);
  double vy = atlas_chart_table_row_get_value (y, column);

  if (isnan (vx) && isnan (vy))
    return g_utf8_collate (atlas_chart_table_row_get_text (x, column),
                           atlas_chart_table_row_get_text (y, column));
  if (isnan (vx) || isnan (vy))
    return isnan (vx) ? 1 : -1;
  return (vx > vy) - (vx < vy);
}

static void
rebuild_columns (AtlasChartPage *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->table_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);
      gtk_column_view_remove_column (self->table_view, column);
    }
  for (guint i = 0; i < atlas_chart_table_get_n_columns (self->table); i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      g_autoptr(GtkColumnViewColumn) column = NULL;
      GtkSorter *sorter;

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), NULL);
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GUINT_TO_POINTER (i));
      column = gtk_column_view_column_new (atlas_chart_table_get_column_title (self->table, i), factory);
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_rows_cb, GUINT_TO_POINTER (i), NULL));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
      gtk_column_view_column_set_resizable (column, TRUE);
      gtk_column_view_column_set_expand (column, atlas_chart_table_get_column_kind (self->table, i) == ATLAS_CHART_COLUMN_TEXT);
      gtk_column_view_append_column (self->table_view, column);
    }
}

/* The dimension a bar chart's rows are, or FALSE for charts that get no
 * estimates (heatmaps, finer causes, panels per platform). */
static gboolean
chart_dimension (AtlasChartModel *model,
                 AtlasDimension  *dimension)
{
  if (atlas_chart_model_get_n_panels (model) != 1)
    return FALSE;
  switch (atlas_chart_model_get_kind (model))
    {
    case ATLAS_CHART_KIND_STAGE:
      *dimension = ATLAS_DIMENSION_STAGE;
      return TRUE;
    case ATLAS_CHART_KIND_ROOT_CAUSE:
      *dimension = ATLAS_DIMENSION_ROOT_CAUSE;
      /* Finer-cause rows ("API/invalid argument") are not one dimension's values. */
      return strchr (atlas_chart_model_get_n_rows (model) > 0 ? atlas_chart_model_get_row_id (model, 0) : "", '/') == NULL;
    case ATLAS_CHART_KIND_CRASH_TYPE:
      *dimension = ATLAS_DIMENSION_CRASH_TYPE;
      return TRUE;
    case ATLAS_CHART_KIND_ML_BUG:
      *dimension = ATLAS_DIMENSION_ML_BUG;
      return TRUE;
    case ATLAS_CHART_KIND_LIBRARY:
    case ATLAS_CHART_KIND_CAUSE_BY_STAGE:
    case ATLAS_CHART_KIND_CAUSE_BY_TYPE:
    case ATLAS_N_CHART_KINDS:
    default:
      return FALSE;
    }
}

/* Says which labels the chart shows and, with hand labels, draws their
 * corpus-wide shares with 95% error bars (src/core/research/atlas-estimate.h). */
static void
apply_labels (AtlasChartPage  *self,
              AtlasChartModel *model)
{
  guint mode = gtk_drop_down_get_selected (self->labels_dropdown);
  guint n_rows = atlas_chart_model_get_n_rows (model);
  g_autoptr(AtlasEstimates) estimates = NULL;
  g_autofree double *estimate = NULL, *low = NULL, *high = NULL;
  g_autofree char *caption = NULL;
  AtlasDimension dimension;

  if (mode == 0 || mode == GTK_INVALID_LIST_POSITION)
    {
      atlas_chart_model_set_labels_caption (model, _("automatic"));
      return;
    }
  if (self->sample == NULL || self->hand_labels == NULL || self->hand_labels->len == 0)
    {
      atlas_chart_model_set_labels_caption (model, _("automatic (no hand labels of the sample yet)"));
      return;
    }
  if (!chart_dimension (model, &dimension))
    {
      atlas_chart_model_set_labels_caption (model, _("automatic (error bars are drawn on single-panel bar charts)"));
      return;
    }

  estimates = atlas_estimates_new (self->corpus, self->sample, self->hand_labels, dimension,
                                   atlas_chart_stats_get_filter (self->stats));
  estimate = g_new (double, MAX (n_rows, 1));
  low = g_new (double, MAX (n_rows, 1));
  high = g_new (double, MAX (n_rows, 1));
  for (guint r = 0; r < n_rows; r++)
    {
      int c = atlas_estimates_find (estimates, atlas_chart_model_get_row_id (model, r));
      const AtlasInterval *interval = c < 0 ? NULL : mode == 1 ? &estimates->sample[c] : &estimates->estimate[c];

      /* A value neither the classifier nor a rater used is estimated at 0. */
      estimate[r] = interval != NULL ? interval->estimate : estimates->n_labeled > 0 ? 0 : NAN;
      low[r] = interval != NULL ? interval->low : estimate[r];
      high[r] = interval != NULL ? interval->high : estimate[r];
    }
  atlas_chart_model_set_estimates (model, estimate, low, high, n_rows);
  if (mode == 1)
    caption = g_strdup_printf (ngettext ("hand-labeled sample, n = %u, with 95%% intervals",
                                         "hand-labeled sample, n = %u, with 95%% intervals",
                                         estimates->n_labeled), estimates->n_labeled);
  else
    caption = g_strdup_printf (ngettext ("estimated from %u hand label, with 95%% intervals",
                                         "estimated from %u hand labels, with 95%% intervals",
                                         estimates->n_labeled), estimates->n_labeled);
  atlas_chart_model_set_labels_caption (model, caption);
}

AtlasChartModel *
atlas_chart_page_create_model (AtlasChartPage *self)
{
  AtlasChartOptions options;
  AtlasChartModel *model;

  g_return_val_if_fail (ATLAS_IS_CHART_PAGE (self), NULL);

  if (self->stats == NULL)
    return NULL;
  options_for (self, &options);
  model = atlas_chart_model_new (self->stats, gtk_drop_down_get_selected (self->kind_dropdown), &options);
  apply_labels (self, model);
  return model;
}

/* What the table's columns depend on: the kind and options, and the data
 * too (a library chart has a column per library the filter leaves). */
static char *
columns_key (AtlasChartTable         *table,
             AtlasChartKind           kind,
             const AtlasChartOptions *options)
{
  GString *key = g_string_new (NULL);

  g_string_printf (key, "%d/%d/%d", kind, options->by_platform, options->root_cause_detail);
  for (guint i = 0; i < atlas_chart_table_get_n_columns (table); i++)
    g_string_append_printf (key, "\x1f%s", atlas_chart_table_get_column_title (table, i));
  return g_string_free (key, FALSE);
}

static void
show_table (AtlasChartPage *self)
{
  AtlasChartOptions options;
  g_autofree char *key = NULL;

  if (!self->table_stale || self->table == NULL)
    return;
  self->table_stale = FALSE;
  options_for (self, &options);
  key = columns_key (self->table, gtk_drop_down_get_selected (self->kind_dropdown), &options);
  if (g_strcmp0 (key, self->columns_key) != 0)
    {
      g_free (self->columns_key);
      self->columns_key = g_steal_pointer (&key);
      /* Rows of the old table must not meet the new columns. */
      gtk_sort_list_model_set_model (self->sorted_table, NULL);
      rebuild_columns (self);
    }
  gtk_sort_list_model_set_model (self->sorted_table, G_LIST_MODEL (self->table));
}

static void
rebuild_model (AtlasChartPage *self)
{
  if (self->stats == NULL)
    return;
  g_clear_object (&self->model);
  self->model = atlas_chart_page_create_model (self);
  atlas_chart_view_set_model (self->chart_view, self->model);

  g_clear_object (&self->table);
  self->table = atlas_chart_model_create_table (self->model);
  self->table_stale = TRUE;
  /* The table's rows and columns are widgets too: built when it is seen. */
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "table") == 0)
    show_table (self);
}

static void
options_changed_cb (AtlasChartPage *self)
{
  gboolean causes = gtk_drop_down_get_selected (self->kind_dropdown) == ATLAS_CHART_KIND_ROOT_CAUSE;

  gtk_widget_set_visible (GTK_WIDGET (self->detail_toggle), causes);
  rebuild_model (self);
}

static void
mark_activated_cb (AtlasChartPage *self,
                   AtlasFilter    *filter)
{
  g_signal_emit (self, signals[MARK_ACTIVATED], 0, filter);
}

static void
table_activate_cb (AtlasChartPage *self,
                   guint           position)
{
  g_autoptr(AtlasChartTableRow) row = g_list_model_get_item (G_LIST_MODEL (self->sorted_table), position);

  if (row != NULL)
    g_signal_emit (self, signals[MARK_ACTIVATED], 0, atlas_chart_table_row_get_filter (row));
}

static void
fill_kinds (AtlasChartPage *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  for (guint k = 0; k < ATLAS_N_CHART_KINDS; k++)
    gtk_string_list_append (kinds, atlas_chart_kind_display_name (k));
  gtk_drop_down_set_model (self->kind_dropdown, G_LIST_MODEL (kinds));
}

static void
atlas_chart_page_dispose (GObject *object)
{
  AtlasChartPage *self = (AtlasChartPage *)object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), ATLAS_TYPE_CHART_PAGE);
  /* The template's root has no id, so dispose_template() leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))))
    gtk_widget_unparent (child);
  g_clear_object (&self->sorted_table);
  g_clear_object (&self->table);
  g_clear_object (&self->model);
  g_clear_object (&self->stats);
  g_clear_object (&self->filter);
  g_clear_object (&self->corpus);

  G_OBJECT_CLASS (atlas_chart_page_parent_class)->dispose (object);
}

static void
atlas_chart_page_finalize (GObject *object)
{
  g_free (ATLAS_CHART_PAGE (object)->columns_key);
  g_clear_pointer (&ATLAS_CHART_PAGE (object)->sample, g_ptr_array_unref);
  g_clear_pointer (&ATLAS_CHART_PAGE (object)->hand_labels, g_ptr_array_unref);

  G_OBJECT_CLASS (atlas_chart_page_parent_class)->finalize (object);
}

static void
atlas_chart_page_class_init (AtlasChartPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = atlas_chart_page_dispose;
  object_class->finalize = atlas_chart_page_finalize;

  signals[MARK_ACTIVATED] =
    g_signal_new ("mark-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, ATLAS_TYPE_FILTER);

  g_type_ensure (ATLAS_TYPE_CHART_VIEW);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX "/atlas-chart-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AtlasChartPage, kind_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartPage, platform_toggle);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartPage, detail_toggle);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartPage, labels_dropdown);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartPage, chart_view);
  gtk_widget_class_bind_template_child (widget_class, AtlasChartPage, table_view);
  gtk_widget_class_bind_template_callback (widget_class, options_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, mark_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, table_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "atlaschartpage");
}

static void
atlas_chart_page_init (AtlasChartPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  fill_kinds (self);
  gtk_widget_set_visible (GTK_WIDGET (self->detail_toggle), FALSE);
  self->sorted_table = gtk_sort_list_model_new (NULL, g_object_ref (gtk_column_view_get_sorter (self->table_view)));
  gtk_column_view_set_model (self->table_view,
                             GTK_SELECTION_MODEL (gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->sorted_table)))));
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (show_table), self, G_CONNECT_SWAPPED);
}

GtkWidget *
atlas_chart_page_new (void)
{
  return g_object_new (ATLAS_TYPE_CHART_PAGE, NULL);
}

void
atlas_chart_page_set_corpus (AtlasChartPage *self,
                             AtlasCorpus    *corpus,
                             AtlasFilter    *filter)
{
  g_return_if_fail (ATLAS_IS_CHART_PAGE (self));

  g_set_object (&self->corpus, corpus);
  g_set_object (&self->filter, filter);
  atlas_chart_page_refresh (self);
}

void
atlas_chart_page_refresh (AtlasChartPage *self)
{
  g_autoptr(AtlasFilter) snapshot = NULL;

  g_return_if_fail (ATLAS_IS_CHART_PAGE (self));

  if (self->corpus == NULL)
    return;
  /* The counts keep the filter they were made with: give them a copy, so
   * the app's filter can change under them. */
  snapshot = self->filter != NULL ? atlas_filter_copy (self->filter) : NULL;
  g_clear_object (&self->stats);
  self->stats = atlas_chart_stats_new (self->corpus, snapshot);
  rebuild_model (self);
}

void
atlas_chart_page_set_hand_labels (AtlasChartPage *self,
                                  GPtrArray      *sample,
                                  GPtrArray      *labels)
{
  g_return_if_fail (ATLAS_IS_CHART_PAGE (self));

  if (sample != NULL)
    g_ptr_array_ref (sample);
  if (labels != NULL)
    g_ptr_array_ref (labels);
  g_clear_pointer (&self->sample, g_ptr_array_unref);
  g_clear_pointer (&self->hand_labels, g_ptr_array_unref);
  self->sample = sample;
  self->hand_labels = labels;
  if (gtk_drop_down_get_selected (self->labels_dropdown) > 0)
    rebuild_model (self);
}

void
atlas_chart_page_set_labels_shown (AtlasChartPage *self,
                                   guint           mode)
{
  g_return_if_fail (ATLAS_IS_CHART_PAGE (self));
  g_return_if_fail (mode < 3);

  gtk_drop_down_set_selected (self->labels_dropdown, mode);
}

void
atlas_chart_page_set_kind (AtlasChartPage *self,
                           AtlasChartKind  kind)
{
  g_return_if_fail (ATLAS_IS_CHART_PAGE (self));
  g_return_if_fail (kind < ATLAS_N_CHART_KINDS);

  gtk_drop_down_set_selected (self->kind_dropdown, kind);
}

AtlasChartKind
atlas_chart_page_get_kind (AtlasChartPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_PAGE (self), 0);
  return gtk_drop_down_get_selected (self->kind_dropdown);
}

AtlasChartModel *
atlas_chart_page_get_model (AtlasChartPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_PAGE (self), NULL);
  return self->model;
}

AtlasChartStats *
atlas_chart_page_get_stats (AtlasChartPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_PAGE (self), NULL);
  return self->stats;
}

AtlasChartView *
atlas_chart_page_get_chart_view (AtlasChartPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_PAGE (self), NULL);
  return self->chart_view;
}

GListModel *
atlas_chart_page_get_table (AtlasChartPage *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_PAGE (self), NULL);
  show_table (self);
  return G_LIST_MODEL (self->sorted_table);
}
