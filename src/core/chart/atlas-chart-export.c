/* atlas-chart-export.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-export"

#include "config.h"

#include <math.h>
#include <string.h>
#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <glib/gi18n-lib.h>
#include <zlib.h>

#include "atlas-chart-export.h"
#include "atlas-chart-table.h"
#include "atlas-chart-layout.h"

#define MAX_PAGE_PT 14400.0     /* 200 in, the PDF page limit */
#define MAX_PIXELS 32767        /* cairo's image surface limit per side */

G_DEFINE_QUARK (atlas-chart-export-error-quark, atlas_chart_export_error)

gboolean
atlas_chart_format_from_filename (const char       *filename,
                                  AtlasChartFormat *format)
{
  static const struct { const char *ext; AtlasChartFormat format; } formats[] = {
    { ".pdf", ATLAS_CHART_FORMAT_PDF },
    { ".svg", ATLAS_CHART_FORMAT_SVG },
    { ".png", ATLAS_CHART_FORMAT_PNG },
    { ".csv", ATLAS_CHART_FORMAT_CSV },
  };
  const char *dot = filename ? strrchr (filename, '.') : NULL;

  for (guint i = 0; dot != NULL && i < G_N_ELEMENTS (formats); i++)
    {
      if (g_ascii_strcasecmp (dot, formats[i].ext) == 0)
        {
          *format = formats[i].format;
          return TRUE;
        }
    }
  return FALSE;
}

double
atlas_length_to_points (double          value,
                        AtlasLengthUnit unit)
{
  switch (unit)
    {
    case ATLAS_LENGTH_MM:
      return value * 72.0 / 25.4;
    case ATLAS_LENGTH_CM:
      return value * 72.0 / 2.54;
    case ATLAS_LENGTH_IN:
      return value * 72.0;
    case ATLAS_LENGTH_PT:
    default:
      return value;
    }
}

void
atlas_chart_export_options_init (AtlasChartExportOptions *options)
{
  g_return_if_fail (options != NULL);

  options->width_pt = atlas_length_to_points (16, ATLAS_LENGTH_CM);
  options->height_pt = atlas_length_to_points (10, ATLAS_LENGTH_CM);
  options->dpi = 300;
  options->style = NULL;
}

double
atlas_chart_natural_height (AtlasChartModel       *model,
                            const AtlasChartStyle *style,
                            double                 width)
{
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cairo_t *cr = cairo_create (surface);
  double height = width * 0.62;

  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (model), 0);
  g_return_val_if_fail (style != NULL, 0);

  /* Parts of a layout (a heatmap's key) depend on the height: measured
   * again at the height found, until it stays. */
  for (guint pass = 0; pass < 3; pass++)
    {
      g_autoptr(AtlasChartLayout) layout = atlas_chart_layout_new (model, style, cr, width, height);
      double natural = atlas_chart_layout_get_natural_height (layout);

      if (fabs (natural - height) < 0.5)
        break;
      height = MIN (MAX (natural, width * 0.3), MAX_PAGE_PT);
    }
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  return ceil (height);
}

static cairo_status_t
append_bytes (void                *closure,
              const unsigned char *data,
              unsigned int         length)
{
  g_byte_array_append (closure, data, length);
  return CAIRO_STATUS_SUCCESS;
}

static void
store_be32 (guint8  *p,
            guint32  v)
{
  p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v;
}

static guint32
load_be32 (const guint8 *p)
{
  return ((guint32)p[0] << 24) | ((guint32)p[1] << 16) | ((guint32)p[2] << 8) | p[3];
}

GBytes *
atlas_png_set_resolution (const guint8 *png,
                          gsize         len,
                          double        dpi)
{
  static const guint8 signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  GByteArray *out;
  guint8 chunk[21];
  guint32 ppm = (guint32)lround (dpi / 0.0254);
  gsize pos = 8;

  g_return_val_if_fail (png != NULL || len == 0, NULL);

  if (len < 8 + 25 || memcmp (png, signature, 8) != 0 || memcmp (png + 12, "IHDR", 4) != 0)
    return NULL;

  /* length, "pHYs", x and y pixels per metre, unit 1 = metre, CRC of type and data */
  store_be32 (chunk, 9);
  memcpy (chunk + 4, "pHYs", 4);
  store_be32 (chunk + 8, ppm);
  store_be32 (chunk + 12, ppm);
  chunk[16] = 1;
  store_be32 (chunk + 17, (guint32)crc32 (crc32 (0, NULL, 0), chunk + 4, 13));

  out = g_byte_array_sized_new (len + sizeof chunk);
  g_byte_array_append (out, png, 8);
  while (pos + 12 <= len)
    {
      guint32 data_len = load_be32 (png + pos);
      gsize chunk_len = (gsize)data_len + 12;

      if (data_len > len || pos + chunk_len > len)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      if (memcmp (png + pos + 4, "pHYs", 4) != 0)
        g_byte_array_append (out, png + pos, chunk_len);
      if (memcmp (png + pos + 4, "IHDR", 4) == 0)
        g_byte_array_append (out, chunk, sizeof chunk);
      pos += chunk_len;
    }
  return g_byte_array_free_to_bytes (out);
}

