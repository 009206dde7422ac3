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
 * @font_scale: multiplies the font size derived from the chart's size (1.0)
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

G_END_DECLS
