/* atlas-chart-table.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-chart-model.h"
#include "atlas-filter.h"

G_BEGIN_DECLS

/**
 * AtlasChartColumnKind:
 * @ATLAS_CHART_COLUMN_TEXT: a label (platform, category)
 * @ATLAS_CHART_COLUMN_COUNT: a whole number
 * @ATLAS_CHART_COLUMN_PERCENT: a percentage, 0–100 (NAN when undefined)
 * @ATLAS_CHART_COLUMN_RATIO: a ratio such as crashes per use (NAN when undefined)
 *
 * How a column's cells are to be shown and sorted (numeric columns are
 * right-aligned and sort by atlas_chart_table_row_get_value()).
 */
typedef enum
{
  ATLAS_CHART_COLUMN_TEXT,
  ATLAS_CHART_COLUMN_COUNT,
  ATLAS_CHART_COLUMN_PERCENT,
  ATLAS_CHART_COLUMN_RATIO,
} AtlasChartColumnKind;

#define ATLAS_TYPE_CHART_TABLE_ROW (atlas_chart_table_row_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartTableRow, atlas_chart_table_row, ATLAS, CHART_TABLE_ROW, GObject)

/* The cell of @column as shown ("1,234", "12.3 %", "pandas"); "" when undefined. */
const char  *atlas_chart_table_row_get_text   (AtlasChartTableRow *self,
                                               guint               column);
/* The number in a numeric column (NAN for text or undefined cells). */
double       atlas_chart_table_row_get_value  (AtlasChartTableRow *self,
                                               guint               column);
/* (transfer none) the filter selecting this row's crashes. */
AtlasFilter *atlas_chart_table_row_get_filter (AtlasChartTableRow *self);
/* Chart coordinates of the row (panel, row in atlas_chart_model_get_row_*). */
guint        atlas_chart_table_row_get_panel  (AtlasChartTableRow *self);
guint        atlas_chart_table_row_get_index  (AtlasChartTableRow *self);

#define ATLAS_TYPE_CHART_TABLE (atlas_chart_table_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartTable, atlas_chart_table, ATLAS, CHART_TABLE, GObject)

/**
 * AtlasChartTable:
 *
 * A chart's numbers in rows and columns: a #GListModel of
 * #AtlasChartTableRow, one per panel and category, with columns such as
 * Platform, Stage, ML, ML %, PY, PY %, Total, Total %. Build the GtkColumnView
 * twin with one column per table column.
 */
guint                 atlas_chart_table_get_n_columns    (AtlasChartTable *self);
/* Translated column title ("Crashes", "ML %"). */
const char           *atlas_chart_table_get_column_title (AtlasChartTable *self,
                                                          guint            column);
/* Stable machine identifier for CSV headers ("stage", "ML", "ML_percent"). */
const char           *atlas_chart_table_get_column_id    (AtlasChartTable *self,
                                                          guint            column);
AtlasChartColumnKind  atlas_chart_table_get_column_kind  (AtlasChartTable *self,
                                                          guint            column);

/**
 * atlas_chart_table_to_csv:
 * @self: a table
 *
 * RFC 4180 CSV: a header of column ids, then one line per row with plain
 * numbers (percentages with one decimal, empty when undefined).
 *
 * Returns: (transfer full): the CSV text
 */
char                 *atlas_chart_table_to_csv           (AtlasChartTable *self);

/**
 * atlas_chart_model_create_table:
 *
 * The numbers as a table (the GtkColumnView twin of the chart, and its CSV).
 *
 * Returns: (transfer full): a new table
 */
AtlasChartTable *atlas_chart_model_create_table    (AtlasChartModel *self);

G_END_DECLS
