/* atlas-chart-page.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-chart.h"
#include "atlas-chart-view.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CHART_PAGE (atlas_chart_page_get_type ())

G_DECLARE_FINAL_TYPE (AtlasChartPage, atlas_chart_page, ATLAS, CHART_PAGE, GtkWidget)

/* A chart of the corpus's crashes that pass a filter, a selector of its kind
 * and options, and its data-table twin. Activating a mark or a table row
 * emits "mark-activated" with the filter of its crashes. */
GtkWidget       *atlas_chart_page_new            (void);
void             atlas_chart_page_set_corpus     (AtlasChartPage *self,
                                                  AtlasCorpus    *corpus,
                                                  AtlasFilter    *filter);
/* Recounts the crashes and redraws (the window coalesces calls). */
void             atlas_chart_page_refresh        (AtlasChartPage *self);
void             atlas_chart_page_set_kind       (AtlasChartPage *self,
                                                  AtlasChartKind  kind);
AtlasChartKind   atlas_chart_page_get_kind       (AtlasChartPage *self);
/* The chart shown (what export writes), or NULL before a corpus is set. */
AtlasChartModel *atlas_chart_page_get_model      (AtlasChartPage *self);
/* The counts the charts show now, or NULL before a corpus is set. */
AtlasChartStats *atlas_chart_page_get_stats      (AtlasChartPage *self);
/* A new model of the chart shown, with its own title (for export). */
AtlasChartModel *atlas_chart_page_create_model   (AtlasChartPage *self);
AtlasChartView  *atlas_chart_page_get_chart_view (AtlasChartPage *self);
/* The labeling sample (element-type AtlasSampleItem) and one rater's hand
 * labels (element-type AtlasHandLabel) the estimates are made from; NULL
 * for none. */
void             atlas_chart_page_set_hand_labels (AtlasChartPage *self,
                                                   GPtrArray      *sample,
                                                   GPtrArray      *labels);
/* 0: automatic labels, 1: the hand-labeled sample, 2: estimated from hand
 * labels, both with 95% error bars. */
void             atlas_chart_page_set_labels_shown (AtlasChartPage *self,
                                                    guint           mode);
/* The data-table twin's rows (element-type AtlasChartTableRow). */
GListModel      *atlas_chart_page_get_table      (AtlasChartPage *self);

G_END_DECLS
