/* atlas-chart-layout.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-layout"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>

#include "atlas-chart-layout-private.h"

G_DEFINE_FINAL_TYPE (AtlasChartLayout, atlas_chart_layout, G_TYPE_OBJECT)

static void
item_clear (gpointer data)
{
  Item *item = data;

  g_free (item->text);
}

static void
mark_clear (gpointer data)
{
  AtlasChartMark *mark = data;

  g_free (mark->description);
  g_clear_object (&mark->filter);
}

static void
atlas_chart_layout_finalize (GObject *object)
{
  AtlasChartLayout *self = (AtlasChartLayout *)object;

  g_clear_object (&self->model);
  g_free (self->font_family);
  g_array_unref (self->items);
  g_array_unref (self->marks);

  G_OBJECT_CLASS (atlas_chart_layout_parent_class)->finalize (object);
}

static void
atlas_chart_layout_class_init (AtlasChartLayoutClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = atlas_chart_layout_finalize;
}

static void
atlas_chart_layout_init (AtlasChartLayout *self)
{
  self->items = g_array_new (FALSE, TRUE, sizeof (Item));
  g_array_set_clear_func (self->items, item_clear);
  self->marks = g_array_new (FALSE, TRUE, sizeof (AtlasChartMark));
  g_array_set_clear_func (self->marks, mark_clear);
}

AtlasColor
_atlas_color_fade (const AtlasColor *color,
                   double            alpha)
{
  AtlasColor faded = *color;

  faded.alpha *= alpha;
  return faded;
}

/* Layout and drawing must measure alike: fixed resolution (user units are
 * points or pixels, never scaled by a DPI guess) and unhinted metrics, so
 * that text widths do not change between the measuring and drawing surface. */
static Item *append_item (AtlasChartLayout *self,
                          ItemKind          kind);

static PangoLayout *
create_text_layout_full (AtlasChartLayout *self,
                         cairo_t          *cr,
                         const char       *text,
                         double            size,
                         gboolean          bold,
                         double            max_width,
                         gboolean          wrap,
                         int               align)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoContext *context = pango_layout_get_context (layout);
  PangoFontDescription *font = pango_font_description_from_string (self->font_family);
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (context, options);
  pango_cairo_context_set_resolution (context, 72.0);
  /* Unhinted metrics need unrounded positions, else small text gets uneven
   * letter spacing on image surfaces ("M L library"). */
  pango_context_set_round_glyph_positions (context, FALSE);
  pango_layout_context_changed (layout);
  cairo_font_options_destroy (options);

  pango_font_description_set_absolute_size (font, MAX (size, 1.0) * PANGO_SCALE);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);

  /* Untrusted text (library names, titles): never markup. */
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_single_paragraph_mode (layout, TRUE);
  if (max_width > 0)
    pango_layout_set_width (layout, (int)(max_width * PANGO_SCALE));
  if (max_width > 0 && wrap)
    {
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
      pango_layout_set_alignment (layout, align >= 0 ? (PangoAlignment)align : PANGO_ALIGN_CENTER);
    }
  else if (max_width > 0)
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static PangoLayout *
create_text_layout (AtlasChartLayout *self,
                    cairo_t          *cr,
                    const char       *text,
                    double            size,
                    gboolean          bold,
                    double            max_width)
{
  return create_text_layout_full (self, cr, text, size, bold, max_width, FALSE, -1);
}

void
_atlas_chart_layout_measure_wrapped (AtlasChartLayout *self,
                                     const char       *text,
                                     double            size,
                                     double            width,
                                     double           *height,
                                     int              *n_lines,
                                     gboolean         *words_fit)
{
  g_autoptr(PangoLayout) layout = create_text_layout_full (self, self->measure_cr, text, size, FALSE,
                                                           width, TRUE, -1);
  g_auto(GStrv) words = g_strsplit (text, " ", -1);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *height = (double)logical.height / PANGO_SCALE;
  *n_lines = pango_layout_get_line_count (layout);
  *words_fit = TRUE;
  for (guint i = 0; words[i] != NULL && *words_fit; i++)
    {
      double w;

      _atlas_chart_layout_measure (self, words[i], size, FALSE, 0, &w, NULL);
      *words_fit = w <= width;
    }
}

