/* atlas-chart-bars.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-bars"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "atlas-chart-bars.h"
#include "atlas-chart-layout-private.h"

/* Horizontal bars: category labels on the left read without rotation, which
 * long names ("evaluation / prediction", library names) need. Panels (one
 * per platform) share the row labels and sit side by side. */
typedef struct
{
  double     fs;           /* base font size */
  double     margin;
  double     plot_top;
  double     plot_bottom;
  double     band;         /* height of one row */
  double     x0;           /* left of the first panel */
  double     panel_w;
  double     panel_gap;
  double     bar_max;      /* longest bar */
  double     scale_top;    /* value at bar_max */
  double     step;         /* tick step */
  double     value_size;   /* font size of value labels */
  double     unit;         /* what one crash of the panel laid out adds to a bar */
  gboolean   grouped;
  gboolean   shares;       /* stacked bars in several panels: shares of each panel */
  gboolean   short_labels;
} Bars;

static double
nice_step (double raw)
{
  double e, f;

  if (!(raw > 0))
    return 1;
  e = pow (10, floor (log10 (raw)));
  f = raw / e;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10) * e;
}

static double
bar_value (AtlasChartModel *model,
           gboolean         grouped,
           guint            p,
           guint            r,
           guint            s)
{
  return grouped ? atlas_chart_model_get_percent (model, p, r, s)
                 : (double)atlas_chart_model_get_count (model, p, r, s);
}

static char *
value_label (AtlasChartModel *model,
             Bars            *b,
             guint            p,
             guint            r,
             guint            s)
{
  g_autofree char *count = NULL, *percent = NULL;

  if (b->grouped)
    {
      double pct = atlas_chart_model_get_percent (model, p, r, s);
      double ratio = atlas_chart_model_get_ratio (model, p, r);

      if (isnan (pct))
        return g_strdup (s == 1 ? _("n/a") : "");
      percent = _atlas_chart_format_percent (pct);
      if (b->short_labels)
        return g_steal_pointer (&percent);
      count = _atlas_chart_format_count (atlas_chart_model_get_count (model, p, r, s));
      if (s == 1 && !isnan (ratio))
        /* Translators: import bar label, "45.6 % · 0.27 crashes per use" */
        return g_strdup_printf (_("%s · %.2f per use"), percent, ratio);
      return g_strdup_printf ("%s (%s)", percent, count);
    }
  count = _atlas_chart_format_count (atlas_chart_model_get_row_total (model, p, r));
  if (b->short_labels)
    return g_steal_pointer (&count);
  percent = _atlas_chart_format_percent (atlas_chart_model_get_row_percent (model, p, r));
  return g_strdup_printf ("%s (%s)", count, percent);
}

static double
max_value_label_width (AtlasChartLayout *self,
                       Bars             *b)
{
  AtlasChartModel *model = self->model;
  guint n_series = b->grouped ? atlas_chart_model_get_n_series (model) : 1;
  double widest = 0;

  for (guint p = 0; p < atlas_chart_model_get_n_panels (model); p++)
    for (guint r = 0; r < atlas_chart_model_get_n_rows (model); r++)
      for (guint s = 0; s < n_series; s++)
        {
          g_autofree char *label = value_label (model, b, p, r, s);
          double w;

          _atlas_chart_layout_measure (self, label, b->value_size, FALSE, 0, &w, NULL);
          widest = MAX (widest, w);
        }
  return widest;
}

static double
max_row_label_width (AtlasChartLayout *self,
                     double            size,
                     double            limit)
{
  double widest = 0;

  for (guint r = 0; r < atlas_chart_model_get_n_rows (self->model); r++)
    {
      double w;

      _atlas_chart_layout_measure (self, atlas_chart_model_get_row_label (self->model, r),
                                   size, FALSE, limit, &w, NULL);
      widest = MAX (widest, MIN (w, limit));
    }
  return widest;
}

/* The largest value of panel @p in the panel's own units (crashes, or for
 * grouped bars percent). */