static gboolean
check_options (const AtlasChartExportOptions *options,
               AtlasChartFormat               format,
               const char                    *path,
               GError                       **error)
{
  if (!(options->width_pt >= 1 && options->width_pt <= MAX_PAGE_PT &&
        options->height_pt >= 1 && options->height_pt <= MAX_PAGE_PT))
    {
      g_set_error (error, ATLAS_CHART_EXPORT_ERROR, ATLAS_CHART_EXPORT_ERROR_SIZE,
                   _("%s: the size must be between 1 pt and 200 in per side"), path);
      return FALSE;
    }
  if (format == ATLAS_CHART_FORMAT_PNG &&
      !(options->dpi >= 10 && options->dpi <= 4800 &&
        options->width_pt / 72 * options->dpi <= MAX_PIXELS &&
        options->height_pt / 72 * options->dpi <= MAX_PIXELS))
    {
      g_set_error (error, ATLAS_CHART_EXPORT_ERROR, ATLAS_CHART_EXPORT_ERROR_SIZE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%s: the resolution must be 10–4800 dpi and the image at most %d pixel per side",
                                "%s: the resolution must be 10–4800 dpi and the image at most %d pixels per side",
                                MAX_PIXELS),
                   path, MAX_PIXELS);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_cairo (cairo_status_t   status,
             const char      *path,
             GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  g_set_error (error, ATLAS_CHART_EXPORT_ERROR, ATLAS_CHART_EXPORT_ERROR_WRITE,
               "%s: %s", path, cairo_status_to_string (status));
  return FALSE;
}

/* Draws onto @surface (whose user units are points after @scale) and
 * finishes it. */
static gboolean
render_to_surface (AtlasChartModel               *model,
                   const AtlasChartExportOptions *options,
                   const AtlasChartStyle         *style,
                   cairo_surface_t               *surface,
                   double                         scale,
                   const char                    *path,
                   GError                       **error)
{
  cairo_t *cr = cairo_create (surface);
  g_autoptr(AtlasChartLayout) layout = NULL;
  cairo_status_t status;

  cairo_scale (cr, scale, scale);
  layout = atlas_chart_render (model, style, cr, options->width_pt, options->height_pt);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  return check_cairo (status, path, error);
}

static gboolean
write_file (const char    *path,
            const guint8  *data,
            gsize          len,
            GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  if (g_file_set_contents (path, (const char *)data, len, &local_error))
    return TRUE;
  g_set_error (error, ATLAS_CHART_EXPORT_ERROR, ATLAS_CHART_EXPORT_ERROR_WRITE,
               "%s", local_error->message);
  return FALSE;
}

/* A <title> (escaped) gives the SVG a name that viewers, screen readers
 * and search can read. */
static void
add_svg_title (GByteArray *svg,
               const char *title)
{
  const char *start = g_strstr_len ((const char *)svg->data, svg->len, "<svg");
  const char *end = start ? memchr (start, '>', svg->len - (start - (const char *)svg->data)) : NULL;
  g_autofree char *escaped = g_markup_escape_text (title, -1);
  g_autofree char *element = g_strdup_printf ("\n<title>%s</title>", escaped);
  gsize at;

  if (end == NULL)
    return;
  at = end + 1 - (const char *)svg->data;
  g_byte_array_set_size (svg, svg->len + strlen (element));
  memmove (svg->data + at + strlen (element), svg->data + at, svg->len - strlen (element) - at);
  memcpy (svg->data + at, element, strlen (element));
}

/* Inserts @texts (the chart's <text> elements) before the closing tag, so
 * they are drawn over everything else, as texts are. */
static void
add_svg_texts (GByteArray *svg,
               GString    *texts)
{
  const char *data = (const char *)svg->data;
  const char *end = g_strrstr_len (data, svg->len, "</svg>");
  gsize at;

  if (end == NULL || texts->len == 0)
    return;
  at = end - data;
  g_byte_array_set_size (svg, svg->len + texts->len);
  memmove (svg->data + at + texts->len, svg->data + at, svg->len - texts->len - at);
  memcpy (svg->data + at, texts->str, texts->len);
}

/* Draws the chart on an SVG surface with its texts as <text> elements. */
static gboolean
render_svg (AtlasChartModel               *model,
            const AtlasChartExportOptions *options,
            const AtlasChartStyle         *style,
            cairo_surface_t               *surface,
            GString                       *texts,
            const char                    *path,
            GError                       **error)
{
  cairo_t *cr = cairo_create (surface);
  g_autoptr(AtlasChartLayout) layout = atlas_chart_layout_new (model, style, cr, options->width_pt,
                                                               options->height_pt);
  cairo_status_t status;

  if (layout != NULL)
    atlas_chart_layout_draw_svg (layout, cr, texts);
  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  return check_cairo (status, path, error);
}

static gboolean
export_vector (AtlasChartModel               *model,
               AtlasChartFormat               format,
               const char                    *path,
               const AtlasChartExportOptions *options,
               const AtlasChartStyle         *style,
               GError                       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GString) texts = g_string_new (NULL);
  cairo_surface_t *surface;
  gboolean ok;

  if (format == ATLAS_CHART_FORMAT_PDF)
    {
      surface = cairo_pdf_surface_create_for_stream (append_bytes, bytes, options->width_pt, options->height_pt);
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, atlas_chart_model_get_title (model));
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Crash Atlas");
    }
  else
    {
      surface = cairo_svg_surface_create_for_stream (append_bytes, bytes, options->width_pt, options->height_pt);
      cairo_svg_surface_set_document_unit (surface, CAIRO_SVG_UNIT_PT);
    }
  if (format == ATLAS_CHART_FORMAT_PDF)
    ok = render_to_surface (model, options, style, surface, 1.0, path, error);
  else
    ok = render_svg (model, options, style, surface, texts, path, error);
  cairo_surface_finish (surface);
  ok = ok && check_cairo (cairo_surface_status (surface), path, error);
  cairo_surface_destroy (surface);
  if (ok && format == ATLAS_CHART_FORMAT_SVG)
    {
      add_svg_texts (bytes, texts);
      add_svg_title (bytes, atlas_chart_model_get_title (model));
    }
  return ok && write_file (path, bytes->data, bytes->len, error);
}