Box
_atlas_chart_layout_add_wrapped_text (AtlasChartLayout *self,
                                      const char       *text,
                                      double            size,
                                      const AtlasColor *color,
                                      double            cx,
                                      double            y,
                                      double            width)
{
  Item *item;
  double h;
  int n_lines;
  gboolean fit;
  Box box;

  _atlas_chart_layout_measure_wrapped (self, text, size, width, &h, &n_lines, &fit);
  box = (Box) { cx - width / 2, y, width, h };
  item = append_item (self, ITEM_TEXT);
  item->x = box.x;
  item->y = box.y;
  item->w = box.w;
  item->h = box.h;
  item->text = g_strdup (text);
  item->size = size;
  item->fill = *color;
  item->max_width = width;
  item->wrap = TRUE;
  return box;
}

double
_atlas_chart_layout_measure_paragraph (AtlasChartLayout *self,
                                       const char       *text,
                                       double            size,
                                       double            width,
                                       int              *n_lines)
{
  g_autoptr(PangoLayout) layout = create_text_layout_full (self, self->measure_cr, text, size, FALSE,
                                                           width, TRUE, PANGO_ALIGN_LEFT);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (n_lines != NULL)
    *n_lines = pango_layout_get_line_count (layout);
  return (double)logical.height / PANGO_SCALE;
}

Box
_atlas_chart_layout_add_paragraph (AtlasChartLayout *self,
                                   const char       *text,
                                   double            size,
                                   const AtlasColor *color,
                                   double            x,
                                   double            y,
                                   double            width,
                                   PangoAlignment    align)
{
  g_autoptr(PangoLayout) layout = create_text_layout_full (self, self->measure_cr, text, size, FALSE,
                                                           width, TRUE, align);
  PangoRectangle logical;
  Item *item;

  pango_layout_get_extents (layout, NULL, &logical);
  item = append_item (self, ITEM_TEXT);
  item->x = x;
  item->y = y;
  item->w = width;
  item->h = (double)logical.height / PANGO_SCALE;
  item->text = g_strdup (text);
  item->size = size;
  item->fill = *color;
  item->max_width = width;
  item->wrap = TRUE;
  item->paragraph = TRUE;
  item->align = align;
  return (Box) { item->x, item->y, item->w, item->h };
}

void
_atlas_chart_layout_measure (AtlasChartLayout *self,
                             const char       *text,
                             double            size,
                             gboolean          bold,
                             double            max_width,
                             double           *width,
                             double           *height)
{
  g_autoptr(PangoLayout) layout = create_text_layout (self, self->measure_cr, text, size, bold, max_width);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double)logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double)logical.height / PANGO_SCALE;
}

static Item *
append_item (AtlasChartLayout *self,
             ItemKind          kind)
{
  Item item = { 0 };

  item.kind = kind;
  g_array_append_val (self->items, item);
  return &g_array_index (self->items, Item, self->items->len - 1);
}

Box
_atlas_chart_layout_add_text (AtlasChartLayout *self,
                              const char       *text,
                              double            size,
                              gboolean          bold,
                              const AtlasColor *color,
                              double            x,
                              double            y,
                              double            ax,
                              double            ay,
                              double            max_width,
                              gboolean          vertical)
{
  Item *item;
  double w, h;
  Box box;

  _atlas_chart_layout_measure (self, text, size, bold, max_width, &w, &h);
  if (max_width > 0)
    w = MIN (w, max_width);
  box.w = vertical ? h : w;
  box.h = vertical ? w : h;
  box.x = x - ax * box.w;
  box.y = y - ay * box.h;

  item = append_item (self, ITEM_TEXT);
  item->x = box.x;
  item->y = box.y;
  item->w = box.w;
  item->h = box.h;
  item->text = g_strdup (text);
  item->size = size;
  item->bold = bold;
  item->fill = *color;
  item->max_width = max_width;
  item->vertical = vertical;
  return box;
}

