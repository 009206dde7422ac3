/* atlas-chart-svg.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-svg"

#include "config.h"

#include <math.h>
#include <string.h>

#include "atlas-chart-layout-private.h"

/* Cairo's SVG surface draws text as glyph outlines, which no editor can
 * change and no search finds. Here every text of a chart becomes a <text>
 * element instead, one per line, placed where Pango puts that line: with
 * the chart's font installed it looks as the PDF does, and an author can
 * still correct a label in Inkscape. */

typedef struct
{
  GString *out;
} SvgText;

static double
text_width (AtlasChartLayout *self,
            cairo_t          *cr,
            const Item       *item,
            const char       *text)
{
  g_autoptr(PangoLayout) layout = _atlas_chart_layout_item_layout (self, cr, item, text, 0);
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  return logical.width / (double)PANGO_SCALE;
}

/* The text with its end (or middle) replaced by "…" so that it fits
 * @max_width, as Pango ellipsizes it when drawing; the most characters
 * that fit, found by bisection on character counts. */
static char *
ellipsize (AtlasChartLayout *self,
           cairo_t          *cr,
           const Item       *item)
{
  glong n = g_utf8_strlen (item->text, -1), lo = 0, hi = n;

  if (item->max_width <= 0 || item->wrap || text_width (self, cr, item, item->text) <= item->max_width)
    return g_strdup (item->text);
  while (lo < hi)
    {
      glong keep = (lo + hi + 1) / 2;
      g_autofree char *candidate = NULL;

      if (item->ellipsize_middle)
        {
          g_autofree char *head = g_utf8_substring (item->text, 0, (keep + 1) / 2);
          g_autofree char *tail = g_utf8_substring (item->text, n - keep / 2, n);

          candidate = g_strconcat (head, "…", tail, NULL);
        }
      else
        {
          g_autofree char *head = g_utf8_substring (item->text, 0, keep);

          candidate = g_strconcat (head, "…", NULL);
        }
      if (text_width (self, cr, item, candidate) <= item->max_width)
        lo = keep;
      else
        hi = keep - 1;
    }
  if (item->ellipsize_middle)
    {
      g_autofree char *head = g_utf8_substring (item->text, 0, (lo + 1) / 2);
      g_autofree char *tail = g_utf8_substring (item->text, n - lo / 2, n);

      return g_strconcat (head, "…", tail, NULL);
    }
  else
    {
      g_autofree char *head = g_utf8_substring (item->text, 0, lo);

      return g_strconcat (head, "…", NULL);
    }
}

static void
append_color (GString          *out,
              const char       *attribute,
              const AtlasColor *color)
{
  char opacity[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append_printf (out, " %s=\"#%02x%02x%02x\"", attribute,
                          (guint)lround (CLAMP (color->red, 0, 1) * 255),
                          (guint)lround (CLAMP (color->green, 0, 1) * 255),
                          (guint)lround (CLAMP (color->blue, 0, 1) * 255));
  if (color->alpha < 1)
    g_string_append_printf (out, " %s-opacity=\"%s\"", attribute,
                            g_ascii_formatd (opacity, sizeof opacity, "%.3f", CLAMP (color->alpha, 0, 1)));
}

static void
append_number (GString *out,
               double   value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  g_string_append (out, g_ascii_formatd (buffer, sizeof buffer, "%.2f", value));
}

static void
write_text (AtlasChartLayout *self,
            cairo_t          *cr,
            const Item       *item,
            gpointer          data)
{
  SvgText *svg = data;
  g_autofree char *visible = ellipsize (self, cr, item);
  g_autoptr(PangoLayout) layout = _atlas_chart_layout_item_layout (self, cr, item, visible, 0);
  g_autofree char *family = g_markup_escape_text (self->font_family, -1);
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  const char *text = pango_layout_get_text (layout);

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;
      g_autofree char *escaped = NULL;
      double x, y;

      if (line->length == 0)
        continue;
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      x = logical.x / (double)PANGO_SCALE;
      y = pango_layout_iter_get_baseline (iter) / (double)PANGO_SCALE;
      escaped = g_markup_escape_text (text + line->start_index, line->length);

      g_string_append (svg->out, "<text xml:space=\"preserve\"");
      if (item->vertical)
        {
          /* As drawn: the box's bottom left, turned a quarter left. */
          g_string_append (svg->out, " transform=\"translate(");
          append_number (svg->out, item->x);
          g_string_append_c (svg->out, ' ');
          append_number (svg->out, item->y + item->h);
          g_string_append (svg->out, ") rotate(-90)\" x=\"");
          append_number (svg->out, x);
        }
      else
        {
          g_string_append (svg->out, " x=\"");
          append_number (svg->out, item->x + x);
        }
      g_string_append (svg->out, "\" y=\"");
      append_number (svg->out, item->vertical ? y : item->y + y);
      g_string_append_printf (svg->out, "\" font-family=\"%s\" font-size=\"", family);
      append_number (svg->out, item->size);
      g_string_append_c (svg->out, '"');
      if (item->bold)
        g_string_append (svg->out, " font-weight=\"bold\"");
      append_color (svg->out, "fill", &item->fill);
      if (item->halo && self->style.background.alpha > 0)
        {
          append_color (svg->out, "stroke", &self->style.background);
          g_string_append (svg->out, " stroke-width=\"");
          append_number (svg->out, item->size * 0.3);
          g_string_append (svg->out, "\" stroke-linejoin=\"round\" paint-order=\"stroke\"");
        }
      g_string_append_printf (svg->out, ">%s</text>\n", escaped);
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

void
atlas_chart_layout_draw_svg (AtlasChartLayout *self,
                             cairo_t          *cr,
                             GString          *texts)
{
  SvgText svg = { texts };

  g_return_if_fail (ATLAS_IS_CHART_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (texts != NULL);

  self->text_sink = write_text;
  self->text_sink_data = &svg;
  atlas_chart_layout_draw (self, cr);
  self->text_sink = NULL;
  self->text_sink_data = NULL;
}