static double
largest_value (AtlasChartModel *model,
               gboolean         grouped,
               guint            p)
{
  double largest = 0;

  for (guint r = 0; r < atlas_chart_model_get_n_rows (model); r++)
    {
      double estimate, low, high;

      if (!grouped)
        largest = MAX (largest, atlas_chart_model_get_row_total (model, p, r));
      /* Error bars fit inside the panel. */
      if (atlas_chart_model_get_estimate (model, p, r, &estimate, &low, &high))
        largest = MAX (largest, grouped ? 100.0 * high : high * atlas_chart_model_get_panel_total (model, p));
      for (guint s = 0; grouped && s < atlas_chart_model_get_n_series (model); s++)
        {
          double v = atlas_chart_model_get_percent (model, p, r, s);

          if (!isnan (v))
            largest = MAX (largest, v);
        }
    }
  return largest;
}

/* One crash's length in panel @p, in the scale's units: platforms differ
 * by orders of magnitude (Kaggle against local), so side-by-side panels of
 * counts would make the smaller one unreadable and invite comparing
 * lengths that mean different things. Panels share one scale of each
 * panel's shares instead; every bar still prints its count. */
static double
panel_unit (AtlasChartModel *model,
            Bars            *b,
            guint            p)
{
  guint total;

  if (!b->shares)
    return 1;
  total = atlas_chart_model_get_panel_total (model, p);
  return total > 0 ? 100.0 / total : 0;
}

static char *
tick_label (Bars   *b,
            double  value)
{
  if (b->grouped || b->shares)
    {
      g_autofree char *number = g_strdup_printf ("%g", value);

      /* Translators: a tick of a share axis, "25 %" */
      return g_strdup_printf (_("%s %%"), number);
    }
  return _atlas_chart_format_count ((guint)value);
}

/* Tick step such that labels never crowd: about one per three label widths. */
static void
choose_scale (AtlasChartLayout *self,
              Bars             *b)
{
  double largest = 0, label_w;
  g_autofree char *widest = NULL;
  int n_ticks;

  for (guint p = 0; p < atlas_chart_model_get_n_panels (self->model); p++)
    largest = MAX (largest, largest_value (self->model, b->grouped, p) * panel_unit (self->model, b, p));
  /* Shares are ticked in round numbers, never wider than "100 %". */
  widest = tick_label (b, b->grouped || b->shares ? 100 : MAX (largest, 1) * 1.2);
  _atlas_chart_layout_measure (self, widest, b->fs * 0.8, FALSE, 0, &label_w, NULL);
  n_ticks = CLAMP ((int)(b->bar_max / (label_w * 1.6)), 1, 6);
  b->step = nice_step (MAX (largest, 1) / n_ticks);
  if (!b->grouped && !b->shares)
    b->step = MAX (ceil (b->step), 1);  /* whole crashes */
  /* The longest bar takes the whole length; ticks stop before it rather than
   * leaving up to half the panel empty up to the next round number. */
  b->scale_top = largest > 0 ? largest : b->step;
}

static void
layout_axes (AtlasChartLayout *self,
             Bars             *b,
             double            px)
{
  const AtlasChartStyle *style = &self->style;
  AtlasColor muted = _atlas_color_fade (&style->foreground, 0.8);
  double line = MAX (0.5, b->fs * (style->high_contrast ? 0.1 : 0.06));

  for (double v = 0; v <= b->scale_top * (1 + 1e-9); v += b->step)
    {
      double x = px + v / b->scale_top * b->bar_max;
      g_autofree char *label = tick_label (b, v);

      if (v > 0)
        _atlas_chart_layout_add_line (self, x, b->plot_top, x, b->plot_bottom, &style->grid, line);
      _atlas_chart_layout_add_line (self, x, b->plot_bottom, x, b->plot_bottom + b->fs * 0.25,
                                    &style->foreground, line);
      _atlas_chart_layout_add_text (self, label, b->fs * 0.8, FALSE, &muted,
                                    x, b->plot_bottom + b->fs * 0.3, 0.5, 0, 0, FALSE);
    }
  _atlas_chart_layout_add_line (self, px, b->plot_top, px, b->plot_bottom, &style->foreground, line * 1.5);
}

/* The count inside a segment, on a patch of its own colour so the hatching
 * does not run through the digits; only where it fits. */
