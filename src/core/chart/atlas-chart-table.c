/* atlas-chart-table.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-table"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "atlas-chart-private.h"
#include "atlas-csv.h"

struct _AtlasChartTableRow
{
  GObject      parent_instance;

  char       **texts;
  double      *values;
  guint        n_columns;
  AtlasFilter *filter;
  guint        panel;
  guint        index;
};

G_DEFINE_FINAL_TYPE (AtlasChartTableRow, atlas_chart_table_row, G_TYPE_OBJECT)

typedef struct
{
  char                 *id;
  char                 *title;
  AtlasChartColumnKind  kind;
} Column;

struct _AtlasChartTable
{
  GObject    parent_instance;

  GArray    *columns;  /* Column */
  GPtrArray *rows;     /* AtlasChartTableRow */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (AtlasChartTable, atlas_chart_table, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

static void
atlas_chart_table_row_finalize (GObject *object)
{
  AtlasChartTableRow *self = (AtlasChartTableRow *)object;

  g_strfreev (self->texts);
  g_free (self->values);
  g_clear_object (&self->filter);

  G_OBJECT_CLASS (atlas_chart_table_row_parent_class)->finalize (object);
}

static void
atlas_chart_table_row_class_init (AtlasChartTableRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_chart_table_row_finalize;
}

static void
atlas_chart_table_row_init (AtlasChartTableRow *self)
{
}

const char *
atlas_chart_table_row_get_text (AtlasChartTableRow *self,
                                guint               column)
{
  g_return_val_if_fail (ATLAS_IS_CHART_TABLE_ROW (self), NULL);
  g_return_val_if_fail (column < self->n_columns, "");
  return self->texts[column];
}

double
atlas_chart_table_row_get_value (AtlasChartTableRow *self,
                                 guint               column)
{
  g_return_val_if_fail (ATLAS_IS_CHART_TABLE_ROW (self), NAN);
  g_return_val_if_fail (column < self->n_columns, NAN);
  return self->values[column];
}

AtlasFilter *
atlas_chart_table_row_get_filter (AtlasChartTableRow *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_TABLE_ROW (self), NULL);
  return self->filter;
}

guint
atlas_chart_table_row_get_panel (AtlasChartTableRow *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_TABLE_ROW (self), 0);
  return self->panel;
}

guint
atlas_chart_table_row_get_index (AtlasChartTableRow *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_TABLE_ROW (self), 0);
  return self->index;
}

static GType
atlas_chart_table_get_item_type (GListModel *model)
{
  return ATLAS_TYPE_CHART_TABLE_ROW;
}

static guint
atlas_chart_table_get_n_items (GListModel *model)
{
  return ATLAS_CHART_TABLE (model)->rows->len;
}

static gpointer
atlas_chart_table_get_item (GListModel *model,
                            guint       position)
{
  AtlasChartTable *self = ATLAS_CHART_TABLE (model);

  if (position >= self->rows->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->rows, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = atlas_chart_table_get_item_type;
  iface->get_n_items = atlas_chart_table_get_n_items;
  iface->get_item = atlas_chart_table_get_item;
}

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->id);
  g_free (column->title);
}

static void
atlas_chart_table_finalize (GObject *object)
{
  AtlasChartTable *self = (AtlasChartTable *)object;

  g_array_unref (self->columns);
  g_ptr_array_unref (self->rows);

  G_OBJECT_CLASS (atlas_chart_table_parent_class)->finalize (object);
}

static void
atlas_chart_table_class_init (AtlasChartTableClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_chart_table_finalize;
}

static void
atlas_chart_table_init (AtlasChartTable *self)
{
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}

AtlasChartTable *
_atlas_chart_table_new (void)
{
  return g_object_new (ATLAS_TYPE_CHART_TABLE, NULL);
}

void
_atlas_chart_table_add_column (AtlasChartTable      *self,
                               const char           *id,
                               const char           *title,
                               AtlasChartColumnKind  kind)
{
  Column column = { g_strdup (id), g_strdup (title), kind };

  g_array_append_val (self->columns, column);
}

void
_atlas_chart_table_add_row (AtlasChartTable  *self,
                            char            **texts,
                            double           *values,
                            AtlasFilter      *filter,
                            guint             panel,
                            guint             index)
{
  AtlasChartTableRow *row = g_object_new (ATLAS_TYPE_CHART_TABLE_ROW, NULL);

  row->texts = texts;
  row->values = values;
  row->n_columns = self->columns->len;
  row->filter = filter;
  row->panel = panel;
  row->index = index;
  g_ptr_array_add (self->rows, row);
}

guint
atlas_chart_table_get_n_columns (AtlasChartTable *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_TABLE (self), 0);
  return self->columns->len;
}

static const Column *
column_at (AtlasChartTable *self,
           guint            column)
{
  g_return_val_if_fail (column < self->columns->len, NULL);
  return &g_array_index (self->columns, Column, column);
}

