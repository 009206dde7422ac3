/* atlas-chart-style.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * AtlasColor:
 *
 * An sRGB colour with components 0–1. Same layout as GdkRGBA (four floats),
 * so the app can copy a looked-up CSS colour straight in.
 */
typedef struct
{
  float red;
  float green;
  float blue;
  float alpha;
} AtlasColor;

/**
 * AtlasChartStyle:
 * @foreground: text, axes and outlines
 * @background: the chart's background (painted unless alpha is 0)
 * @grid: grid lines
 * @accent: focus and hover outlines
 * @font_family: a Pango family list, e.g. "Cantarell, Sans" (borrowed: must
 *   outlive every use of the style)
 * @font_scale: multiplies every text size (1.0)
 * @text_size: labels, ticks, legend and values, in the chart's user units
 *   (points for exports: 8); 0 derives every size from the chart's size
 *   (the app's widget)
 * @title_size: the title (9), when @text_size is set
 * @min_text_size: no text is drawn smaller (6), when @text_size is set: a
 *   label that would need less is wrapped, abbreviated or left to the table
 * @show_title: draw the title (TRUE)
 * @show_subtitle: draw the subtitle, what the chart counts (TRUE)
 * @high_contrast: thicker outlines, every mark outlined in @foreground,
 *   hatching always on
 * @patterns: hatch the series (besides colour and labels), so colour is never
 *   the only cue
 * @pixel_align: snap strokes to whole device pixels (image surfaces, widgets)
 *
 * How a chart looks. The app fills it from its CSS; exports use
 * atlas_chart_style_init_light().
 */
typedef struct
{
  AtlasColor  foreground;
  AtlasColor  background;
  AtlasColor  grid;
  AtlasColor  accent;
  const char *font_family;
  double      font_scale;
  double      text_size;
  double      title_size;
  double      min_text_size;
  gboolean    show_title;
  gboolean    show_subtitle;
  gboolean    high_contrast;
  gboolean    patterns;
  gboolean    pixel_align;
} AtlasChartStyle;

void atlas_chart_style_init_light         (AtlasChartStyle *style);
void atlas_chart_style_init_dark          (AtlasChartStyle *style);
void atlas_chart_style_init_high_contrast (AtlasChartStyle *style);
/* "light", "dark", "high-contrast"; FALSE for anything else. */
gboolean atlas_chart_style_init_from_name (AtlasChartStyle *style,
                                           const char      *name);

/**
 * atlas_chart_palette_color:
 * @index: a series index (wraps around)
 * @color: (out): the colour
 *
 * The Okabe–Ito colour-blind-safe palette (orange, sky blue, bluish green,
 * yellow, blue, vermillion, reddish purple, grey).
 */
void atlas_chart_palette_color            (guint       index,
                                           AtlasColor *color);

/**
 * atlas_chart_scale_color:
 * @t: position on the scale, 0–1 (clamped)
 * @color: (out): the colour
 *
 * A sequential, perceptually uniform, colour-blind-safe scale (viridis) for
 * heatmaps.
 */
void atlas_chart_scale_color              (double      t,
                                           AtlasColor *color);

/* Relative luminance (WCAG) and the more legible of black or white on @bg. */
double atlas_color_luminance              (const AtlasColor *color);
void   atlas_color_contrasting_text       (const AtlasColor *background,
                                           AtlasColor       *text);

/**
 * AtlasChartWidthPreset:
 * @id: "8.5cm", "17.8cm", "3.5in", "7in" (what --column takes)
 * @label: translated, "One column, 8.5 cm"
 * @width_pt: the width in points
 *
 * The column widths journals print figures at.
 */
typedef struct
{
  const char *id;
  const char *label;
  double      width_pt;
} AtlasChartWidthPreset;

/* (array length=n_presets) */
const AtlasChartWidthPreset *atlas_chart_width_presets       (guint      *n_presets);
const AtlasChartWidthPreset *atlas_chart_width_preset_lookup (const char *id);

G_END_DECLS