void
_atlas_chart_layout_halo_last (AtlasChartLayout *self)
{
  if (self->items->len > 0)
    g_array_index (self->items, Item, self->items->len - 1).halo = TRUE;
}

void
_atlas_chart_layout_ellipsize_middle_last (AtlasChartLayout *self)
{
  if (self->items->len > 0)
    g_array_index (self->items, Item, self->items->len - 1).ellipsize_middle = TRUE;
}

Item *
_atlas_chart_layout_add_rect (AtlasChartLayout *self,
                              double            x,
                              double            y,
                              double            w,
                              double            h,
                              const AtlasColor *fill)
{
  Item *item = append_item (self, ITEM_RECT);

  item->x = x;
  item->y = y;
  item->w = w;
  item->h = h;
  if (fill != NULL)
    item->fill = *fill;
  return item;
}

void
_atlas_chart_layout_add_line (AtlasChartLayout *self,
                              double            x0,
                              double            y0,
                              double            x1,
                              double            y1,
                              const AtlasColor *color,
                              double            width)
{
  Item *item = append_item (self, ITEM_LINE);

  item->x = x0;
  item->y = y0;
  item->w = x1 - x0;
  item->h = y1 - y0;
  item->stroke = *color;
  item->line_width = width;
}

void
_atlas_chart_layout_add_mark (AtlasChartLayout   *self,
                              AtlasChartMarkKind  kind,
                              double              x,
                              double              y,
                              double              w,
                              double              h,
                              guint               panel,
                              guint               row,
                              guint               series,
                              guint               count,
                              double              percent,
                              AtlasFilter        *filter,
                              char               *description)
{
  AtlasChartMark mark = { kind, x, y, w, h, panel, row, series, count, percent, description, filter };

  g_array_append_val (self->marks, mark);
}

static gboolean
is_unclassified_series (AtlasChartLayout *self,
                        guint             series)
{
  return g_strcmp0 (atlas_chart_model_get_series_id (self->model, series), ATLAS_UNCLASSIFIED_ID) == 0;
}

/* Colour and hatching per series: solid first, then hatches, so that the
 * series differ by texture as well as colour. A single-series chart uses
 * one solid blue; "unclassified" is always grey and cross-hatched. */
void
_atlas_chart_layout_series_look (AtlasChartLayout *self,
                                 guint             series,
                                 AtlasColor       *fill,
                                 Pattern          *pattern)
{
  static const Pattern patterns[] = { PATTERN_NONE, PATTERN_DIAGONAL, PATTERN_DOTS, PATTERN_BACK_DIAGONAL };
  guint n_series = atlas_chart_model_get_n_series (self->model);
  gboolean hatch = self->style.patterns || self->style.high_contrast;

  if (is_unclassified_series (self, series))
    {
      atlas_chart_palette_color (7, fill);
      *pattern = hatch ? PATTERN_CROSS : PATTERN_NONE;
      return;
    }
  if (n_series == 1)
    {
      /* blue on light backgrounds, sky blue on dark ones */
      atlas_chart_palette_color (atlas_color_luminance (&self->style.background) < 0.3 ? 1 : 4, fill);
      *pattern = PATTERN_NONE;
      return;
    }
  if (atlas_chart_model_get_kind (self->model) == ATLAS_CHART_KIND_LIBRARY)
    atlas_chart_palette_color (series == 0 ? 5 : 1, fill);
  else
    atlas_chart_palette_color (series, fill);
  *pattern = hatch ? patterns[series % G_N_ELEMENTS (patterns)] : PATTERN_NONE;
}

