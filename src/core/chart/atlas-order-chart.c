/* atlas-order-chart.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-order-chart"

#include "config.h"

#include <math.h>
#include <glib/gi18n-lib.h>
#include <pango/pangocairo.h>

#include "atlas-order-chart.h"

struct _AtlasOrderChart
{
  GArray *marks;        /* AtlasOrderMark, code cells in notebook order */
  GArray *earlier_than; /* guint per mark: the cell above that ran later, or G_MAXUINT */
  int     max_count;
  guint   n_backward;
  guint   n_never_ran;
};

AtlasOrderChart *
atlas_order_chart_new (AtlasNotebook *notebook,
                       guint          crash_cell)
{
  AtlasOrderChart *self;
  int latest = -1;
  guint latest_cell = 0;

  g_return_val_if_fail (ATLAS_IS_NOTEBOOK (notebook), NULL);

  self = g_new0 (AtlasOrderChart, 1);
  self->marks = g_array_new (FALSE, TRUE, sizeof (AtlasOrderMark));
  self->earlier_than = g_array_new (FALSE, TRUE, sizeof (guint));
  for (guint i = 0; i < atlas_notebook_get_n_cells (notebook); i++)
    {
      const AtlasCell *cell = atlas_notebook_get_cell (notebook, i);
      AtlasOrderMark mark = { ATLAS_ORDER_MARK_RAN, i, cell->execution_count, 0, 0 };
      guint earlier = G_MAXUINT;

      if (cell->kind != ATLAS_CELL_CODE)
        continue;
      if (cell->execution_count < 0)
        {
          mark.kind = ATLAS_ORDER_MARK_NEVER_RAN;
          self->n_never_ran++;
        }
      else
        {
          /* Ran before a cell above it: that cell's count is higher. */
          if (cell->execution_count < latest)
            {
              mark.kind = ATLAS_ORDER_MARK_OUT_OF_ORDER;
              earlier = latest_cell;
              self->n_backward++;
            }
          else
            {
              latest = cell->execution_count;
              latest_cell = i;
            }
          self->max_count = MAX (self->max_count, cell->execution_count);
        }
      if (cell->has_error)
        mark.kind = ATLAS_ORDER_MARK_CRASHED;
      if (i == crash_cell)
        mark.kind = ATLAS_ORDER_MARK_THIS_CRASH;
      g_array_append_val (self->marks, mark);
      g_array_append_val (self->earlier_than, earlier);
    }
  return self;
}

void
atlas_order_chart_free (AtlasOrderChart *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->marks);
  g_array_unref (self->earlier_than);
  g_free (self);
}

guint
atlas_order_chart_get_n_marks (AtlasOrderChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->marks->len;
}

const AtlasOrderMark *
atlas_order_chart_get_mark (AtlasOrderChart *self,
                            guint            index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);
  return &g_array_index (self->marks, AtlasOrderMark, index);
}

guint
atlas_order_chart_get_n_backward (AtlasOrderChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_backward;
}

guint
atlas_order_chart_get_n_never_ran (AtlasOrderChart *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->n_never_ran;
}

/* Whether the executed cell at @index ran before a cell above it (a
 * crashing cell can have, too: its kind then says it crashed). */
static gboolean
ran_early (AtlasOrderChart *self,
           guint            index)
{
  return g_array_index (self->earlier_than, guint, index) != G_MAXUINT;
}

char *
atlas_order_chart_describe (AtlasOrderChart *self,
                            guint            index)
{
  const AtlasOrderMark *mark;
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->marks->len, NULL);

  mark = &g_array_index (self->marks, AtlasOrderMark, index);
  text = g_string_new (NULL);
  if (mark->execution_count < 0)
    /* Translators: a cell of the execution-order chart */
    g_string_append_printf (text, _("Cell %u: never ran"), mark->cell);
  else
    /* Translators: a cell of the execution-order chart, "Cell 7: execution count 3" */
    g_string_append_printf (text, _("Cell %u: execution count %d"), mark->cell, mark->execution_count);
  if (ran_early (self, index))
    /* Translators: appended to "Cell 7: execution count 3" */
    g_string_append_printf (text, _(", ran before cell %u above it"),
                            g_array_index (self->earlier_than, guint, index));
  if (mark->kind == ATLAS_ORDER_MARK_THIS_CRASH)
    g_string_append (text, _(", the crash shown"));
  else if (mark->kind == ATLAS_ORDER_MARK_CRASHED)
    g_string_append (text, _(", crashed"));
  return g_string_free (text, FALSE);
}

