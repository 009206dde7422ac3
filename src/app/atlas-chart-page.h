/* atlas-chart-page.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-corpus.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CHART_PAGE (atlas_chart_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartPage, atlas_chart_page, ATLAS, CHART_PAGE, GtkWidget)

/* A chart of the filtered crashes, a selector of its kind and its data-table
 * twin. Activating a mark emits "mark-activated" with up to two conditions
 * (AtlasCrashField and value; a field of ATLAS_N_CRASH_FIELDS is none). */
GtkWidget *atlas_chart_page_new         (void);
void       atlas_chart_page_set_crashes (AtlasChartPage *self,
                                         GListModel     *crashes,
                                         AtlasCorpus    *corpus);
/* Re-aggregates the crashes and redraws (the window coalesces calls). */
void       atlas_chart_page_refresh     (AtlasChartPage *self);

G_END_DECLS
