/* test-chart-render.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gstdio.h>

#include "atlas-chart.h"
#include "chart-fixture.h"

static guint32
be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

static guint
count_matching (AtlasCorpus *corpus,
                AtlasFilter *filter)
{
  guint n = 0;

  for (guint i = 0; i < atlas_corpus_get_n_crashes (corpus); i++)
    n += atlas_filter_matches (filter, atlas_corpus_get_crash (corpus, i));
  return n;
}

static AtlasChartLayout *
render_to_image (AtlasChartModel *model,
                 double           width,
                 double           height)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int)width, (int)height);
  cairo_t *cr = cairo_create (surface);
  AtlasChartStyle style;
  AtlasChartLayout *layout;

  atlas_chart_style_init_light (&style);
  style.pixel_align = TRUE;
  layout = atlas_chart_render (model, &style, cr, width, height);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return layout;
}

/* Hovering the centre of a mark finds that mark, whose filter selects
 * exactly its crashes; a point in the margin finds nothing. */
static void
test_hit_test (void)
{
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (2000, 3);
  g_autoptr(AtlasChartModel) model = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_STAGE, NULL);
  g_autoptr(AtlasChartLayout) layout = render_to_image (model, 800, 500);
  guint n_bars = 0, n_legend = 0;

  g_assert_cmpuint (atlas_chart_layout_get_n_marks (layout), >, 0);
  for (guint i = 0; i < atlas_chart_layout_get_n_marks (layout); i++)
    {
      const AtlasChartMark *mark = atlas_chart_layout_get_mark (layout, i);
      guint found = G_MAXUINT;

      g_assert_true (atlas_chart_layout_hit_test (layout, mark->x + mark->width / 2,
                                                  mark->y + mark->height / 2, &found) == mark);
      g_assert_cmpuint (found, ==, i);
      g_assert_nonnull (mark->description);
      if (mark->kind == ATLAS_CHART_MARK_BAR)
        {
          n_bars++;
          g_assert_cmpuint (count_matching (corpus, mark->filter), ==, mark->count);
          g_assert_cmpuint (mark->count, ==, atlas_chart_model_get_count (model, mark->panel, mark->row, mark->series));
        }
      else
        {
          guint series_total = 0;

          g_assert_cmpint (mark->kind, ==, ATLAS_CHART_MARK_LEGEND);
          g_assert_cmpuint (mark->row, ==, G_MAXUINT);
          /* a legend entry selects its whole series */
          for (guint r = 0; r < atlas_chart_model_get_n_rows (model); r++)
            series_total += atlas_chart_model_get_count (model, 0, r, mark->series);
          g_assert_cmpuint (count_matching (corpus, mark->filter), ==, series_total);
          n_legend++;
        }
    }
  /* 6 stages + unclassified; ML/PY per stage, unclassified alone */
  g_assert_cmpuint (n_bars, ==, 13);
  g_assert_cmpuint (n_legend, ==, 3);
  g_assert_null (atlas_chart_layout_hit_test (layout, 1, 1, NULL));
  g_assert_null (atlas_chart_layout_hit_test (layout, 799, 499, NULL));
}

/* Side-by-side platform panels share one scale, of each panel's shares:
 * a bar's length per share of its panel is the same in every panel, so
 * lengths compare across platforms of any size. */
static void
test_panels_share_a_scale (void)
{
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (3000, 7);
  g_autoptr(AtlasChartModel) model = NULL;
  g_autoptr(AtlasChartLayout) layout = NULL;
  AtlasChartOptions options;
  double per_share = 0;
  guint panels_seen = 0;

  atlas_chart_options_init (&options);
  options.by_platform = TRUE;
  model = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_CRASH_TYPE, &options);
  g_assert_cmpuint (atlas_chart_model_get_n_panels (model), >=, 2);
  layout = render_to_image (model, 1200, 700);
  for (guint i = 0; i < atlas_chart_layout_get_n_marks (layout); i++)
    {
      const AtlasChartMark *mark = atlas_chart_layout_get_mark (layout, i);
      guint total;
      double share;

      if (mark->kind != ATLAS_CHART_MARK_BAR || mark->count < 20)
        continue;
      total = atlas_chart_model_get_panel_total (model, mark->panel);
      share = (double)mark->count / total;
      if (per_share == 0)
        per_share = mark->width / share;
      else
        g_assert_cmpfloat_with_epsilon (mark->width / share, per_share, per_share * 1e-6);
      panels_seen |= 1u << mark->panel;
    }
  /* bars of more than one panel were compared */
  g_assert_cmpuint (panels_seen & (panels_seen - 1), !=, 0);
}