static gboolean
export_png (AtlasChartModel               *model,
            const char                    *path,
            const AtlasChartExportOptions *options,
            const AtlasChartStyle         *style,
            GError                       **error)
{
  g_autoptr(GByteArray) bytes = g_byte_array_new ();
  g_autoptr(GBytes) with_dpi = NULL;
  AtlasChartStyle crisp = *style;
  int width = (int)lround (options->width_pt / 72 * options->dpi);
  int height = (int)lround (options->height_pt / 72 * options->dpi);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, MAX (width, 1), MAX (height, 1));
  gboolean ok;

  crisp.pixel_align = TRUE;
  ok = render_to_surface (model, options, &crisp, surface, options->dpi / 72, path, error);
  ok = ok && check_cairo (cairo_surface_write_to_png_stream (surface, append_bytes, bytes), path, error);
  cairo_surface_destroy (surface);
  if (!ok)
    return FALSE;
  with_dpi = atlas_png_set_resolution (bytes->data, bytes->len, options->dpi);
  if (with_dpi == NULL)
    return write_file (path, bytes->data, bytes->len, error);
  return write_file (path, g_bytes_get_data (with_dpi, NULL), g_bytes_get_size (with_dpi), error);
}

static gboolean
export_csv (AtlasChartModel  *model,
            const char       *path,
            GError          **error)
{
  g_autoptr(AtlasChartTable) table = atlas_chart_model_create_table (model);
  g_autofree char *csv = atlas_chart_table_to_csv (table);

  return write_file (path, (const guint8 *)csv, strlen (csv), error);
}

gboolean
atlas_chart_export (AtlasChartModel               *model,
                    AtlasChartFormat               format,
                    const char                    *path,
                    const AtlasChartExportOptions *options,
                    GError                       **error)
{
  AtlasChartExportOptions defaults;
  AtlasChartStyle light;

  g_return_val_if_fail (ATLAS_IS_CHART_MODEL (model), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      atlas_chart_export_options_init (&defaults);
      options = &defaults;
    }
  atlas_chart_style_init_light (&light);

  if (!check_options (options, format, path, error))
    return FALSE;
  switch (format)
    {
    case ATLAS_CHART_FORMAT_PDF:
    case ATLAS_CHART_FORMAT_SVG:
      return export_vector (model, format, path, options, options->style ? options->style : &light, error);
    case ATLAS_CHART_FORMAT_PNG:
      return export_png (model, path, options, options->style ? options->style : &light, error);
    case ATLAS_CHART_FORMAT_CSV:
      return export_csv (model, path, error);
    default:
      g_set_error (error, ATLAS_CHART_EXPORT_ERROR, ATLAS_CHART_EXPORT_ERROR_FORMAT,
                   _("%s: unknown chart format"), path);
      return FALSE;
    }
}
