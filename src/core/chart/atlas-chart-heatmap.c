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
  gboolean row_codes;     /* rows labelled by their identifiers (API, NB), with a key */
  gboolean column_codes;  /* columns likewise (DATAP, TRAIN) */
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
static gboolean
column_codes (AtlasChartLayout *self,
              Heatmap          *h)
{
  return h->column_codes || atlas_chart_model_get_kind (self->model) == ATLAS_CHART_KIND_CAUSE_BY_TYPE;
}

static const char *
column_label (AtlasChartLayout *self,
              Heatmap          *h,
              guint             series)
{
  if (column_codes (self, h))
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

      _atlas_chart_layout_measure (self, column_label (self, h, s), size, FALSE, 0, &w, &th);
      widest = MAX (widest, w);
      tall = MAX (tall, th);
      _atlas_chart_layout_measure_wrapped (self, column_label (self, h, s), size,
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
 * needed, a little smaller if that helps, else the identifiers, else
 * rotated (ellipsized only beyond 40 % of the height). */
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
  /* Names turned on their side take the cells' height: identifiers read
   * across, with the key, first. */
  h->column_codes = TRUE;
  if (try_horizontal_labels (self, h, h->fs * 0.8) ||
      try_horizontal_labels (self, h, MAX (h->fs * 0.7, _atlas_chart_layout_min_size (self))))
    return;
  h->vertical = TRUE;
  h->wrapped = FALSE;
  h->column_size = h->fs * 0.8;
  for (guint s = 0; s < n_series; s++)
    {
      double w;

      _atlas_chart_layout_measure (self, column_label (self, h, s), h->column_size, FALSE, 0, &w, NULL);
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
      const char *label = column_label (self, h, s);
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

static const char *
row_label (AtlasChartLayout *self,
           Heatmap          *h,
           guint             r)
{
  if (h->row_codes)
    return atlas_chart_model_get_row_id (self->model, r);
  return atlas_chart_model_get_row_label (self->model, r);
}

/* The widest row label; @whole: whether every label fits @limit. */
static double
row_label_width (AtlasChartLayout *self,
                 Heatmap          *h,
                 double            size,
                 double            limit,
                 gboolean         *whole)
{
  double widest = 0;

  *whole = TRUE;
  for (guint r = 0; r < atlas_chart_model_get_n_rows (self->model); r++)
    {
      double w;

      _atlas_chart_layout_measure (self, row_label (self, h, r), size, FALSE, 0, &w, NULL);
      *whole = *whole && w <= limit;
      widest = MAX (widest, MIN (w, limit));
    }
  return widest;
}

/* What the identifiers printed in place of names stand for ("API: API
 * misuse · NB: notebook-specific …"), or NULL when names are printed. An
 * abbreviation nobody can look up in the figure is not a label. */
/* "%s: %s" with no-break spaces and hyphens, so a line of the key breaks
 * only between its entries. */
static void
append_key_entry (GString    *key,
                  const char *code,
                  const char *name)
{
  /* Translators: an entry of a chart's key of abbreviations, "NB: notebook-specific" */
  g_autofree char *entry = g_strdup_printf (_("%s: %s"), code, name);
  g_auto(GStrv) words = g_strsplit (entry, " ", -1);
  g_autofree char *spaced = g_strjoinv ("\u00a0", words);
  g_auto(GStrv) parts = g_strsplit (spaced, "-", -1);
  g_autofree char *joined = g_strjoinv ("\u2011", parts);  /* non-breaking hyphen */

  if (key->len > 0)
    g_string_append (key, " \u00a0· ");
  g_string_append (key, joined);
}

static char *
codes_key (AtlasChartLayout *self,
           Heatmap          *h)
{
  AtlasChartModel *model = self->model;
  GString *key = g_string_new (NULL);

  for (guint r = 0; h->row_codes && r < atlas_chart_model_get_n_rows (model); r++)
    append_key_entry (key, atlas_chart_model_get_row_id (model, r), atlas_chart_model_get_row_label (model, r));
  for (guint s = 0; column_codes (self, h) && s < atlas_chart_model_get_n_series (model); s++)
    append_key_entry (key, atlas_chart_model_get_series_id (model, s),
                      atlas_chart_model_get_series_label (model, s));
  if (key->len == 0)
    {
      g_string_free (key, TRUE);
      return NULL;
    }
  return g_string_free (key, FALSE);
}

void
_atlas_chart_layout_heatmap (AtlasChartLayout *self)
{
  AtlasChartModel *model = self->model;
  guint n_panels = atlas_chart_model_get_n_panels (model);
  guint n_rows = MAX (atlas_chart_model_get_n_rows (model), 1);
  guint n_series = MAX (atlas_chart_model_get_n_series (model), 1);
  Heatmap h = { 0 };
  g_autofree char *key = NULL;
  double y, title_h, label_size, label_w, limit, key_h = 0, key_size, first_key_h = 0;
  gboolean whole;

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
  limit = (self->width - 2 * h.margin) * 0.3;
  key_size = self->fixed_text ? _atlas_chart_layout_text_size (self, TEXT_TICK) : h.fs * 0.75;
  /* Rows named by their identifiers when a name does not fit; the key of
   * identifiers may take up to a third of the figure: beyond, the rows go
   * back to their shortened names, and then the key goes, so that a small
   * figure keeps its cells readable. */
  for (guint attempt = 0; attempt < 3; attempt++)
    {
      label_w = row_label_width (self, &h, label_size, limit, &whole);
      if (attempt == 0 && !whole)
        {
          h.row_codes = TRUE;
          label_w = row_label_width (self, &h, label_size, limit, &whole);
        }
      h.x0 = h.margin + title_h + h.fs * 0.5 + label_w + h.fs * 0.5;
      h.panel_w = (self->width - h.margin - h.x0 - (n_panels - 1) * h.panel_gap) / n_panels;
      h.cell_w = h.panel_w / n_series;
      h.column_codes = FALSE;
      choose_column_labels (self, &h);
      g_clear_pointer (&key, g_free);
      key = attempt < 2 ? codes_key (self, &h) : NULL;
      key_h = key == NULL ? 0 : _atlas_chart_layout_measure_paragraph (self, key, key_size,
                                                                      self->width - 2 * h.margin, NULL)
                                + h.fs * 0.4;
      if (attempt == 0)
        first_key_h = key_h;
      if (key_h <= self->height / 3)
        break;
      h.row_codes = FALSE;
    }
  h.bottom = MAX (self->height - h.margin - key_h - title_h - h.fs * 0.5 - h.column_label_h - h.fs * 0.3,
                  h.top + n_rows);
  h.cell_h = (h.bottom - h.top) / n_rows;
  choose_cell_text (self, &h);
  label_size = MIN (label_size, MAX (h.cell_h * 0.7, _atlas_chart_layout_min_size (self)));
  /* Cells tall enough for their numbers at full size. */
  if (self->fixed_text)
    {
      double cell = MAX (MIN (h.fs * 0.8, _atlas_chart_layout_text_size (self, TEXT_INSIDE)) / 0.55,
                         label_size * 1.3);
      /* With room for the whole key of identifiers, if it was cut. */
      double need = h.top + n_rows * cell + (self->height - h.bottom) - key_h + first_key_h;

      _atlas_chart_layout_need_height (self, MAX (need, first_key_h * 3));
    }

  for (guint r = 0; r < atlas_chart_model_get_n_rows (model); r++)
    _atlas_chart_layout_add_text (self, row_label (self, &h, r), label_size, FALSE,
                                  &self->style.foreground, h.x0 - h.fs * 0.5, h.top + (r + 0.5) * h.cell_h,
                                  1, 0.5, label_w + 1, FALSE);
  for (guint p = 0; p < n_panels; p++)
    layout_panel (self, &h, p);

  _atlas_chart_layout_add_text (self, atlas_chart_model_get_value_axis_label (model), h.fs * 0.9, FALSE,
                                &self->style.foreground, h.x0 + (self->width - h.margin - h.x0) / 2,
                                self->height - h.margin - key_h, 0.5, 1, self->width - h.margin - h.x0, FALSE);
  if (key != NULL)
    _atlas_chart_layout_add_paragraph (self, key, key_size, &self->style.foreground, h.margin,
                                       self->height - h.margin - key_h + h.fs * 0.4,
                                       self->width - 2 * h.margin, PANGO_ALIGN_LEFT);
  _atlas_chart_layout_add_text (self, atlas_chart_model_get_row_axis_label (model), h.fs * 0.9, FALSE,
                                &self->style.foreground, h.margin, (h.top + h.bottom) / 2, 0, 0.5,
                                h.bottom - h.top, TRUE);
}