/* A heatmap column header of a platform's panel selects that column's
 * crashes of that platform. */
static void
test_heatmap_headers (void)
{
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (1500, 8);
  AtlasChartOptions options;
  g_autoptr(AtlasChartModel) model = NULL;
  g_autoptr(AtlasChartLayout) layout = NULL;
  guint n_headers = 0;

  atlas_chart_options_init (&options);
  options.by_platform = TRUE;
  model = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_CAUSE_BY_TYPE, &options);
  layout = render_to_image (model, 1200, 600);
  for (guint i = 0; i < atlas_chart_layout_get_n_marks (layout); i++)
    {
      const AtlasChartMark *mark = atlas_chart_layout_get_mark (layout, i);
      guint column_total = 0;

      if (mark->kind != ATLAS_CHART_MARK_LEGEND)
        continue;
      for (guint r = 0; r < atlas_chart_model_get_n_rows (model); r++)
        column_total += atlas_chart_model_get_count (model, mark->panel, r, mark->series);
      g_assert_cmpuint (count_matching (corpus, mark->filter), ==, column_total);
      n_headers++;
    }
  g_assert_cmpuint (n_headers, ==, atlas_chart_model_get_n_panels (model) * atlas_chart_model_get_n_series (model));
}

/* The focus/hover outline is drawn in the accent colour just outside the
 * mark, over an already drawn chart. */
static void
test_highlight (void)
{
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (500, 4);
  g_autoptr(AtlasChartModel) model = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_ROOT_CAUSE, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 800, 500);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(AtlasChartLayout) layout = NULL;
  const AtlasChartMark *mark;
  AtlasChartStyle style;
  guint32 pixel;
  int x, y;

  atlas_chart_style_init_light (&style);
  style.text_size = 0;  /* sizes of an on-screen chart */
  layout = atlas_chart_render (model, &style, cr, 800, 500);
  mark = atlas_chart_layout_get_mark (layout, 0);
  x = (int)(mark->x + mark->width / 2);
  y = (int)floor (mark->y) - 3;  /* inside the outline above the bar */
  cairo_surface_flush (surface);
  pixel = *(guint32 *)(gpointer)(cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
  g_assert_cmphex (pixel & 0xffffff, ==, 0xffffff);

  atlas_chart_layout_draw_highlight (layout, cr, 0);
  cairo_surface_flush (surface);
  pixel = *(guint32 *)(gpointer)(cairo_image_surface_get_data (surface) + y * cairo_image_surface_get_stride (surface) + x * 4);
  g_assert_cmphex (pixel & 0xffffff, ==, 0x1c71d8);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

static guint
find_bar (AtlasChartLayout *layout,
          guint             row,
          guint             series)
{
  for (guint i = 0; i < atlas_chart_layout_get_n_marks (layout); i++)
    {
      const AtlasChartMark *mark = atlas_chart_layout_get_mark (layout, i);

      if (mark->kind != ATLAS_CHART_MARK_LEGEND && mark->row == row && mark->series == series)
        return i;
    }
  return G_MAXUINT;
}

static void
test_navigate (void)
{
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (2000, 5);
  g_autoptr(AtlasChartModel) model = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_CAUSE_BY_STAGE, NULL);
  g_autoptr(AtlasChartLayout) layout = render_to_image (model, 900, 600);
  guint start = find_bar (layout, 1, 1);

  g_assert_cmpuint (start, !=, G_MAXUINT);
  g_assert_cmpint (atlas_chart_layout_get_mark (layout, start)->kind, ==, ATLAS_CHART_MARK_CELL);
  g_assert_cmpuint (atlas_chart_layout_navigate (layout, start, ATLAS_CHART_DIRECTION_RIGHT), ==, find_bar (layout, 1, 2));
  g_assert_cmpuint (atlas_chart_layout_navigate (layout, start, ATLAS_CHART_DIRECTION_LEFT), ==, find_bar (layout, 1, 0));
  g_assert_cmpuint (atlas_chart_layout_navigate (layout, start, ATLAS_CHART_DIRECTION_DOWN), ==, find_bar (layout, 2, 1));
  g_assert_cmpuint (atlas_chart_layout_navigate (layout, start, ATLAS_CHART_DIRECTION_UP), ==, find_bar (layout, 0, 1));
  /* at the edge, stay */
  g_assert_cmpuint (atlas_chart_layout_navigate (layout, find_bar (layout, 0, 0), ATLAS_CHART_DIRECTION_UP),
                    ==, find_bar (layout, 0, 0));
  /* nothing focused yet: the first mark */
  g_assert_cmpuint (atlas_chart_layout_navigate (layout, G_MAXUINT, ATLAS_CHART_DIRECTION_DOWN), ==, 0);
}

