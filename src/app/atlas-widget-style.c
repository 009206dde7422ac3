/* atlas-widget-style.c
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <adwaita.h>

#include "atlas-widget-style.h"

/* Colours from the CSS, so that what the app draws is right in the light,
 * dark and high-contrast styles. */
double
atlas_widget_style_init (AtlasChartStyle *style,
                         GtkWidget       *widget,
                         char           **font_family)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  AdwStyleManager *manager = adw_style_manager_get_default ();
  g_autoptr(PangoFontDescription) font = NULL;
  g_autofree char *font_name = NULL;
  double size = 0;
  GdkRGBA color;

  if (adw_style_manager_get_high_contrast (manager))
    atlas_chart_style_init_high_contrast (style);
  else if (adw_style_manager_get_dark (manager))
    atlas_chart_style_init_dark (style);
  else
    atlas_chart_style_init_light (style);

  gtk_style_context_get_color (context, &color);
  memcpy (&style->foreground, &color, sizeof color);
  if (gtk_style_context_lookup_color (context, "view_bg_color", &color))
    memcpy (&style->background, &color, sizeof color);
  if (gtk_style_context_lookup_color (context, "accent_color", &color))
    memcpy (&style->accent, &color, sizeof color);

  g_clear_pointer (font_family, g_free);
  g_object_get (gtk_widget_get_settings (widget), "gtk-font-name", &font_name, NULL);
  if (font_name != NULL)
    {
      font = pango_font_description_from_string (font_name);
      *font_family = g_strdup (pango_font_description_get_family (font));
      if (pango_font_description_get_size (font) > 0)
        size = pango_font_description_get_size (font) / (double)PANGO_SCALE
               * (pango_font_description_get_size_is_absolute (font) ? 1 : 96.0 / 72.0);
    }
  style->font_family = *font_family;
  return size;
}
