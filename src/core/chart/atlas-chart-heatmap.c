/* atlas-chart-heatmap.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-heatmap"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "atlas-chart-heatmap.h"
#include "atlas-chart-layout-private.h"

/* Rows: root causes; columns: stages or crash types; one block of columns
 * per panel. Colour (viridis) shows the size, the printed number the value,
 * so neither colour vision nor print quality decides what is read. */
typedef struct
{
  double   fs;
  double   margin;
  double   top;
  double   bottom;
  double   x0;
  double   panel_w;
  double   panel_gap;
  double   cell_w;
  double   cell_h;
  double   column_size;   /* font size of column labels */
  gboolean vertical;      /* column labels rotated */
  gboolean wrapped;       /* column labels on up to two lines */
  double   column_label_h;
  double   cell_size;     /* font size of the numbers in the cells */
  gboolean compact;       /* "6.1k" instead of "6,104" */
} Heatmap;

static char *
format_cell (Heatmap *h,
             guint    count)
{
  if (!h->compact || count < 1000)
    return _atlas_chart_format_count (count);
  if (count < 10000)
    return g_strdup_printf ("%.1fk", count / 1000.0);
  if (count < 1000000)
    return g_strdup_printf ("%.0fk", count / 1000.0);
  return g_strdup_printf ("%.1fM", count / 1000000.0);
}

static double
widest_cell (AtlasChartLayout *self,
             Heatmap          *h)
{
  AtlasChartModel *model = self->model;
  double widest = 0;

  for (guint p = 0; p < atlas_chart_model_get_n_panels (model); p++)
    for (guint r = 0; r < atlas_chart_model_get_n_rows (model); r++)
      for (guint s = 0; s < atlas_chart_model_get_n_series (model); s++)
        {
          g_autofree char *text = format_cell (h, atlas_chart_model_get_count (model, p, r, s));
          double w;

          _atlas_chart_layout_measure (self, text, h->cell_size, FALSE, 0, &w, NULL);
          widest = MAX (widest, w);
        }
  return widest;
}

/* One size for every number, so that sizes do not read as values: the full
 * count if it fits, else "6.1k", shrunk as a last resort. */
static void
choose_cell_text (AtlasChartLayout *self,
                  Heatmap          *h)
{
  double room = h->cell_w * 0.86, widest;

  h->cell_size = MIN (h->fs * 0.8, h->cell_h * 0.55);
  h->compact = FALSE;
  if (widest_cell (self, h) <= room)
    return;
  h->compact = TRUE;
  widest = widest_cell (self, h);
  if (widest > room)
    h->cell_size *= room / widest;
}

/* Crash types have short study identifiers (VNF, TSHAPE) that fit columns;
 * stages have short enough names. */
static const char *
column_label (AtlasChartLayout *self,
              guint             series)
{
  if (atlas_chart_model_get_kind (self->model) == ATLAS_CHART_KIND_CAUSE_BY_TYPE)
    return atlas_chart_model_get_series_id (self->model, series);
  return atlas_chart_model_get_series_label (self->model, series);
}

/* Tries labels at @size: on one line, or on two; FALSE if neither fits. */
static gboolean
try_horizontal_labels (AtlasChartLayout *self,
                       Heatmap          *h,
                       double            size)
{
  guint n_series = atlas_chart_model_get_n_series (self->model);
  double widest = 0, tall = 0, wrapped_h = 0;
  gboolean wrap_ok = TRUE;

  for (guint s = 0; s < n_series; s++)
    {
      double w, th, wh;
      int n_lines;
      gboolean fit;

      _atlas_chart_layout_measure (self, column_label (self, s), size, FALSE, 0, &w, &th);
      widest = MAX (widest, w);
      tall = MAX (tall, th);
      _atlas_chart_layout_measure_wrapped (self, column_label (self, s), size,
                                           h->cell_w * 0.95, &wh, &n_lines, &fit);
      wrap_ok = wrap_ok && fit && n_lines <= 2;
      wrapped_h = MAX (wrapped_h, wh);
    }
  h->column_size = size;
  h->wrapped = widest > h->cell_w * 0.95;
  h->column_label_h = h->wrapped ? wrapped_h : tall;
  return !h->wrapped || wrap_ok;
}