const char *
atlas_chart_table_get_column_title (AtlasChartTable *self,
                                    guint            column)
{
  const Column *c;

  g_return_val_if_fail (ATLAS_IS_CHART_TABLE (self), NULL);
  c = column_at (self, column);
  return c ? c->title : NULL;
}

const char *
atlas_chart_table_get_column_id (AtlasChartTable *self,
                                 guint            column)
{
  const Column *c;

  g_return_val_if_fail (ATLAS_IS_CHART_TABLE (self), NULL);
  c = column_at (self, column);
  return c ? c->id : NULL;
}

AtlasChartColumnKind
atlas_chart_table_get_column_kind (AtlasChartTable *self,
                                   guint            column)
{
  const Column *c;

  g_return_val_if_fail (ATLAS_IS_CHART_TABLE (self), ATLAS_CHART_COLUMN_TEXT);
  c = column_at (self, column);
  return c ? c->kind : ATLAS_CHART_COLUMN_TEXT;
}

static void
append_csv_number (GString              *csv,
                   AtlasChartColumnKind  kind,
                   double                value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  if (isnan (value))
    return;
  if (kind == ATLAS_CHART_COLUMN_COUNT)
    g_string_append_printf (csv, "%.0f", value);
  else
    g_string_append (csv, g_ascii_formatd (buffer, sizeof buffer,
                                           kind == ATLAS_CHART_COLUMN_PERCENT ? "%.1f" : "%.3f",
                                           value));
}

char *
atlas_chart_table_to_csv (AtlasChartTable *self)
{
  GString *csv = g_string_new (NULL);

  g_return_val_if_fail (ATLAS_IS_CHART_TABLE (self), NULL);

  for (guint c = 0; c < self->columns->len; c++)
    {
      if (c > 0)
        g_string_append_c (csv, ',');
      atlas_csv_append_field (csv, column_at (self, c)->id);
    }
  g_string_append (csv, "\r\n");
  for (guint r = 0; r < self->rows->len; r++)
    {
      AtlasChartTableRow *row = g_ptr_array_index (self->rows, r);

      for (guint c = 0; c < self->columns->len; c++)
        {
          AtlasChartColumnKind kind = column_at (self, c)->kind;

          if (c > 0)
            g_string_append_c (csv, ',');
          if (kind == ATLAS_CHART_COLUMN_TEXT)
            atlas_csv_append_field (csv, row->texts[c]);
          else
            append_csv_number (csv, kind, row->values[c]);
        }
      g_string_append (csv, "\r\n");
    }
  return g_string_free (csv, FALSE);
}

/* Building the table of a model. */

typedef struct
{
  GPtrArray *texts;
  GArray    *values;
} RowBuilder;

static void
put_text (RowBuilder *b,
          const char *text)
{
  double nan_value = NAN;

  g_ptr_array_add (b->texts, g_strdup (text ? text : ""));
  g_array_append_val (b->values, nan_value);
}

static void
put_count (RowBuilder *b,
           guint       count)
{
  double value = count;

  g_ptr_array_add (b->texts, _atlas_chart_format_count (count));
  g_array_append_val (b->values, value);
}

static void
put_percent (RowBuilder *b,
             double      percent)
{
  g_ptr_array_add (b->texts, _atlas_chart_format_percent (percent));
  g_array_append_val (b->values, percent);
}

static void
put_ratio (RowBuilder *b,
           double      ratio)
{
  g_ptr_array_add (b->texts, isnan (ratio) ? g_strdup ("") : g_strdup_printf ("%.2f", ratio));
  g_array_append_val (b->values, ratio);
}

/* The estimates with their 95% interval, when the chart has them. */
static void
add_estimate_columns (AtlasChartTable *table,
                      AtlasChartModel *model)
{
  if (!atlas_chart_model_has_estimates (model))
    return;
  _atlas_chart_table_add_column (table, "estimate_percent", _("Estimated share"), ATLAS_CHART_COLUMN_PERCENT);
  _atlas_chart_table_add_column (table, "estimate_low_percent", _("95% CI from"), ATLAS_CHART_COLUMN_PERCENT);
  _atlas_chart_table_add_column (table, "estimate_high_percent", _("95% CI to"), ATLAS_CHART_COLUMN_PERCENT);
}

static void
put_estimate (RowBuilder      *b,
              AtlasChartModel *model,
              guint            p,
              guint            r)
{
  double estimate = NAN, low = NAN, high = NAN;

  if (!atlas_chart_model_has_estimates (model))
    return;
  if (atlas_chart_model_get_estimate (model, p, r, &estimate, &low, &high))
    {
      estimate *= 100;
      low *= 100;
      high *= 100;
    }
  put_percent (b, estimate);
  put_percent (b, low);
  put_percent (b, high);
}

