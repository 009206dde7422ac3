/* atlas-chart-view.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-chart.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CHART_VIEW (atlas_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartView, atlas_chart_view, ATLAS, CHART_VIEW, GtkWidget)

/* Draws a chart with the core's Cairo renderer (the one export uses) and
 * makes its marks interactive: hover tooltips, click, arrow keys between
 * marks and Enter. Activating a mark emits "mark-activated" with the filter
 * that selects exactly its crashes. */
GtkWidget        *atlas_chart_view_new               (void);
AtlasChartModel  *atlas_chart_view_get_model         (AtlasChartView  *self);
void              atlas_chart_view_set_model         (AtlasChartView  *self,
                                                      AtlasChartModel *model);
/* The layout of what was last drawn (for hit-testing), or NULL. */
AtlasChartLayout *atlas_chart_view_get_layout        (AtlasChartView  *self);
/* The keyboard-focused mark, G_MAXUINT for none. */
guint             atlas_chart_view_get_focused_mark  (AtlasChartView  *self);
void              atlas_chart_view_focus_mark        (AtlasChartView  *self,
                                                      guint            index);
/* Activates a mark as a click or Enter would. */
void              atlas_chart_view_activate_mark     (AtlasChartView  *self,
                                                      guint            index);

G_END_DECLS