/* Horizontal labels when every one fits its column, on two lines if
 * needed, a little smaller if that helps, else rotated (ellipsized only
 * beyond 40 % of the height). */
static void
choose_column_labels (AtlasChartLayout *self,
                      Heatmap          *h)
{
  guint n_series = atlas_chart_model_get_n_series (self->model);
  double widest = 0;

  h->vertical = FALSE;
  if (try_horizontal_labels (self, h, h->fs * 0.8) ||
      try_horizontal_labels (self, h, MAX (h->fs * 0.7, _atlas_chart_layout_min_size (self))))
    return;
  h->vertical = TRUE;
  h->wrapped = FALSE;
  h->column_size = h->fs * 0.8;
  for (guint s = 0; s < n_series; s++)
    {
      double w;

      _atlas_chart_layout_measure (self, column_label (self, s), h->column_size, FALSE, 0, &w, NULL);
      widest = MAX (widest, w);
    }
  h->column_label_h = MIN (widest, self->height * 0.4);
}

/* Split heatmaps colour a cell by its share of the panel's crashes, so that
 * platforms of different sizes compare; single ones by the count. */
static gboolean
colour_by_share (AtlasChartLayout *self)
{
  return atlas_chart_model_get_n_panels (self->model) > 1;
}

static double
max_share (AtlasChartModel *model)
{
  double largest = 0;

  for (guint p = 0; p < atlas_chart_model_get_n_panels (model); p++)
    for (guint r = 0; r < atlas_chart_model_get_n_rows (model); r++)
      for (guint s = 0; s < atlas_chart_model_get_n_series (model); s++)
        {
          double v = atlas_chart_model_get_percent (model, p, r, s);

          if (!isnan (v))
            largest = MAX (largest, v);
        }
  return largest;
}

static double
cell_scale (AtlasChartLayout *self,
            guint             p,
            guint             r,
            guint             s)
{
  AtlasChartModel *model = self->model;

  if (colour_by_share (self))
    return atlas_chart_model_get_percent (model, p, r, s) / MAX (max_share (model), 1e-9);
  return (double)atlas_chart_model_get_count (model, p, r, s) / MAX (atlas_chart_model_get_max_value (model), 1);
}

static void
layout_scale_legend (AtlasChartLayout *self,
                     Heatmap          *h,
                     double            y)
{
  guint max = atlas_chart_model_get_max_value (self->model);
  g_autofree char *max_text = colour_by_share (self) ? _atlas_chart_format_percent (max_share (self->model))
                                                     : _atlas_chart_format_count (max);
  const char *zero = colour_by_share (self) ? "0 %" : "0";
  double size = h->fs * 0.8, bar_w = MIN (self->width * 0.3, h->fs * 14), bar_h = h->fs * 0.7;
  AtlasColor muted = _atlas_color_fade (&self->style.foreground, 0.8);
  Box label, zero_box;
  double bar_x;
  Item *bar;

  label = _atlas_chart_layout_add_text (self, colour_by_share (self) ? _("Colour: share of the platform’s crashes")
                                                                    : _("Crashes per cell:"),
                                        size, FALSE, &self->style.foreground, h->margin, y, 0, 0, 0, FALSE);
  zero_box = _atlas_chart_layout_add_text (self, zero, size, FALSE, &muted, label.x + label.w + h->fs * 0.4,
                                           y + label.h / 2, 0, 0.5, 0, FALSE);
  bar_x = zero_box.x + zero_box.w + h->fs * 0.4;
  bar = _atlas_chart_layout_add_rect (self, bar_x,
                                      y + (label.h - bar_h) / 2, bar_w, bar_h, NULL);
  bar->gradient = TRUE;
  bar->stroke = self->style.foreground;
  bar->line_width = self->style.high_contrast ? 1.0 : 0;
  _atlas_chart_layout_add_text (self, max_text, size, FALSE, &muted,
                                bar_x + bar_w + h->fs * 0.4, y + label.h / 2, 0, 0.5, 0, FALSE);
}