static void
layout_segment_label (AtlasChartLayout *self,
                      Bars             *b,
                      Item              segment_copy,
                      guint             count)
{
  /* A copy: adding items below may move the display list. */
  const Item *segment = &segment_copy;
  g_autofree char *text = _atlas_chart_format_count (count);
  double size = _atlas_chart_layout_text_size (self, TEXT_INSIDE), w, h;
  AtlasColor ink, fill = segment->fill;

  _atlas_chart_layout_measure (self, text, size, FALSE, 0, &w, &h);
  if (w + b->fs * 0.5 > segment->w || h > segment->h)
    return;
  atlas_color_contrasting_text (&fill, &ink);
  _atlas_chart_layout_add_rect (self, segment->x + (segment->w - w) / 2 - b->fs * 0.12,
                                segment->y + (segment->h - h) / 2, w + b->fs * 0.24, h, &fill);
  _atlas_chart_layout_add_text (self, text, size, FALSE, &ink, segment->x + segment->w / 2,
                                segment->y + segment->h / 2, 0.5, 0.5, 0, FALSE);
}

static void
add_bar_mark (AtlasChartLayout *self,
              const Item       *bar,
              guint             p,
              guint             r,
              guint             s)
{
  AtlasChartModel *model = self->model;
  guint count = atlas_chart_model_get_count (model, p, r, s);
  double percent = atlas_chart_model_get_percent (model, p, r, s);
  g_autofree char *count_text = _atlas_chart_format_count (count);
  g_autofree char *percent_text = _atlas_chart_format_percent (percent);
  gboolean notebooks = atlas_chart_model_get_kind (model) == ATLAS_CHART_KIND_LIBRARY && s == 1;
  g_autofree char *numbers = g_strdup_printf (notebooks
                                              ? g_dngettext (GETTEXT_PACKAGE, "%s notebook imports it (%s)",
                                                             "%s notebooks import it (%s)", count)
                                              : g_dngettext (GETTEXT_PACKAGE, "%s crash (%s)", "%s crashes (%s)",
                                                             count),
                                              count_text, percent_text);

  _atlas_chart_layout_add_mark (self, ATLAS_CHART_MARK_BAR, bar->x, bar->y, bar->w, bar->h, p, r, s,
                                count, percent, atlas_chart_model_dup_filter (model, p, r, s),
                                _atlas_chart_layout_describe (self, p, r, s, numbers));
}

/* The row's corpus-wide estimate: a whisker over its 95% interval with end
 * caps and a square at the estimate, in the foreground colour over a halo
 * of the background so it reads on any segment. Returns the whisker's right
 * end (where the value label may start), or 0 without an estimate. */
static double
layout_error_bar (AtlasChartLayout *self,
                  Bars             *b,
                  double            px,
                  guint             p,
                  guint             r,
                  double            cy,
                  double            thickness)
{
  const AtlasChartStyle *style = &self->style;
  double estimate, low, high, scale, x, x0, x1, cap, line, d;

  if (!atlas_chart_model_get_estimate (self->model, p, r, &estimate, &low, &high))
    return 0;
  scale = (b->grouped || b->shares ? 100.0 : atlas_chart_model_get_panel_total (self->model, p))
          / b->scale_top * b->bar_max;
  x = px + estimate * scale;
  x0 = px + low * scale;
  x1 = px + high * scale;
  cap = thickness * 0.22;
  line = MAX (0.75, b->fs * 0.09);
  d = MAX (line * 3, b->fs * 0.5);
  /* Below the middle, where the segments' counts are not. */
  cy += thickness * 0.28;

  for (guint pass = 0; pass < 2; pass++)
    {
      /* First a wider stroke in the background colour, then the ink. */
      const AtlasColor *color = pass == 0 ? &style->background : &style->foreground;
      double w = pass == 0 ? line * 3 : line;

      _atlas_chart_layout_add_line (self, x0, cy, x1, cy, color, w);
      _atlas_chart_layout_add_line (self, x0, cy - cap, x0, cy + cap, color, w);
      _atlas_chart_layout_add_line (self, x1, cy - cap, x1, cy + cap, color, w);
    }
  {
    Item *point = _atlas_chart_layout_add_rect (self, x - d / 2, cy - d / 2, d, d, &style->foreground);

    point->stroke = style->background;
    point->line_width = line;
  }
  return x1;
}