char *
atlas_order_chart_summary (AtlasOrderChart *self)
{
  g_autofree char *backward = NULL, *never = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  if (self->n_backward == 0 && self->n_never_ran == 0)
    return g_strdup (_("The code cells ran top to bottom."));
  backward = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u cell ran before a cell above it",
                                           "%u cells ran before a cell above them", self->n_backward),
                              self->n_backward);
  never = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u code cell never ran", "%u code cells never ran",
                                        self->n_never_ran),
                           self->n_never_ran);
  if (self->n_never_ran == 0)
    return g_strdup_printf ("%s.", backward);
  if (self->n_backward == 0)
    return g_strdup_printf ("%s.", never);
  /* Translators: "2 cells ran before a cell above them; 3 code cells never ran." */
  return g_strdup_printf (_("%s; %s."), backward, never);
}

/* ---- drawing ---------------------------------------------------------- */

typedef struct
{
  cairo_t               *cr;
  const AtlasChartStyle *style;
  double                 size;
} Pen;

static void
set_color (cairo_t          *cr,
           const AtlasColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static void
hex_color (guint32     rgb,
           AtlasColor *color)
{
  color->red = ((rgb >> 16) & 0xff) / 255.f;
  color->green = ((rgb >> 8) & 0xff) / 255.f;
  color->blue = (rgb & 0xff) / 255.f;
  color->alpha = 1.f;
}

/* A layout of @text in the pen's font; untrusted text is never markup
 * (here it is only numbers and our own words). */
static PangoLayout *
text_layout (Pen        *pen,
             const char *text,
             double     *width)
{
  PangoLayout *layout = pango_cairo_create_layout (pen->cr);
  g_autoptr(PangoFontDescription) font = pango_font_description_from_string (pen->style->font_family
                                                                             ? pen->style->font_family
                                                                             : "Cantarell, Sans");
  PangoRectangle logical;

  pango_font_description_set_absolute_size (font, pen->size * PANGO_SCALE);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  *width = logical.width / (double)PANGO_SCALE;
  return layout;
}

static double
text_width (Pen        *pen,
            const char *text)
{
  double width;

  g_object_unref (text_layout (pen, text, &width));
  return width;
}

/* Text anchored by (@ax, @ay) in its box; returns its width. */
static double
draw_text (Pen        *pen,
           const char *text,
           double      x,
           double      y,
           double      ax,
           double      ay)
{
  double width;
  g_autoptr(PangoLayout) layout = text_layout (pen, text, &width);
  PangoRectangle logical;
  AtlasColor muted = pen->style->foreground;

  pango_layout_get_extents (layout, NULL, &logical);
  muted.alpha *= 0.8f;
  set_color (pen->cr, &muted);
  cairo_move_to (pen->cr, x - ax * width, y - ay * logical.height / PANGO_SCALE);
  pango_cairo_show_layout (pen->cr, layout);
  return width;
}

static void
draw_mark (cairo_t               *cr,
           const AtlasChartStyle *style,
           const AtlasOrderMark  *mark,
           double                 r)
{
  AtlasColor crash, early;

  /* Okabe–Ito vermillion and orange: apart for every kind of colour
   * vision; the shapes differ too (cross, diamond, triangle, ring). */
  hex_color (style->high_contrast ? 0x000000 : 0xd55e00, &crash);
  hex_color (style->high_contrast ? 0x000000 : 0xe69f00, &early);
  cairo_new_path (cr);
  cairo_set_line_width (cr, MAX (r * 0.45, 1.0));
  switch (mark->kind)
    {
    case ATLAS_ORDER_MARK_THIS_CRASH:
      cairo_move_to (cr, mark->x, mark->y - r * 2);
      cairo_line_to (cr, mark->x + r * 2, mark->y);
      cairo_line_to (cr, mark->x, mark->y + r * 2);
      cairo_line_to (cr, mark->x - r * 2, mark->y);
      cairo_close_path (cr);
      set_color (cr, &crash);
      cairo_fill_preserve (cr);
      set_color (cr, &style->foreground);
      cairo_set_line_width (cr, MAX (r * 0.3, 1.0));
      cairo_stroke (cr);
      break;
    case ATLAS_ORDER_MARK_CRASHED:
      set_color (cr, &crash);
      cairo_move_to (cr, mark->x - r * 1.3, mark->y - r * 1.3);
      cairo_line_to (cr, mark->x + r * 1.3, mark->y + r * 1.3);
      cairo_move_to (cr, mark->x + r * 1.3, mark->y - r * 1.3);
      cairo_line_to (cr, mark->x - r * 1.3, mark->y + r * 1.3);
      cairo_set_line_width (cr, MAX (r * 0.7, 1.5));
      cairo_stroke (cr);
      break;
    case ATLAS_ORDER_MARK_OUT_OF_ORDER:
      cairo_move_to (cr, mark->x, mark->y - r * 1.6);
      cairo_line_to (cr, mark->x + r * 1.5, mark->y + r * 1.1);
      cairo_line_to (cr, mark->x - r * 1.5, mark->y + r * 1.1);
      cairo_close_path (cr);
      set_color (cr, &early);
      cairo_fill_preserve (cr);
      set_color (cr, &style->foreground);
      cairo_set_line_width (cr, MAX (r * 0.25, 0.75));
      cairo_stroke (cr);
      break;
    case ATLAS_ORDER_MARK_NEVER_RAN:
      cairo_arc (cr, mark->x, mark->y, r, 0, 2 * G_PI);
      set_color (cr, &style->foreground);
      cairo_stroke (cr);
      break;
    case ATLAS_ORDER_MARK_RAN:
    default:
      cairo_arc (cr, mark->x, mark->y, r, 0, 2 * G_PI);
      set_color (cr, &style->accent);
      cairo_fill (cr);
      break;
    }
}

/* A key of the marks the chart shows, along its top; returns its height. */
static double
draw_legend (AtlasOrderChart       *self,
             Pen                   *pen,
             double                 x,
             double                 y,
             double                 r)
{
  static const struct
  {
    AtlasOrderMarkKind kind;
    const char        *label;
  } entries[] = {
    { ATLAS_ORDER_MARK_THIS_CRASH, N_("this crash") },
    { ATLAS_ORDER_MARK_CRASHED, N_("crashed") },
    { ATLAS_ORDER_MARK_RAN, N_("ran") },
    { ATLAS_ORDER_MARK_OUT_OF_ORDER, N_("ran before a cell above") },
    { ATLAS_ORDER_MARK_NEVER_RAN, N_("never ran") },
  };

  for (guint e = 0; e < G_N_ELEMENTS (entries); e++)
    {
      AtlasOrderMark mark = { entries[e].kind, 0, 0, x + r * 2, y + pen->size * 0.6 };
      gboolean present = FALSE;

      for (guint i = 0; i < self->marks->len && !present; i++)
        present = g_array_index (self->marks, AtlasOrderMark, i).kind == entries[e].kind;
      if (!present)
        continue;
      draw_mark (pen->cr, pen->style, &mark, r);
      x += r * 4.5;
      x += draw_text (pen, _(entries[e].label), x, y + pen->size * 0.6, 0, 0.5) + pen->size * 1.2;
    }
  return pen->size * 1.6;
}

void
atlas_order_chart_draw (AtlasOrderChart       *self,
                        cairo_t               *cr,
                        const AtlasChartStyle *style,
                        double                 width,
                        double                 height)
{
  Pen pen = { cr, style, style->text_size > 0 ? style->text_size : 8 };
  g_autofree char *top = NULL, *first = NULL, *last = NULL;
  double left, right, plot_top, plot_bottom, lane, r, label_w;
  guint n = self->marks->len;
  AtlasColor early, line;
  gboolean have_previous = FALSE;
  double px = 0, py = 0;
  int previous_count = -1;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL && style != NULL);

  if (n == 0 || width < 40 || height < 40)
    return;
  cairo_save (cr);
  top = g_strdup_printf ("%d", MAX (self->max_count, 1));
  /* The left margin fits the largest count and the lane's name. */
  /* Translators: the lane of the execution-order chart for cells never run */
  label_w = MAX (text_width (&pen, _("never ran")), text_width (&pen, top));
  r = CLAMP (MIN (width / (n * 4.0), height / 40.0), 1.5, pen.size * 0.35);
  left = label_w + pen.size * 0.8;
  right = width - r * 3;
  plot_top = draw_legend (self, &pen, left, 0, r) + pen.size * 0.5 + r * 2;
  lane = self->n_never_ran > 0 ? pen.size * 1.6 : 0;
  plot_bottom = height - pen.size * 1.5 - lane;

  /* Axes: counts up the left, cells along the bottom. */
  set_color (cr, &style->grid);
  cairo_set_line_width (cr, 1);
  cairo_move_to (cr, left, plot_top);
  cairo_line_to (cr, left, plot_bottom);
  cairo_line_to (cr, right, plot_bottom);
  cairo_stroke (cr);
  draw_text (&pen, top, left - pen.size * 0.4, plot_top, 1, 0.5);
  draw_text (&pen, "1", left - pen.size * 0.4, plot_bottom, 1, 0.5);
  if (lane > 0)
    draw_text (&pen, _("never ran"), left - pen.size * 0.4, plot_bottom + lane * 0.6, 1, 0.5);
  first = g_strdup_printf (_("cell %u"), g_array_index (self->marks, AtlasOrderMark, 0).cell);
  last = g_strdup_printf (_("cell %u"), g_array_index (self->marks, AtlasOrderMark, n - 1).cell);
  draw_text (&pen, first, left, height, 0, 1);
  if (n > 1)
    draw_text (&pen, last, right, height, 1, 1);

  for (guint i = 0; i < n; i++)
    {
      AtlasOrderMark *mark = &g_array_index (self->marks, AtlasOrderMark, i);
      double t = n > 1 ? (double)i / (n - 1) : 0.5;

      mark->x = left + r * 2 + t * (right - left - r * 2);
      if (mark->execution_count < 0)
        mark->y = plot_bottom + lane * 0.6;
      else
        mark->y = self->max_count > 1
                  ? plot_bottom - (mark->execution_count - 1) / (double)(self->max_count - 1) * (plot_bottom - plot_top)
                  : (plot_top + plot_bottom) / 2;
    }

  /* The path from cell to cell down the page: a step back in the counts
   * (a cell that ran before the one above it) drawn thick and dashed. */
  hex_color (style->high_contrast ? 0x000000 : 0xe69f00, &early);
  line = style->foreground;
  line.alpha *= 0.35f;
  for (guint i = 0; i < n; i++)
    {
      const AtlasOrderMark *mark = &g_array_index (self->marks, AtlasOrderMark, i);

      if (mark->execution_count < 0)
        continue;
      if (have_previous)
        {
          gboolean back = mark->execution_count < previous_count;
          double dash = r * 2;

          cairo_new_path (cr);
          cairo_move_to (cr, px, py);
          cairo_line_to (cr, mark->x, mark->y);
          set_color (cr, back ? &early : &line);
          cairo_set_line_width (cr, back ? MAX (r * 0.8, 1.5) : 1);
          cairo_set_dash (cr, back ? &dash : NULL, back ? 1 : 0, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
        }
      px = mark->x;
      py = mark->y;
      previous_count = mark->execution_count;
      have_previous = TRUE;
    }
  for (guint i = 0; i < n; i++)
    draw_mark (cr, style, &g_array_index (self->marks, AtlasOrderMark, i), r);
  cairo_restore (cr);
}

int
atlas_order_chart_hit_test (AtlasOrderChart *self,
                            double           x,
                            double           y,
                            double           radius)
{
  int best = -1;
  double best_d = radius * radius;

  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const AtlasOrderMark *mark = &g_array_index (self->marks, AtlasOrderMark, i);
      double d = (mark->x - x) * (mark->x - x) + (mark->y - y) * (mark->y - y);

      if (d <= best_d)
        {
          best_d = d;
          best = i;
        }
    }
  return best;
}