Item *
_atlas_chart_layout_add_series_rect (AtlasChartLayout *self,
                                     guint             series,
                                     double            x,
                                     double            y,
                                     double            w,
                                     double            h)
{
  AtlasColor fill;
  Pattern pattern;
  Item *item;

  _atlas_chart_layout_series_look (self, series, &fill, &pattern);
  item = _atlas_chart_layout_add_rect (self, x, y, w, h, &fill);
  item->pattern = pattern;
  atlas_color_contrasting_text (&fill, &item->pattern_color);
  item->pattern_color.alpha = 0.55f;
  if (self->style.high_contrast)
    {
      item->stroke = self->style.foreground;
      item->line_width = MAX (1.0, self->font_size * 0.12);
    }
  else
    {
      item->stroke = self->style.background;
      item->line_width = MAX (0.5, self->font_size * 0.05);
    }
  return item;
}

double
_atlas_chart_layout_header (AtlasChartLayout *self,
                            double            margin)
{
  const AtlasChartStyle *style = &self->style;
  AtlasColor muted = _atlas_color_fade (&style->foreground, 0.72);
  double width = self->width - 2 * margin;
  double y = margin;
  Box box;

  if (style->show_title)
    {
      box = _atlas_chart_layout_add_text (self, atlas_chart_model_get_title (self->model),
                                          _atlas_chart_layout_text_size (self, TEXT_TITLE), TRUE,
                                          &style->foreground, margin, y, 0, 0, width, FALSE);
      y += box.h + self->font_size * 0.1;
    }
  if (style->show_subtitle)
    {
      /* Filters named make it long: wrapped, never cut. */
      box = _atlas_chart_layout_add_paragraph (self, atlas_chart_model_get_subtitle (self->model),
                                               _atlas_chart_layout_text_size (self, TEXT_SUBTITLE), &muted,
                                               margin, y, width, PANGO_ALIGN_LEFT);
      y += box.h;
    }
  if (!style->show_title && !style->show_subtitle)
    return margin;
  return y + self->font_size * 0.5;
}

static gboolean
has_legend (AtlasChartLayout *self)
{
  return atlas_chart_model_get_n_series (self->model) > 1 &&
         atlas_chart_model_get_shape (self->model) != ATLAS_CHART_SHAPE_HEATMAP;
}

double
_atlas_chart_layout_legend (AtlasChartLayout *self,
                            double            x0,
                            double            y0,
                            double            width)
{
  guint n_series = atlas_chart_model_get_n_series (self->model);
  double size = _atlas_chart_layout_text_size (self, TEXT_LABEL);
  double swatch = size * 1.1, gap = size * 0.4, spacing = size * 1.4;
  double x = x0, y = y0, line_h = 0;

  if (!has_legend (self))
    return 0;

  for (guint s = 0; s < n_series; s++)
    {
      const char *label = atlas_chart_model_get_series_label (self->model, s);
      double tw, th, entry_w;

      _atlas_chart_layout_measure (self, label, size, FALSE, width - swatch - gap, &tw, &th);
      tw = MIN (tw, width - swatch - gap);
      entry_w = swatch + gap + tw;
      if (x > x0 && x + entry_w > x0 + width)
        {
          x = x0;
          y += line_h + size * 0.35;
          line_h = 0;
        }
      line_h = MAX (line_h, MAX (th, swatch));
      _atlas_chart_layout_add_series_rect (self, s, x, y + (MAX (th, swatch) - swatch) / 2, swatch, swatch);
      _atlas_chart_layout_add_text (self, label, size, FALSE, &self->style.foreground,
                                    x + swatch + gap, y + MAX (th, swatch) / 2, 0, 0.5,
                                    width - swatch - gap, FALSE);
      _atlas_chart_layout_add_mark (self, ATLAS_CHART_MARK_LEGEND, x, y, entry_w, MAX (th, swatch),
                                    0, G_MAXUINT, s, 0, NAN,
                                    _atlas_chart_model_dup_series_filter (self->model, s),
                                    g_strdup_printf (_("Legend: %s"), label));
      x += entry_w + spacing;
    }
  return y + line_h - y0;
}