static void
layout_cell (AtlasChartLayout *self,
             Heatmap          *h,
             guint             p,
             guint             r,
             guint             s,
             double            x,
             double            y)
{
  AtlasChartModel *model = self->model;
  guint count = atlas_chart_model_get_count (model, p, r, s);
  double percent = atlas_chart_model_get_percent (model, p, r, s);
  g_autofree char *count_text = _atlas_chart_format_count (count);
  g_autofree char *cell_text = format_cell (h, count);
  g_autofree char *percent_text = _atlas_chart_format_percent (percent);
  g_autofree char *numbers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s crash (%s)", "%s crashes (%s)", count),
                                              count_text, percent_text);
  AtlasColor fill, ink;
  Item *cell;

  if (count > 0)
    atlas_chart_scale_color (cell_scale (self, p, r, s), &fill);
  else
    fill = _atlas_color_fade (&self->style.grid, 0.35);
  cell = _atlas_chart_layout_add_rect (self, x, y, h->cell_w, h->cell_h, &fill);
  cell->stroke = self->style.high_contrast ? self->style.foreground : self->style.background;
  cell->line_width = MAX (0.5, h->fs * (self->style.high_contrast ? 0.1 : 0.08));
  _atlas_chart_layout_add_mark (self, ATLAS_CHART_MARK_CELL, x, y, h->cell_w, h->cell_h, p, r, s,
                                count, percent, atlas_chart_model_dup_filter (model, p, r, s),
                                _atlas_chart_layout_describe (self, p, r, s, numbers));

  if (count > 0)
    atlas_color_contrasting_text (&fill, &ink);
  else
    ink = _atlas_color_fade (&self->style.foreground, 0.6);
  /* Left out only when it would be unreadable anyway (the tooltip and
   * the table still have it). */
  if (h->cell_size >= (self->fixed_text ? _atlas_chart_layout_min_size (self) : 3.5))
    _atlas_chart_layout_add_text (self, cell_text, h->cell_size, FALSE, &ink, x + h->cell_w / 2,
                                  y + h->cell_h / 2, 0.5, 0.5, 0, FALSE);
}

static void
layout_columns (AtlasChartLayout *self,
                Heatmap          *h,
                guint             p,
                double            px)
{
  guint n_series = atlas_chart_model_get_n_series (self->model);

  for (guint s = 0; s < n_series; s++)
    {
      const char *label = column_label (self, s);
      double cx = px + (s + 0.5) * h->cell_w, y = h->bottom + h->fs * 0.3;
      Box box;

      if (h->vertical)
        box = _atlas_chart_layout_add_text (self, label, h->column_size, FALSE, &self->style.foreground,
                                            cx, y, 0.5, 0, h->column_label_h, TRUE);
      else if (h->wrapped)
        box = _atlas_chart_layout_add_wrapped_text (self, label, h->column_size, &self->style.foreground,
                                                    cx, y, h->cell_w * 0.95);
      else
        box = _atlas_chart_layout_add_text (self, label, h->column_size, FALSE, &self->style.foreground,
                                            cx, y, 0.5, 0, h->cell_w, FALSE);
      _atlas_chart_layout_add_mark (self, ATLAS_CHART_MARK_LEGEND, px + s * h->cell_w, box.y,
                                    h->cell_w, box.h, p, G_MAXUINT, s, 0, NAN,
                                    atlas_chart_model_dup_filter (self->model, p, G_MAXUINT, s),
                                    g_strdup_printf (_("Column: %s"),
                                                     atlas_chart_model_get_series_label (self->model, s)));
    }
}