/* Every kind, split or not, in every style and at small and large sizes
 * lays out with all marks inside the chart and draws without cairo errors. */
static void
test_all_kinds_fit (void)
{
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (5000, 9);
  g_autoptr(AtlasChartStats) stats = atlas_chart_stats_new (corpus, NULL);
  const char *styles[] = { "light", "dark", "high-contrast" };
  const double sizes[][2] = { { 240, 160 }, { 453.5, 283.5 }, { 1400, 900 } };

  for (guint kind = 0; kind < ATLAS_N_CHART_KINDS; kind++)
    for (guint split = 0; split < 2; split++)
      for (guint st = 0; st < G_N_ELEMENTS (styles); st++)
        for (guint sz = 0; sz < G_N_ELEMENTS (sizes); sz++)
          {
            AtlasChartOptions options;
            AtlasChartStyle style;
            g_autoptr(AtlasChartModel) model = NULL;
            g_autoptr(AtlasChartLayout) layout = NULL;
            cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
            cairo_t *cr = cairo_create (surface);
            double w = sizes[sz][0], h = sizes[sz][1];

            atlas_chart_options_init (&options);
            options.by_platform = split;
            model = atlas_chart_model_new (stats, kind, &options);
            g_assert_true (atlas_chart_style_init_from_name (&style, styles[st]));
            layout = atlas_chart_render (model, &style, cr, w, h);
            g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
            for (guint i = 0; i < atlas_chart_layout_get_n_marks (layout); i++)
              {
                const AtlasChartMark *m = atlas_chart_layout_get_mark (layout, i);

                g_assert_cmpfloat (m->x, >=, -0.01);
                g_assert_cmpfloat (m->y, >=, -0.01);
                g_assert_cmpfloat (m->x + m->width, <=, w + 0.01);
                g_assert_cmpfloat (m->y + m->height, <=, h + 0.01);
              }
            cairo_destroy (cr);
            cairo_surface_destroy (surface);
          }
}

static char *
export_to_temp (AtlasChartModel               *model,
                AtlasChartFormat               format,
                const char                    *name,
                const AtlasChartExportOptions *options,
                gsize                         *len)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("atlas-chart-XXXXXX", &error);
  g_autofree char *path = NULL;
  char *contents = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, name, NULL);
  g_assert_true (atlas_chart_export (model, format, path, options, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, len, &error));
  g_assert_no_error (error);
  g_unlink (path);
  g_rmdir (dir);
  return contents;
}

static AtlasChartModel *
sample_model (AtlasChartKind kind)
{
  g_autoptr(AtlasCorpus) corpus = chart_fixture_random_corpus (1000, 1);

  return atlas_chart_model_new_for_corpus (corpus, NULL, kind, NULL);
}

