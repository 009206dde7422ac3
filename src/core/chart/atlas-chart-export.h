/* atlas-chart-export.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "atlas-chart-model.h"
#include "atlas-chart-style.h"

G_BEGIN_DECLS

#define ATLAS_CHART_EXPORT_ERROR (atlas_chart_export_error_quark ())

typedef enum
{
  ATLAS_CHART_EXPORT_ERROR_FORMAT = 1,  /* unknown file extension / format */
  ATLAS_CHART_EXPORT_ERROR_SIZE,        /* size or resolution out of range */
  ATLAS_CHART_EXPORT_ERROR_WRITE,       /* the file could not be written */
} AtlasChartExportError;

GQuark atlas_chart_export_error_quark (void);

typedef enum
{
  ATLAS_CHART_FORMAT_PDF,
  ATLAS_CHART_FORMAT_SVG,
  ATLAS_CHART_FORMAT_PNG,
  ATLAS_CHART_FORMAT_CSV,
} AtlasChartFormat;

/* From a file name's extension (case-insensitive): .pdf .svg .png .csv */
gboolean atlas_chart_format_from_filename (const char       *filename,
                                           AtlasChartFormat *format);

typedef enum
{
  ATLAS_LENGTH_PT,
  ATLAS_LENGTH_MM,
  ATLAS_LENGTH_CM,
  ATLAS_LENGTH_IN,
} AtlasLengthUnit;

/* Converts to PostScript points (1/72 in). */
double   atlas_length_to_points           (double           value,
                                           AtlasLengthUnit  unit);

/**
 * AtlasChartExportOptions:
 * @width_pt: page width in points (PDF MediaBox, SVG width="…pt")
 * @height_pt: page height in points
 * @dpi: PNG resolution; the image is width_pt / 72 * dpi pixels wide and the
 *   DPI is stored in the PNG's pHYs chunk
 * @style: (nullable): the look; %NULL for atlas_chart_style_init_light()
 *
 * Initialise with atlas_chart_export_options_init() (16 x 10 cm, 300 dpi).
 */
typedef struct
{
  double                 width_pt;
  double                 height_pt;
  double                 dpi;
  const AtlasChartStyle *style;
} AtlasChartExportOptions;

void     atlas_chart_export_options_init  (AtlasChartExportOptions *options);

/* The height a chart of @width (points) needs in @style for every text at
 * its size and rows that never crowd: what a figure of a journal's column
 * width gets when no height is asked for. */
double   atlas_chart_natural_height       (AtlasChartModel       *model,
                                           const AtlasChartStyle *style,
                                           double                 width);

/**
 * atlas_chart_export:
 * @model: the chart
 * @format: the file format (CSV writes atlas_chart_model_create_table()'s CSV)
 * @path: the file to write (replaced)
 * @options: size, resolution and style
 * @error: return location for an error, whose message names @path
 *
 * Writes the chart at exactly the requested size, title included. PDF and
 * SVG are vector with the fonts embedded by cairo.
 *
 * Returns: %TRUE on success
 */
gboolean atlas_chart_export               (AtlasChartModel               *model,
                                           AtlasChartFormat               format,
                                           const char                    *path,
                                           const AtlasChartExportOptions *options,
                                           GError                       **error);

/**
 * atlas_png_set_resolution:
 * @png: (array length=len): a PNG file's bytes
 * @len: their length
 * @dpi: dots per inch
 *
 * Returns: (transfer full): the same PNG with a pHYs chunk (pixels per metre)
 *   inserted after IHDR (replacing any present), or %NULL if @png is not a PNG
 */
GBytes  *atlas_png_set_resolution         (const guint8 *png,
                                           gsize         len,
                                           double        dpi);

G_END_DECLS