char *
_atlas_chart_layout_describe (AtlasChartLayout *self,
                              guint             panel,
                              guint             row,
                              guint             series,
                              const char       *numbers)
{
  GString *text = g_string_new (NULL);
  const char *panel_label = atlas_chart_model_get_panel_label (self->model, panel);

  if (panel_label != NULL)
    g_string_append_printf (text, "%s · ", panel_label);
  g_string_append (text, atlas_chart_model_get_row_label (self->model, row));
  if (atlas_chart_model_get_n_series (self->model) > 1)
    g_string_append_printf (text, " · %s", atlas_chart_model_get_series_label (self->model, series));
  g_string_append_printf (text, ": %s", numbers);
  return g_string_free (text, FALSE);
}

/* The base font size follows the chart's size: about 10 pt on a 16 x 10 cm
 * figure, never below 6 or above 16. */
static double
base_font_size (double width,
                double height,
                double scale)
{
  double size = MIN (width, height * 1.6) / 45.0;

  return CLAMP (size, 6.0, 16.0) * (scale > 0 ? scale : 1.0);
}

static double
font_scale (AtlasChartLayout *self)
{
  return self->style.font_scale > 0 ? self->style.font_scale : 1.0;
}

double
_atlas_chart_layout_text_size (AtlasChartLayout *self,
                               TextRole          role)
{
  /* Derived sizes: the factors of the base size the app's widget has
   * always used. */
  static const double derived[] = {
    [TEXT_TITLE] = 1.3, [TEXT_SUBTITLE] = 0.85, [TEXT_LABEL] = 0.9,
    [TEXT_TICK] = 0.8, [TEXT_VALUE] = 0.8, [TEXT_INSIDE] = 0.72,
  };
  double text;

  if (!self->fixed_text)
    return self->font_size * derived[role];
  text = self->style.text_size * font_scale (self);
  switch (role)
    {
    case TEXT_TITLE:
      return (self->style.title_size > 0 ? self->style.title_size * font_scale (self) : text * 1.125);
    case TEXT_SUBTITLE:
    case TEXT_INSIDE:
      return MAX (_atlas_chart_layout_min_size (self), text * 0.875);
    case TEXT_LABEL:
    case TEXT_TICK:
    case TEXT_VALUE:
    default:
      return text;
    }
}

double
_atlas_chart_layout_min_size (AtlasChartLayout *self)
{
  if (!self->fixed_text)
    return 4.0;
  return self->style.min_text_size > 0 ? self->style.min_text_size : 6.0;
}

void
_atlas_chart_layout_need_height (AtlasChartLayout *self,
                                 double            height)
{
  self->natural_height = MAX (self->natural_height, ceil (height));
}

/* A layout of @model with the sizes its text and spacing get, ready for
 * the bars or the heatmap (atlas-chart-compose.c) to fill. */
AtlasChartLayout *
_atlas_chart_layout_begin (AtlasChartModel       *model,
                           const AtlasChartStyle *style,
                           cairo_t               *cr,
                           double                 width,
                           double                 height)
{
  AtlasChartLayout *self = g_object_new (ATLAS_TYPE_CHART_LAYOUT, NULL);

  self->model = g_object_ref (model);
  self->style = *style;
  self->font_family = g_strdup (style->font_family ? style->font_family : "Cantarell, Sans");
  self->style.font_family = self->font_family;
  self->width = MAX (width, 1.0);
  self->height = MAX (height, 1.0);
  self->fixed_text = style->text_size > 0;
  /* Spacing keeps the proportions of a 16 x 10 cm figure, whose ticks
   * were 0.8 of the base size. */
  self->font_size = self->fixed_text ? style->text_size * font_scale (self) / 0.8
                                     : base_font_size (self->width, self->height, style->font_scale);
  self->measure_cr = cr;
  return self;
}

/* Rounds a rectangle to whole device pixels (image surfaces, widgets). */
static void
snap_rect (cairo_t *cr,
           double  *x,
           double  *y,
           double  *w,
           double  *h)
{
  double x0 = *x, y0 = *y, x1 = *x + *w, y1 = *y + *h;

  cairo_user_to_device (cr, &x0, &y0);
  cairo_user_to_device (cr, &x1, &y1);
  x0 = round (x0); y0 = round (y0); x1 = round (x1); y1 = round (y1);
  cairo_device_to_user (cr, &x0, &y0);
  cairo_device_to_user (cr, &x1, &y1);
  *x = x0; *y = y0; *w = x1 - x0; *h = y1 - y0;
}