static void
test_export_pdf (void)
{
  g_autoptr(AtlasChartModel) model = sample_model (ATLAS_CHART_KIND_CAUSE_BY_STAGE);
  AtlasChartExportOptions options;
  g_autofree char *pdf = NULL;
  const char *box;
  double x0, y0, x1, y1;
  gsize len;

  atlas_chart_export_options_init (&options);
  options.width_pt = atlas_length_to_points (17.5, ATLAS_LENGTH_CM);
  options.height_pt = atlas_length_to_points (9, ATLAS_LENGTH_CM);
  pdf = export_to_temp (model, ATLAS_CHART_FORMAT_PDF, "chart.pdf", &options, &len);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  /* 17.5 cm x 9 cm = 496.063 x 255.118 pt */
  box = memmem (pdf, len, "/MediaBox [", 11);
  g_assert_nonnull (box);
  g_assert_cmpint (sscanf (box, "/MediaBox [ %lf %lf %lf %lf ]", &x0, &y0, &x1, &y1), ==, 4);
  g_assert_cmpfloat (x0, ==, 0);
  g_assert_cmpfloat (y0, ==, 0);
  g_assert_cmpfloat_with_epsilon (x1, 17.5 / 2.54 * 72, 1e-4);
  g_assert_cmpfloat_with_epsilon (y1, 9 / 2.54 * 72, 1e-4);
  g_assert_nonnull (memmem (pdf, len, "/FontFile", 9));
}

typedef struct
{
  gboolean   in_text;
  GString   *text;
  GPtrArray *texts;
  guint      glyphs;
} SvgRead;

static void
svg_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              data,
           GError              **error)
{
  SvgRead *read = data;

  read->in_text = strcmp (element, "text") == 0;
  if (read->in_text)
    g_string_truncate (read->text, 0);
  /* cairo's glyph outlines are <symbol id="glyph…"> */
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], "id") == 0 && g_str_has_prefix (values[i], "glyph"))
      read->glyphs++;
}

static void
svg_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              data,
         GError              **error)
{
  SvgRead *read = data;

  if (read->in_text && strcmp (element, "text") == 0)
    g_ptr_array_add (read->texts, g_strdup (read->text->str));
  read->in_text = FALSE;
}

static void
svg_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 len,
          gpointer              data,
          GError              **error)
{
  SvgRead *read = data;

  if (read->in_text)
    g_string_append_len (read->text, text, len);
}

/* The SVG is well-formed XML whose texts are <text> elements (editable,
 * searchable), not glyph outlines, and one of them is @title as given. */