static void
layout_stacked_row (AtlasChartLayout *self,
                    Bars             *b,
                    double            px,
                    guint             p,
                    guint             r,
                    double            cy)
{
  AtlasChartModel *model = self->model;
  guint n_series = atlas_chart_model_get_n_series (model);
  double thickness = MIN (b->band * 0.7, b->fs * 2.4);
  double x = px, y = cy - thickness / 2;
  g_autofree char *label = value_label (model, b, p, r, 0);

  for (guint s = 0; s < n_series; s++)
    {
      guint count = atlas_chart_model_get_count (model, p, r, s);
      double w = count * b->unit / b->scale_top * b->bar_max;
      Item *bar;

      if (count == 0)
        continue;
      bar = _atlas_chart_layout_add_series_rect (self, s, x, y, w, thickness);
      add_bar_mark (self, bar, p, r, s);
      if (n_series > 1)
        layout_segment_label (self, b, g_array_index (self->items, Item, self->items->len - 1), count);
      x += w;
    }
  x = MAX (x, layout_error_bar (self, b, px, p, r, cy, thickness));
  _atlas_chart_layout_add_text (self, label, b->value_size, FALSE, &self->style.foreground,
                                x + b->fs * 0.3, cy, 0, 0.5, 0, FALSE);
  _atlas_chart_layout_halo_last (self);
}

static void
layout_grouped_row (AtlasChartLayout *self,
                    Bars             *b,
                    double            px,
                    guint             p,
                    guint             r,
                    double            cy)
{
  AtlasChartModel *model = self->model;
  guint n_series = atlas_chart_model_get_n_series (model);
  double thickness = MIN (b->band * 0.8 / n_series, b->fs * 1.4);
  double gap = thickness * 0.12;
  double y = cy - (n_series * thickness + (n_series - 1) * gap) / 2;

  for (guint s = 0; s < n_series; s++, y += thickness + gap)
    {
      double v = bar_value (model, TRUE, p, r, s);
      double w = isnan (v) ? 0 : v / b->scale_top * b->bar_max;
      g_autofree char *label = value_label (model, b, p, r, s);
      AtlasColor muted = _atlas_color_fade (&self->style.foreground, 0.85);

      if (w > 0)
        add_bar_mark (self, _atlas_chart_layout_add_series_rect (self, s, px, y, w, thickness), p, r, s);
      _atlas_chart_layout_add_text (self, label, b->value_size, FALSE, &muted,
                                    px + w + b->fs * 0.3, y + thickness / 2, 0, 0.5, 0, FALSE);
      _atlas_chart_layout_halo_last (self);
    }
}

static void
layout_panel_header (AtlasChartLayout *self,
                     Bars             *b,
                     guint             p,
                     double            px,
                     double            y)
{
  g_autofree char *total = _atlas_chart_format_count (atlas_chart_model_get_panel_total (self->model, p));
  g_autofree char *text = g_strdup_printf ("%s (n = %s)", atlas_chart_model_get_panel_label (self->model, p),
                                           total);

  _atlas_chart_layout_add_text (self, text, b->fs, TRUE, &self->style.foreground,
                                px + b->panel_w / 2, y, 0.5, 0, b->panel_w, FALSE);
}

/* The rows of panel @p; the row labels once, left of the first panel. */
static void
layout_rows (AtlasChartLayout *self,
             Bars             *b,
             guint             p,
             double            label_w,
             double            label_size)
{
  AtlasChartModel *model = self->model;
  guint n_rows = atlas_chart_model_get_n_rows (model);
  double px = b->x0 + p * (b->panel_w + b->panel_gap);

  for (guint r = 0; r < n_rows; r++)
    {
      double cy = b->plot_top + (r + 0.5) * b->band;

      if (p == 0)
        {
          _atlas_chart_layout_add_text (self, atlas_chart_model_get_row_label (model, r), label_size, FALSE,
                                        &self->style.foreground, b->x0 - b->fs * 0.5, cy, 1, 0.5,
                                        label_w + 1, FALSE);
          /* Finer causes start alike ("data confusion: misunderstanding
           * of data: …") and differ at their end. */
          if (atlas_chart_model_get_kind (model) == ATLAS_CHART_KIND_ROOT_CAUSE)
            _atlas_chart_layout_ellipsize_middle_last (self);
        }
      if (b->grouped)
        layout_grouped_row (self, b, px, p, r, cy);
      else
        layout_stacked_row (self, b, px, p, r, cy);
    }
}