/* A line crisp on pixels: its centre on a pixel centre for odd device widths. */
static void
snap_point (cairo_t *cr,
            double  *x,
            double  *y,
            double   line_width)
{
  double dw = line_width, dh = 0;
  double offset;

  cairo_user_to_device_distance (cr, &dw, &dh);
  offset = ((int)round (fabs (dw)) % 2 == 1) ? 0.5 : 0.0;
  cairo_user_to_device (cr, x, y);
  *x = floor (*x) + offset;
  *y = floor (*y) + offset;
  cairo_device_to_user (cr, x, y);
}

static void
set_color (cairo_t          *cr,
           const AtlasColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
draw_pattern (AtlasChartLayout *self,
              cairo_t          *cr,
              const Item       *item)
{
  double step = MAX (self->font_size * 0.45, 2.5);
  double x0 = item->x, y0 = item->y, x1 = item->x + item->w, y1 = item->y + item->h;
  double span = item->w + item->h;

  cairo_save (cr);
  cairo_rectangle (cr, item->x, item->y, item->w, item->h);
  cairo_clip (cr);
  set_color (cr, &item->pattern_color);
  cairo_set_line_width (cr, MAX (step * 0.22, 0.6));
  if (item->pattern == PATTERN_DOTS)
    {
      for (double y = y0 + step / 2; y < y1; y += step)
        for (double x = x0 + step / 2 + fmod ((y - y0) / step, 2) * step / 2; x < x1; x += step)
          {
            cairo_new_sub_path (cr);
            cairo_arc (cr, x, y, step * 0.17, 0, 2 * G_PI);
          }
      cairo_fill (cr);
      cairo_restore (cr);
      return;
    }
  for (double d = -span; d < span; d += step)
    {
      if (item->pattern == PATTERN_DIAGONAL || item->pattern == PATTERN_CROSS)
        {
          cairo_move_to (cr, x0 + d, y1);
          cairo_line_to (cr, x0 + d + span, y1 - span);
        }
      if (item->pattern == PATTERN_BACK_DIAGONAL || item->pattern == PATTERN_CROSS)
        {
          cairo_move_to (cr, x0 + d, y0);
          cairo_line_to (cr, x0 + d + span, y0 + span);
        }
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
draw_gradient (cairo_t    *cr,
               const Item *item)
{
  cairo_pattern_t *gradient = cairo_pattern_create_linear (item->x, 0, item->x + item->w, 0);

  for (guint i = 0; i <= 16; i++)
    {
      AtlasColor c;

      atlas_chart_scale_color (i / 16.0, &c);
      cairo_pattern_add_color_stop_rgb (gradient, i / 16.0, c.red, c.green, c.blue);
    }
  cairo_set_source (cr, gradient);
  cairo_fill_preserve (cr);
  cairo_pattern_destroy (gradient);
}

static void
draw_rect (AtlasChartLayout *self,
           cairo_t          *cr,
           const Item       *item)
{
  Item r = *item;

  if (self->style.pixel_align)
    snap_rect (cr, &r.x, &r.y, &r.w, &r.h);
  cairo_rectangle (cr, r.x, r.y, r.w, r.h);
  if (r.gradient)
    draw_gradient (cr, &r);
  else if (r.fill.alpha > 0)
    {
      set_color (cr, &r.fill);
      cairo_fill_preserve (cr);
    }
  cairo_new_path (cr);
  if (r.pattern != PATTERN_NONE && r.w > 0 && r.h > 0)
    draw_pattern (self, cr, &r);
  /* A bar thinner than two outlines would be all outline. */
  if (r.stroke.alpha > 0 && r.line_width > 0 && r.w > 2 * r.line_width && r.h > 2 * r.line_width)
    {
      double inset = r.line_width / 2;

      set_color (cr, &r.stroke);
      cairo_set_line_width (cr, r.line_width);
      cairo_rectangle (cr, r.x + inset, r.y + inset, MAX (r.w - 2 * inset, 0), MAX (r.h - 2 * inset, 0));
      cairo_stroke (cr);
    }
}

static void
draw_line (AtlasChartLayout *self,
           cairo_t          *cr,
           const Item       *item)
{
  double x0 = item->x, y0 = item->y, x1 = item->x + item->w, y1 = item->y + item->h;

  if (self->style.pixel_align)
    {
      snap_point (cr, &x0, &y0, item->line_width);
      snap_point (cr, &x1, &y1, item->line_width);
    }
  set_color (cr, &item->stroke);
  cairo_set_line_width (cr, item->line_width);
  cairo_move_to (cr, x0, y0);
  cairo_line_to (cr, x1, y1);
  cairo_stroke (cr);
}

PangoLayout *
_atlas_chart_layout_item_layout (AtlasChartLayout *self,
                                 cairo_t          *cr,
                                 const Item       *item,
                                 const char       *text,
                                 double            max_width)
{
  PangoLayout *layout = create_text_layout_full (self, cr, text, item->size, item->bold,
                                                 item->wrap ? item->max_width : max_width, item->wrap,
                                                 item->paragraph ? (int)item->align : -1);

  if (item->ellipsize_middle && max_width > 0 && !item->wrap)
    pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  return layout;
}

static void
draw_text (AtlasChartLayout *self,
           cairo_t          *cr,
           const Item       *item)
{
  g_autoptr(PangoLayout) layout = NULL;

  if (self->text_sink != NULL)
    {
      self->text_sink (self, cr, item, self->text_sink_data);
      return;
    }
  layout = _atlas_chart_layout_item_layout (self, cr, item, item->text, item->max_width);
  cairo_save (cr);
  set_color (cr, &item->fill);
  if (item->vertical)
    {
      cairo_translate (cr, item->x, item->y + item->h);
      cairo_rotate (cr, -G_PI / 2);
    }
  else
    cairo_translate (cr, item->x, item->y);
  if (item->halo && self->style.background.alpha > 0)
    {
      pango_cairo_layout_path (cr, layout);
      set_color (cr, &self->style.background);
      cairo_set_line_width (cr, item->size * 0.3);
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      /* Glyph outlines are curves: at cairo's default tolerance (0.1 px)
       * stroking them took a third of drawing a chart. Half a pixel off
       * in a background-coloured halo changes 18 pixels of a stage chart
       * at 192 dpi, by at most 5%; vector output keeps the curves. */
      cairo_set_tolerance (cr, 0.5);
      cairo_stroke (cr);
      set_color (cr, &item->fill);
    }
  pango_cairo_show_layout (cr, layout);
  cairo_restore (cr);
}

void
atlas_chart_layout_draw (AtlasChartLayout *self,
                         cairo_t          *cr)
{
  g_return_if_fail (ATLAS_IS_CHART_LAYOUT (self));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  if (self->style.background.alpha > 0)
    {
      set_color (cr, &self->style.background);
      cairo_rectangle (cr, 0, 0, self->width, self->height);
      cairo_fill (cr);
    }
  for (guint i = 0; i < self->items->len; i++)
    {
      const Item *item = &g_array_index (self->items, Item, i);

      switch (item->kind)
        {
        case ITEM_RECT:
          draw_rect (self, cr, item);
          break;
        case ITEM_LINE:
          draw_line (self, cr, item);
          break;
        case ITEM_TEXT:
          draw_text (self, cr, item);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

double
atlas_chart_layout_get_natural_height (AtlasChartLayout *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYOUT (self), 0);
  return self->natural_height > 0 ? self->natural_height : self->height;
}

AtlasChartModel *
atlas_chart_layout_get_model (AtlasChartLayout *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYOUT (self), NULL);
  return self->model;
}

double
atlas_chart_layout_get_width (AtlasChartLayout *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYOUT (self), 0);
  return self->width;
}

double
atlas_chart_layout_get_height (AtlasChartLayout *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYOUT (self), 0);
  return self->height;
}

guint
atlas_chart_layout_get_n_marks (AtlasChartLayout *self)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYOUT (self), 0);
  return self->marks->len;
}