static void
layout_panel (AtlasChartLayout *self,
              Heatmap          *h,
              guint             p)
{
  AtlasChartModel *model = self->model;
  double px = h->x0 + p * (h->panel_w + h->panel_gap);

  if (atlas_chart_model_get_n_panels (model) > 1)
    {
      g_autofree char *total = _atlas_chart_format_count (atlas_chart_model_get_panel_total (model, p));
      g_autofree char *text = g_strdup_printf ("%s (n = %s)", atlas_chart_model_get_panel_label (model, p),
                                               total);

      _atlas_chart_layout_add_text (self, text, h->fs, TRUE, &self->style.foreground,
                                    px + h->panel_w / 2, h->top - h->fs * 0.3, 0.5, 1, h->panel_w, FALSE);
    }
  for (guint r = 0; r < atlas_chart_model_get_n_rows (model); r++)
    for (guint s = 0; s < atlas_chart_model_get_n_series (model); s++)
      layout_cell (self, h, p, r, s, px + s * h->cell_w, h->top + r * h->cell_h);
  layout_columns (self, h, p, px);
}

static double
row_label_width (AtlasChartLayout *self,
                 double            size,
                 double            limit)
{
  double widest = 0;

  for (guint r = 0; r < atlas_chart_model_get_n_rows (self->model); r++)
    {
      double w;

      _atlas_chart_layout_measure (self, atlas_chart_model_get_row_label (self->model, r), size, FALSE,
                                   limit, &w, NULL);
      widest = MAX (widest, MIN (w, limit));
    }
  return widest;
}

void
_atlas_chart_layout_heatmap (AtlasChartLayout *self)
{
  AtlasChartModel *model = self->model;
  guint n_panels = atlas_chart_model_get_n_panels (model);
  guint n_rows = MAX (atlas_chart_model_get_n_rows (model), 1);
  guint n_series = MAX (atlas_chart_model_get_n_series (model), 1);
  Heatmap h = { 0 };
  double y, title_h, label_size, label_w;

  h.fs = self->font_size;
  h.margin = h.fs * 0.9;
  h.panel_gap = h.fs * 1.2;

  y = _atlas_chart_layout_header (self, h.margin);
  layout_scale_legend (self, &h, y);
  y += h.fs * 1.6;
  if (n_panels > 1)
    y += h.fs * 1.5;
  h.top = y;

  _atlas_chart_layout_measure (self, "0", h.fs * 0.9, FALSE, 0, NULL, &title_h);
  label_size = h.fs * 0.9;
  label_w = row_label_width (self, label_size, (self->width - 2 * h.margin) * 0.3);
  h.x0 = h.margin + title_h + h.fs * 0.5 + label_w + h.fs * 0.5;
  h.panel_w = (self->width - h.margin - h.x0 - (n_panels - 1) * h.panel_gap) / n_panels;
  h.cell_w = h.panel_w / n_series;
  choose_column_labels (self, &h);
  h.bottom = MAX (self->height - h.margin - title_h - h.fs * 0.5 - h.column_label_h - h.fs * 0.3,
                  h.top + n_rows);
  h.cell_h = (h.bottom - h.top) / n_rows;
  choose_cell_text (self, &h);
  label_size = MIN (label_size, MAX (h.cell_h * 0.7, _atlas_chart_layout_min_size (self)));

  for (guint r = 0; r < atlas_chart_model_get_n_rows (model); r++)
    _atlas_chart_layout_add_text (self, atlas_chart_model_get_row_label (model, r), label_size, FALSE,
                                  &self->style.foreground, h.x0 - h.fs * 0.5, h.top + (r + 0.5) * h.cell_h,
                                  1, 0.5, label_w + 1, FALSE);
  for (guint p = 0; p < n_panels; p++)
    layout_panel (self, &h, p);

  _atlas_chart_layout_add_text (self, atlas_chart_model_get_value_axis_label (model), h.fs * 0.9, FALSE,
                                &self->style.foreground, h.x0 + (self->width - h.margin - h.x0) / 2,
                                self->height - h.margin, 0.5, 1, self->width - h.margin - h.x0, FALSE);
  _atlas_chart_layout_add_text (self, atlas_chart_model_get_row_axis_label (model), h.fs * 0.9, FALSE,
                                &self->style.foreground, h.margin, (h.top + h.bottom) / 2, 0, 0.5,
                                h.bottom - h.top, TRUE);
}
