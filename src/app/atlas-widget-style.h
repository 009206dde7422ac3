/* atlas-widget-style.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-chart-style.h"

G_BEGIN_DECLS

/* A chart style that follows @widget's theme: light, dark or high
 * contrast, the CSS's text, view background and accent colours, and the
 * interface font's family, which goes to *@font_family (freed first; the
 * style borrows it). Returns the interface font's size in pixels (0 when it
 * has none). */
double atlas_widget_style_init (AtlasChartStyle *style,
                                GtkWidget       *widget,
                                char           **font_family);

G_END_DECLS