static void
check_svg_texts (const char *svg,
                 gsize       len,
                 const char *title)
{
  static const GMarkupParser parser = { svg_start, svg_end, svg_text, NULL, NULL };
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);
  SvgRead read = { FALSE, text, texts, 0 };
  g_autoptr(GMarkupParseContext) context = g_markup_parse_context_new (&parser, 0, &read, NULL);
  g_autoptr(GError) error = NULL;
  gboolean found = FALSE;

  g_assert_true (g_markup_parse_context_parse (context, svg, len, &error));
  g_assert_true (g_markup_parse_context_end_parse (context, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (read.glyphs, ==, 0);
  g_assert_cmpuint (texts->len, >, 10);
  for (guint i = 0; i < texts->len; i++)
    found = found || g_strcmp0 (g_ptr_array_index (texts, i), title) == 0;
  g_assert_true (found);
}

static void
test_export_svg (void)
{
  g_autoptr(AtlasChartModel) model = sample_model (ATLAS_CHART_KIND_LIBRARY);
  AtlasChartExportOptions options;
  g_autofree char *svg = NULL;
  gsize len;

  atlas_chart_export_options_init (&options);
  options.width_pt = atlas_length_to_points (5, ATLAS_LENGTH_IN);
  options.height_pt = atlas_length_to_points (3, ATLAS_LENGTH_IN);
  /* markup in a title is text, in the SVG too */
  atlas_chart_model_set_title (model, "Crashes <b>&amp; uses</b>");
  svg = export_to_temp (model, ATLAS_CHART_FORMAT_SVG, "chart.svg", &options, &len);
  g_assert_nonnull (strstr (svg, "<svg"));
  g_assert_nonnull (strstr (svg, "width=\"360pt\""));
  g_assert_nonnull (strstr (svg, "height=\"216pt\""));
  check_svg_texts (svg, len, "Crashes <b>&amp; uses</b>");
}

static void
test_export_png (void)
{
  g_autoptr(AtlasChartModel) model = sample_model (ATLAS_CHART_KIND_STAGE);
  AtlasChartExportOptions options;
  g_autofree char *png = NULL;
  const guint8 *p;
  const guint8 *phys;
  gsize len;

  atlas_chart_export_options_init (&options);
  options.width_pt = atlas_length_to_points (80, ATLAS_LENGTH_MM);
  options.height_pt = atlas_length_to_points (50, ATLAS_LENGTH_MM);
  options.dpi = 254;  /* 10 pixels per millimetre */
  png = export_to_temp (model, ATLAS_CHART_FORMAT_PNG, "chart.png", &options, &len);
  p = (const guint8 *)png;
  g_assert_cmpmem (p, 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpmem (p + 12, 4, "IHDR", 4);
  g_assert_cmpuint (be32 (p + 16), ==, 800);
  g_assert_cmpuint (be32 (p + 20), ==, 500);
  /* pHYs right after IHDR: 10,000 pixels per metre, unit metre */
  phys = p + 8 + 25;
  g_assert_cmpmem (phys + 4, 4, "pHYs", 4);
  g_assert_cmpuint (be32 (phys + 8), ==, 10000);
  g_assert_cmpuint (be32 (phys + 12), ==, 10000);
  g_assert_cmpuint (phys[16], ==, 1);
}

static void
test_png_resolution_rejects_garbage (void)
{
  const guint8 junk[40] = "not a png at all, not at all, no";

  g_assert_null (atlas_png_set_resolution (junk, sizeof junk, 300));
}

static void
test_export_errors (void)
{
  g_autoptr(AtlasChartModel) model = sample_model (ATLAS_CHART_KIND_STAGE);
  AtlasChartExportOptions options;
  g_autoptr(GError) error = NULL;
  AtlasChartFormat format;

  atlas_chart_export_options_init (&options);
  g_assert_false (atlas_chart_export (model, ATLAS_CHART_FORMAT_PDF, "/nonexistent-dir/chart.pdf", &options, &error));
  g_assert_error (error, ATLAS_CHART_EXPORT_ERROR, ATLAS_CHART_EXPORT_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, "/nonexistent-dir/chart.pdf"));
  g_clear_error (&error);

  options.width_pt = 0;
  g_assert_false (atlas_chart_export (model, ATLAS_CHART_FORMAT_SVG, "x.svg", &options, &error));
  g_assert_error (error, ATLAS_CHART_EXPORT_ERROR, ATLAS_CHART_EXPORT_ERROR_SIZE);
  g_clear_error (&error);

  atlas_chart_export_options_init (&options);
  options.dpi = 100000;
  g_assert_false (atlas_chart_export (model, ATLAS_CHART_FORMAT_PNG, "x.png", &options, &error));
  g_assert_error (error, ATLAS_CHART_EXPORT_ERROR, ATLAS_CHART_EXPORT_ERROR_SIZE);

  g_assert_true (atlas_chart_format_from_filename ("A.PDF", &format));
  g_assert_cmpint (format, ==, ATLAS_CHART_FORMAT_PDF);
  g_assert_false (atlas_chart_format_from_filename ("chart.jpeg", &format));
  g_assert_cmpfloat_with_epsilon (atlas_length_to_points (2.54, ATLAS_LENGTH_CM), 72.0, 1e-9);
}

/* Library names and titles are data: "<b>", "&" and "%s" are drawn as they
 * are, never parsed as markup or formats. */
static gboolean
have_program (const char *name)
{
  g_autofree char *path = g_find_program_in_path (name);

  return path != NULL;
}

static void
test_markup_is_literal (void)
{
  g_autoptr(AtlasCorpus) corpus = atlas_corpus_new ();
  g_autoptr(GPtrArray) crashes = g_ptr_array_new_with_free_func (g_object_unref);
  const char *lib = "<b>lib&%s</b>";
  const char *packages[] = { lib, NULL };
  g_autoptr(AtlasChartModel) model = NULL;
  AtlasChartExportOptions options;
  g_autofree char *pdf = NULL;
  g_autofree char *svg = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;
  g_autoptr(AtlasChartTable) table = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-raw", NULL, "-", NULL };
  int status;
  gsize pdf_len, len;

  for (guint i = 0; i < 3; i++)
    g_ptr_array_add (crashes, chart_fixture_crash ("m", ATLAS_PLATFORM_LOCAL, ATLAS_STAGE_TRAIN, ATLAS_ML_BUG_ML,
                                                   ATLAS_ROOT_CAUSE_API, NULL, ATLAS_CRASH_TYPE_IARG, lib));
  chart_fixture_add_notebook (corpus, "m", ATLAS_PLATFORM_LOCAL, packages, crashes);
  model = atlas_chart_model_new_for_corpus (corpus, NULL, ATLAS_CHART_KIND_LIBRARY, NULL);
  atlas_chart_model_set_title (model, "<i>Title</i> & %s %n");
  g_assert_cmpstr (atlas_chart_model_get_row_label (model, 0), ==, lib);

  table = atlas_chart_model_create_table (model);
  csv = atlas_chart_table_to_csv (table);
  g_assert_nonnull (strstr (csv, "\r\n<b>lib&%s</b>,3,"));

  atlas_chart_export_options_init (&options);
  pdf = export_to_temp (model, ATLAS_CHART_FORMAT_PDF, "markup.pdf", &options, &pdf_len);
  g_assert_true (g_str_has_prefix (pdf, "%PDF-"));
  svg = export_to_temp (model, ATLAS_CHART_FORMAT_SVG, "markup.svg", &options, &len);
  g_assert_nonnull (strstr (svg, "<title>&lt;i&gt;Title&lt;/i&gt; &amp; %s %n</title>"));
  g_free (export_to_temp (model, ATLAS_CHART_FORMAT_PNG, "markup.png", &options, &len));

  /* The text that was drawn, read back from the PDF. */
  if (!have_program ("pdftotext"))
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return;
    }
  dir = g_dir_make_tmp ("atlas-chart-XXXXXX", &error);
  path = g_build_filename (dir, "markup.pdf", NULL);
  g_assert_true (g_file_set_contents (path, pdf, pdf_len, &error));
  argv[2] = path;
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &text, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, "<b>lib&%s</b>"));
  g_assert_nonnull (strstr (text, "<i>Title</i> & %s %n"));
  g_unlink (path);
  g_rmdir (dir);
}