const AtlasChartMark *
atlas_chart_layout_get_mark (AtlasChartLayout *self,
                             guint             index)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYOUT (self), NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);
  return &g_array_index (self->marks, AtlasChartMark, index);
}

const AtlasChartMark *
atlas_chart_layout_hit_test (AtlasChartLayout *self,
                             double            x,
                             double            y,
                             guint            *index)
{
  g_return_val_if_fail (ATLAS_IS_CHART_LAYOUT (self), NULL);

  /* Last drawn wins; thin marks get a minimal target of one unit. */
  for (guint i = self->marks->len; i-- > 0;)
    {
      const AtlasChartMark *mark = &g_array_index (self->marks, AtlasChartMark, i);
      double slack_x = mark->width < 1 ? (1 - mark->width) / 2 : 0;

      if (x >= mark->x - slack_x && x < mark->x + mark->width + slack_x &&
          y >= mark->y && y < mark->y + mark->height)
        {
          if (index != NULL)
            *index = i;
          return mark;
        }
    }
  return NULL;
}

/* Cost of moving from @a to @b in @direction: distance along the direction
 * plus a heavier penalty across it; negative when @b is not that way. */
static double
move_cost (const AtlasChartMark *a,
           const AtlasChartMark *b,
           AtlasChartDirection   direction)
{
  double ax = a->x + a->width / 2, ay = a->y + a->height / 2;
  double bx = b->x + b->width / 2, by = b->y + b->height / 2;
  double along, across;

  switch (direction)
    {
    case ATLAS_CHART_DIRECTION_LEFT:
      along = ax - bx, across = fabs (ay - by);
      break;
    case ATLAS_CHART_DIRECTION_RIGHT:
      along = bx - ax, across = fabs (ay - by);
      break;
    case ATLAS_CHART_DIRECTION_UP:
      along = ay - by, across = fabs (ax - bx);
      break;
    case ATLAS_CHART_DIRECTION_DOWN:
    default:
      along = by - ay, across = fabs (ax - bx);
      break;
    }
  if (along <= 0.5)
    return -1;
  return along + 4 * across;
}

