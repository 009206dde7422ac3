/* atlas-chart-style.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "atlas-chart-style"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "atlas-chart-style.h"

#define DEFAULT_FONT "Cantarell, Sans"

static void
set_hex (AtlasColor *color,
         guint32     rgb,
         float       alpha)
{
  color->red = ((rgb >> 16) & 0xff) / 255.f;
  color->green = ((rgb >> 8) & 0xff) / 255.f;
  color->blue = (rgb & 0xff) / 255.f;
  color->alpha = alpha;
}

static void
init_common (AtlasChartStyle *style)
{
  style->font_family = DEFAULT_FONT;
  style->font_scale = 1.0;
  style->text_size = 8.0;
  style->title_size = 9.0;
  style->min_text_size = 6.0;
  style->show_title = TRUE;
  style->show_subtitle = TRUE;
  style->high_contrast = FALSE;
  style->patterns = TRUE;
  style->pixel_align = FALSE;
}

/* libadwaita's light window colours, so that the widget and the export match. */
void
atlas_chart_style_init_light (AtlasChartStyle *style)
{
  g_return_if_fail (style != NULL);

  init_common (style);
  set_hex (&style->foreground, 0x1e1e1e, 1.f);
  set_hex (&style->background, 0xffffff, 1.f);
  set_hex (&style->grid, 0x000000, 0.12f);
  set_hex (&style->accent, 0x1c71d8, 1.f);
}

void
atlas_chart_style_init_dark (AtlasChartStyle *style)
{
  g_return_if_fail (style != NULL);

  init_common (style);
  set_hex (&style->foreground, 0xffffff, 1.f);
  set_hex (&style->background, 0x242424, 1.f);
  set_hex (&style->grid, 0xffffff, 0.16f);
  set_hex (&style->accent, 0x78aeed, 1.f);
}

void
atlas_chart_style_init_high_contrast (AtlasChartStyle *style)
{
  g_return_if_fail (style != NULL);

  init_common (style);
  style->high_contrast = TRUE;
  set_hex (&style->foreground, 0x000000, 1.f);
  set_hex (&style->background, 0xffffff, 1.f);
  set_hex (&style->grid, 0x000000, 0.3f);
  set_hex (&style->accent, 0x0b3d91, 1.f);
}

gboolean
atlas_chart_style_init_from_name (AtlasChartStyle *style,
                                  const char      *name)
{
  g_return_val_if_fail (style != NULL, FALSE);

  if (g_strcmp0 (name, "light") == 0)
    atlas_chart_style_init_light (style);
  else if (g_strcmp0 (name, "dark") == 0)
    atlas_chart_style_init_dark (style);
  else if (g_strcmp0 (name, "high-contrast") == 0)
    atlas_chart_style_init_high_contrast (style);
  else
    return FALSE;
  return TRUE;
}

/* Okabe & Ito (2008), "Color Universal Design". */
static const guint32 okabe_ito[] = {
  0xe69f00, /* orange */
  0x56b4e9, /* sky blue */
  0x009e73, /* bluish green */
  0xf0e442, /* yellow */
  0x0072b2, /* blue */
  0xd55e00, /* vermillion */
  0xcc79a7, /* reddish purple */
  0x999999, /* grey */
};

void
atlas_chart_palette_color (guint       index,
                           AtlasColor *color)
{
  g_return_if_fail (color != NULL);
  set_hex (color, okabe_ito[index % G_N_ELEMENTS (okabe_ito)], 1.f);
}

/* viridis (matplotlib), sampled at nine stops; linear in between. */
static const guint32 viridis[] = {
  0x440154, 0x482878, 0x3e4a89, 0x31688e, 0x26828e, 0x1f9e89, 0x35b779, 0x6dcd59, 0xfde725,
};

void
atlas_chart_scale_color (double      t,
                         AtlasColor *color)
{
  AtlasColor a, b;
  double pos;
  guint i;
  float f;

  g_return_if_fail (color != NULL);

  t = isnan (t) ? 0 : CLAMP (t, 0.0, 1.0);
  pos = t * (G_N_ELEMENTS (viridis) - 1);
  i = MIN ((guint)pos, G_N_ELEMENTS (viridis) - 2);
  f = (float)(pos - i);
  set_hex (&a, viridis[i], 1.f);
  set_hex (&b, viridis[i + 1], 1.f);
  color->red = a.red + (b.red - a.red) * f;
  color->green = a.green + (b.green - a.green) * f;
  color->blue = a.blue + (b.blue - a.blue) * f;
  color->alpha = 1.f;
}

static double
linear (float channel)
{
  return channel <= 0.04045 ? channel / 12.92 : pow ((channel + 0.055) / 1.055, 2.4);
}

double
atlas_color_luminance (const AtlasColor *color)
{
  g_return_val_if_fail (color != NULL, 0);
  return 0.2126 * linear (color->red) + 0.7152 * linear (color->green) + 0.0722 * linear (color->blue);
}

/* WCAG contrast ratio against black and against white: the larger wins. */
void
atlas_color_contrasting_text (const AtlasColor *background,
                              AtlasColor       *text)
{
  double l = atlas_color_luminance (background);
  double with_black = (l + 0.05) / 0.05;
  double with_white = 1.05 / (l + 0.05);

  g_return_if_fail (text != NULL);
  set_hex (text, with_black >= with_white ? 0x000000 : 0xffffff, 1.f);
}

/* One and two columns of ACM/Elsevier (8.5 and 17.8 cm) and of IEEE
 * (3.5 and 7 in). */
static const AtlasChartWidthPreset width_presets[] = {
  { "8.5cm", N_("One column, 8.5 cm"), 8.5 / 2.54 * 72 },
  { "17.8cm", N_("Two columns, 17.8 cm"), 17.8 / 2.54 * 72 },
  { "3.5in", N_("One column, 3.5 in"), 3.5 * 72 },
  { "7in", N_("Two columns, 7 in"), 7.0 * 72 },
};

const AtlasChartWidthPreset *
atlas_chart_width_presets (guint *n_presets)
{
  *n_presets = G_N_ELEMENTS (width_presets);
  return width_presets;
}

const AtlasChartWidthPreset *
atlas_chart_width_preset_lookup (const char *id)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (width_presets); i++)
    if (g_ascii_strcasecmp (id, width_presets[i].id) == 0)
      return &width_presets[i];
  return NULL;
}