static void
add_columns (AtlasChartTable *table,
             AtlasChartModel *model)
{
  AtlasChartShape shape = atlas_chart_model_get_shape (model);
  guint n_series = atlas_chart_model_get_n_series (model);
  static const char *row_ids[ATLAS_N_CHART_KINDS] = {
    "stage", "library", "root_cause", "crash_type", "root_cause", "root_cause", "ml_bug",
  };

  if (atlas_chart_model_get_n_panels (model) > 1)
    _atlas_chart_table_add_column (table, "platform", _("Platform"), ATLAS_CHART_COLUMN_TEXT);
  _atlas_chart_table_add_column (table, row_ids[atlas_chart_model_get_kind (model)],
                                 atlas_chart_model_get_row_axis_label (model), ATLAS_CHART_COLUMN_TEXT);
  if (shape == ATLAS_CHART_SHAPE_GROUPED_BARS)
    {
      _atlas_chart_table_add_column (table, "crashes", _("Crashes"), ATLAS_CHART_COLUMN_COUNT);
      _atlas_chart_table_add_column (table, "crashes_percent", _("Share of crashes"), ATLAS_CHART_COLUMN_PERCENT);
      _atlas_chart_table_add_column (table, "notebooks", _("Notebooks importing"), ATLAS_CHART_COLUMN_COUNT);
      _atlas_chart_table_add_column (table, "notebooks_percent", _("Share of notebooks"), ATLAS_CHART_COLUMN_PERCENT);
      _atlas_chart_table_add_column (table, "crashes_per_use", _("Crashes per use"), ATLAS_CHART_COLUMN_RATIO);
      add_estimate_columns (table, model);
      return;
    }
  for (guint s = 0; s < n_series && n_series > 1; s++)
    {
      const char *id = atlas_chart_model_get_series_id (model, s);
      const char *label = atlas_chart_model_get_series_label (model, s);
      g_autofree char *pid = g_strconcat (id, "_percent", NULL);
      /* Translators: table column of a series' percentage, "ML library bug %" */
      g_autofree char *ptitle = g_strdup_printf (_("%s %%"), label);

      _atlas_chart_table_add_column (table, id, label, ATLAS_CHART_COLUMN_COUNT);
      if (shape == ATLAS_CHART_SHAPE_STACKED_BARS)
        _atlas_chart_table_add_column (table, pid, ptitle, ATLAS_CHART_COLUMN_PERCENT);
    }
  _atlas_chart_table_add_column (table, "total", _("Crashes"), ATLAS_CHART_COLUMN_COUNT);
  _atlas_chart_table_add_column (table, "total_percent", _("Share of crashes"), ATLAS_CHART_COLUMN_PERCENT);
  add_estimate_columns (table, model);
}

static void
fill_row (RowBuilder      *b,
          AtlasChartModel *model,
          guint            p,
          guint            r)
{
  AtlasChartShape shape = atlas_chart_model_get_shape (model);
  guint n_series = atlas_chart_model_get_n_series (model);

  if (atlas_chart_model_get_n_panels (model) > 1)
    put_text (b, atlas_chart_model_get_panel_label (model, p));
  put_text (b, atlas_chart_model_get_row_label (model, r));
  if (shape == ATLAS_CHART_SHAPE_GROUPED_BARS)
    {
      put_count (b, atlas_chart_model_get_count (model, p, r, 0));
      put_percent (b, atlas_chart_model_get_percent (model, p, r, 0));
      if (isnan (atlas_chart_model_get_percent (model, p, r, 1)))
        put_text (b, "");
      else
        put_count (b, atlas_chart_model_get_count (model, p, r, 1));
      put_percent (b, atlas_chart_model_get_percent (model, p, r, 1));
      put_ratio (b, atlas_chart_model_get_ratio (model, p, r));
      put_estimate (b, model, p, r);
      return;
    }
  for (guint s = 0; s < n_series && n_series > 1; s++)
    {
      put_count (b, atlas_chart_model_get_count (model, p, r, s));
      if (shape == ATLAS_CHART_SHAPE_STACKED_BARS)
        put_percent (b, atlas_chart_model_get_percent (model, p, r, s));
    }
  put_count (b, atlas_chart_model_get_row_total (model, p, r));
  put_percent (b, atlas_chart_model_get_row_percent (model, p, r));
  put_estimate (b, model, p, r);
}

AtlasChartTable *
atlas_chart_model_create_table (AtlasChartModel *self)
{
  AtlasChartTable *table;

  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (self), NULL);

  table = _atlas_chart_table_new ();
  add_columns (table, self);
  for (guint p = 0; p < atlas_chart_model_get_n_panels (self); p++)
    for (guint r = 0; r < atlas_chart_model_get_n_rows (self); r++)
      {
        RowBuilder b = { g_ptr_array_new (), g_array_new (FALSE, FALSE, sizeof (double)) };

        fill_row (&b, self, p, r);
        g_assert (b.texts->len == table->columns->len);
        g_ptr_array_add (b.texts, NULL);
        _atlas_chart_table_add_row (table, (char **)g_ptr_array_free (b.texts, FALSE),
                                    (double *)(gpointer)g_array_free (b.values, FALSE),
                                    atlas_chart_model_dup_filter (self, p, r, G_MAXUINT), p, r);
      }
  return table;
}