guint
atlas_chart_layout_navigate (AtlasChartLayout    *self,
                             guint                from,
                             AtlasChartDirection  direction)
{
  const AtlasChartMark *a;
  guint best = from;
  double best_cost = G_MAXDOUBLE;

  g_return_val_if_fail (ATLAS_IS_CHART_LAYOUT (self), from);

  if (self->marks->len == 0)
    return from;
  if (from >= self->marks->len)
    return 0;
  a = &g_array_index (self->marks, AtlasChartMark, from);
  for (guint i = 0; i < self->marks->len; i++)
    {
      double cost = i == from ? -1 : move_cost (a, &g_array_index (self->marks, AtlasChartMark, i), direction);

      if (cost >= 0 && cost < best_cost)
        {
          best_cost = cost;
          best = i;
        }
    }
  return best;
}

void
atlas_chart_layout_draw_highlight (AtlasChartLayout *self,
                                   cairo_t          *cr,
                                   guint             index)
{
  const AtlasChartMark *mark;
  double width = MAX (2.0, self->font_size * 0.2);

  g_return_if_fail (ATLAS_IS_CHART_LAYOUT (self));
  if (index >= self->marks->len)
    return;

  mark = &g_array_index (self->marks, AtlasChartMark, index);
  cairo_save (cr);
  /* A halo in the background colour keeps the outline visible on any fill. */
  cairo_rectangle (cr, mark->x - width, mark->y - width, mark->width + 2 * width, mark->height + 2 * width);
  set_color (cr, &self->style.background);
  cairo_set_line_width (cr, width * 2);
  cairo_stroke_preserve (cr);
  set_color (cr, &self->style.accent);
  cairo_set_line_width (cr, width);
  cairo_stroke (cr);
  cairo_restore (cr);
}