static void
layout_axis_titles (AtlasChartLayout *self,
                    Bars             *b,
                    double            title_size)
{
  AtlasChartModel *model = self->model;
  guint n_panels = atlas_chart_model_get_n_panels (model);
  double right = b->x0 + n_panels * b->panel_w + (n_panels - 1) * b->panel_gap;

  _atlas_chart_layout_add_text (self, b->shares ? _("Share of each panel’s crashes")
                                           : atlas_chart_model_get_value_axis_label (model), title_size, FALSE,
                                &self->style.foreground, (b->x0 + right) / 2,
                                self->height - b->margin, 0.5, 1, right - b->x0, FALSE);
  _atlas_chart_layout_add_text (self, atlas_chart_model_get_row_axis_label (model), title_size, FALSE,
                                &self->style.foreground, b->margin,
                                (b->plot_top + b->plot_bottom) / 2, 0, 0.5,
                                b->plot_bottom - b->plot_top, TRUE);
}

void
_atlas_chart_layout_bars (AtlasChartLayout *self)
{
  AtlasChartModel *model = self->model;
  guint n_panels = atlas_chart_model_get_n_panels (model);
  guint n_rows = MAX (atlas_chart_model_get_n_rows (model), 1);
  Bars b = { 0 };
  double y, title_h, tick_h, label_size, label_w, legend_h;

  b.fs = self->font_size;
  b.margin = b.fs * 0.9;
  b.grouped = atlas_chart_model_get_shape (model) == ATLAS_CHART_SHAPE_GROUPED_BARS;
  b.shares = !b.grouped && n_panels > 1;
  b.value_size = b.fs * 0.8;
  b.panel_gap = b.fs * 1.5;

  y = _atlas_chart_layout_header (self, b.margin);
  legend_h = _atlas_chart_layout_legend (self, b.margin, y, self->width - 2 * b.margin);
  y += legend_h > 0 ? legend_h + b.fs * 0.6 : 0;
  if (n_panels > 1)
    y += b.fs * 1.6;

  _atlas_chart_layout_measure (self, "0", b.fs * 0.9, FALSE, 0, NULL, &title_h);
  _atlas_chart_layout_measure (self, "0", b.fs * 0.8, FALSE, 0, NULL, &tick_h);
  b.plot_top = y;
  b.plot_bottom = MAX (self->height - b.margin - title_h - b.fs * 0.3 - tick_h - b.fs * 0.3, y + n_rows);
  b.band = (b.plot_bottom - b.plot_top) / n_rows;

  label_size = CLAMP (b.band * (b.grouped ? 0.5 : 0.7), _atlas_chart_layout_min_size (self),
                      self->fixed_text ? _atlas_chart_layout_text_size (self, TEXT_LABEL) : b.fs * 0.95);
  label_w = max_row_label_width (self, label_size, (self->width - 2 * b.margin) * 0.45);
  b.value_size = MAX (MIN (b.value_size, label_size), _atlas_chart_layout_min_size (self));
  b.x0 = b.margin + title_h + b.fs * 0.5 + label_w + b.fs * 0.5;
  b.panel_w = (self->width - b.margin - b.x0 - (n_panels - 1) * b.panel_gap) / n_panels;
  b.bar_max = b.panel_w - max_value_label_width (self, &b) - b.fs * 0.4;
  if (b.bar_max < b.panel_w * 0.5)
    {
      b.short_labels = TRUE;
      b.bar_max = b.panel_w - max_value_label_width (self, &b) - b.fs * 0.4;
    }
  b.bar_max = MAX (b.bar_max, b.panel_w * 0.3);

  choose_scale (self, &b);
  for (guint p = 0; p < n_panels; p++)
    {
      double px = b.x0 + p * (b.panel_w + b.panel_gap);

      b.unit = panel_unit (model, &b, p);
      if (n_panels > 1)
        layout_panel_header (self, &b, p, px, b.plot_top - b.fs * 1.5);
      layout_axes (self, &b, px);
      layout_rows (self, &b, p, label_w, label_size);
    }
  layout_axis_titles (self, &b, b.fs * 0.9);

  /* Rows a label and a half apart (grouped: each bar its value's size and
   * a quarter) need this height, all else kept. */
  if (self->fixed_text)
    {
      double text = _atlas_chart_layout_text_size (self, TEXT_LABEL);
      double row = b.grouped ? atlas_chart_model_get_n_series (model) * text * 1.25 + text * 0.5 : text * 1.6;

      _atlas_chart_layout_need_height (self, b.plot_top + n_rows * row + (self->height - b.plot_bottom));
    }
}