static void
test_palette_and_scale (void)
{
  AtlasColor a, b, ink;

  atlas_chart_palette_color (0, &a);
  atlas_chart_palette_color (8, &b);
  g_assert_cmpmem (&a, sizeof a, &b, sizeof b);
  g_assert_cmpfloat_with_epsilon (a.red, 0xe6 / 255.0, 1e-6);

  /* viridis runs from dark purple to light yellow */
  atlas_chart_scale_color (0, &a);
  atlas_chart_scale_color (1, &b);
  g_assert_cmpfloat (atlas_color_luminance (&a), <, atlas_color_luminance (&b));
  atlas_color_contrasting_text (&a, &ink);
  g_assert_cmpfloat (ink.red, ==, 1.0);
  atlas_color_contrasting_text (&b, &ink);
  g_assert_cmpfloat (ink.red, ==, 0.0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/Atlas/Chart/layout/hit-test", test_hit_test);
  g_test_add_func ("/Atlas/Chart/layout/panels-share-a-scale", test_panels_share_a_scale);
  g_test_add_func ("/Atlas/Chart/layout/navigate", test_navigate);
  g_test_add_func ("/Atlas/Chart/layout/highlight", test_highlight);
  g_test_add_func ("/Atlas/Chart/layout/heatmap-headers", test_heatmap_headers);
  g_test_add_func ("/Atlas/Chart/layout/all-kinds-fit", test_all_kinds_fit);
  g_test_add_func ("/Atlas/Chart/style/palette-and-scale", test_palette_and_scale);
  g_test_add_func ("/Atlas/Chart/export/pdf", test_export_pdf);
  g_test_add_func ("/Atlas/Chart/export/svg", test_export_svg);
  g_test_add_func ("/Atlas/Chart/export/png", test_export_png);
  g_test_add_func ("/Atlas/Chart/export/png-resolution-rejects-garbage", test_png_resolution_rejects_garbage);
  g_test_add_func ("/Atlas/Chart/export/errors", test_export_errors);
  g_test_add_func ("/Atlas/Chart/render/markup-is-literal", test_markup_is_literal);

  return g_test_run ();
}
