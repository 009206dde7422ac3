/* test-order-chart.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "atlas-notebook-reader.h"
#include "atlas-order-chart.h"

/* Code cells 0-6 (cell 2 is markdown): counts 1, 2, 9, 4, 3, null, 10;
 * cell 4 crashed earlier, cell 7 is the crash shown. */
#define CODE(n, source) \
  "{\"cell_type\": \"code\", \"execution_count\": " #n ", \"metadata\": {}, \"source\": \"" source \
  "\", \"outputs\": []}"
#define CRASHED(n, source) \
  "{\"cell_type\": \"code\", \"execution_count\": " #n ", \"metadata\": {}, \"source\": \"" source \
  "\", \"outputs\": [{\"output_type\": \"error\", \"ename\": \"NameError\", \"evalue\": \"name 'x' is not defined\", " \
  "\"traceback\": []}]}"

static const char notebook_json[] =
  "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
  CODE (1, "import numpy as np") ","
  CODE (2, "a = 1") ","
  "{\"cell_type\": \"markdown\", \"metadata\": {}, \"source\": \"## Model\"},"
  CODE (9, "b = a") ","
  CRASHED (4, "print(x)") ","
  CODE (3, "x = 2") ","
  CODE (null, "y = 3") ","
  CRASHED (10, "print(z)")
  "]}";

static AtlasNotebook *
read_notebook (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (notebook_json, sizeof notebook_json - 1);
  g_autoptr(GError) error = NULL;
  AtlasNotebook *notebook = atlas_notebook_read_bytes (bytes, "order.ipynb", ATLAS_PLATFORM_LOCAL, 0, &error);

  g_assert_no_error (error);
  return notebook;
}

/* Each code cell is one mark of the right kind: a cell with a lower count
 * than one above it ran before it; the crash shown and an earlier crash are
 * marked; a null count never ran. */
static void
test_marks (void)
{
  g_autoptr(AtlasNotebook) notebook = read_notebook ();
  g_autoptr(AtlasOrderChart) chart = atlas_order_chart_new (notebook, 7);
  static const AtlasOrderMarkKind kinds[] = {
    ATLAS_ORDER_MARK_RAN, ATLAS_ORDER_MARK_RAN, ATLAS_ORDER_MARK_RAN, ATLAS_ORDER_MARK_CRASHED,
    ATLAS_ORDER_MARK_OUT_OF_ORDER, ATLAS_ORDER_MARK_NEVER_RAN, ATLAS_ORDER_MARK_THIS_CRASH,
  };
  static const guint cells[] = { 0, 1, 3, 4, 5, 6, 7 };
  g_autofree char *described = NULL, *crashed = NULL, *summary = NULL;

  g_assert_cmpuint (atlas_order_chart_get_n_marks (chart), ==, G_N_ELEMENTS (kinds));
  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    {
      const AtlasOrderMark *mark = atlas_order_chart_get_mark (chart, i);

      g_assert_cmpint (mark->kind, ==, kinds[i]);
      g_assert_cmpuint (mark->cell, ==, cells[i]);
    }
  /* cells 4 (count 4) and 5 (count 3) ran before cell 3 (count 9) */
  g_assert_cmpuint (atlas_order_chart_get_n_backward (chart), ==, 2);
  g_assert_cmpuint (atlas_order_chart_get_n_never_ran (chart), ==, 1);

  described = atlas_order_chart_describe (chart, 4);
  g_assert_cmpstr (described, ==, "Cell 5: execution count 3, ran before cell 3 above it");
  crashed = atlas_order_chart_describe (chart, 3);
  g_assert_cmpstr (crashed, ==, "Cell 4: execution count 4, ran before cell 3 above it, crashed");
  summary = atlas_order_chart_summary (chart);
  g_assert_cmpstr (summary, ==, "2 cells ran before a cell above them; 1 code cell never ran.");
}

/* Drawn, marks go left to right in notebook order, higher counts higher
 * up, the never-run cell below every executed one; each mark is found
 * again by its position, and a point far from all finds nothing. */
static void
test_draw_and_hit (void)
{
  g_autoptr(AtlasNotebook) notebook = read_notebook ();
  g_autoptr(AtlasOrderChart) chart = atlas_order_chart_new (notebook, 7);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 600, 160);
  cairo_t *cr = cairo_create (surface);
  const char *out = g_getenv ("ATLAS_ORDER_CHART_PNG");
  AtlasChartStyle style;
  guint n;

  atlas_chart_style_init_light (&style);
  atlas_order_chart_draw (chart, cr, &style, 600, 160);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  if (out != NULL)
    cairo_surface_write_to_png (surface, out);
  n = atlas_order_chart_get_n_marks (chart);
  for (guint i = 0; i < n; i++)
    {
      const AtlasOrderMark *mark = atlas_order_chart_get_mark (chart, i);

      g_assert_cmpint (atlas_order_chart_hit_test (chart, mark->x + 1, mark->y, 10), ==, (int)i);
      g_assert_true (mark->x > 0 && mark->x < 600 && mark->y > 0 && mark->y < 160);
      if (i > 0)
        g_assert_cmpfloat (mark->x, >, atlas_order_chart_get_mark (chart, i - 1)->x);
    }
  /* count 10 above count 9 above count 1; never ran lowest */
  g_assert_cmpfloat (atlas_order_chart_get_mark (chart, 6)->y, <, atlas_order_chart_get_mark (chart, 2)->y);
  g_assert_cmpfloat (atlas_order_chart_get_mark (chart, 2)->y, <, atlas_order_chart_get_mark (chart, 0)->y);
  for (guint i = 0; i < n; i++)
    if (i != 5)
      g_assert_cmpfloat (atlas_order_chart_get_mark (chart, 5)->y, >, atlas_order_chart_get_mark (chart, i)->y);
  g_assert_cmpint (atlas_order_chart_hit_test (chart, 599, 1, 5), ==, -1);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A notebook run top to bottom says so. */
static void
test_in_order (void)
{
  static const char json[] =
    "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
    CODE (1, "a = 1") "," CODE (2, "b = 2") "," CRASHED (3, "print(x)") "]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (json, sizeof json - 1);
  g_autoptr(AtlasNotebook) notebook = atlas_notebook_read_bytes (bytes, "in-order.ipynb", ATLAS_PLATFORM_LOCAL, 0, NULL);
  g_autoptr(AtlasOrderChart) chart = atlas_order_chart_new (notebook, 2);
  g_autofree char *summary = atlas_order_chart_summary (chart);

  g_assert_cmpuint (atlas_order_chart_get_n_backward (chart), ==, 0);
  g_assert_cmpstr (summary, ==, "The code cells ran top to bottom.");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/Atlas/OrderChart/marks", test_marks);
  g_test_add_func ("/Atlas/OrderChart/draw-and-hit", test_draw_and_hit);
  g_test_add_func ("/Atlas/OrderChart/in-order", test_in_order);
  return g_test_run ();
}
