/* atlas-window-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "atlas-agreement-view.h"
#include "atlas-cell-view.h"
#include "atlas-chart-page.h"
#include "atlas-cluster-list.h"
#include "atlas-corpus-loader.h"
#include "atlas-crash-list.h"
#include "atlas-filter-bar.h"
#include "atlas-filtered-corpus.h"
#include "atlas-research-page.h"
#include "atlas-window.h"

G_BEGIN_DECLS

struct _AtlasWindow
{
  AdwApplicationWindow  parent_instance;

  /* Template widgets */
  AdwToastOverlay      *toast_overlay;
  AdwSplitButton       *open_button;
  AdwViewSwitcherTitle *switcher_title;
  GtkRevealer          *progress_revealer;
  GtkProgressBar       *progress_bar;
  GtkLabel             *progress_label;
  AtlasFilterBar       *filter_bar;
  GtkStack             *content_stack;   /* the corpus, or the empty state */
  AdwStatusPage        *empty_page;
  AdwViewStack         *view_stack;
  GtkBox               *charts_box;
  AdwLeaflet           *leaflet;
  AtlasCrashList       *crash_list;
  AtlasCellView        *cell_view;
  AtlasClusterList     *cluster_list;
  GMenu                *recent_section;

  AtlasChartPage       *chart_page;
  AtlasResearchPage    *research_page;   /* hand labels (issue 18) */
  AtlasAgreementView   *agreement_view;

  /* The corpus shown, what streams into it, and the filtered view of it
   * that the list, the charts and the clusters share. */
  AtlasCorpus          *corpus;
  AtlasCorpusLoader    *loader;
  AtlasFilter          *filter;
  AtlasFilteredCorpus  *filtered;
  char                **paths;           /* what is open, NULL for nothing */
  gboolean              showing_demo;    /* paths are the bundled demo's */
  GPtrArray            *imported;        /* AtlasNotebook fetched into a scanned corpus, for Save As */
  char                 *save_path;       /* where Save As is writing, or NULL */
  char                 *report_dir;      /* where Export Report is writing, or NULL */
  GSettings            *settings;        /* NULL without the installed schema */

  GCancellable         *cancellable;     /* window-scoped; cancelled on close */
  guint                 refresh_id;      /* coalesced chart redraw */
  gboolean              refresh_soon;    /* refresh_id is the idle of a filter change */
  guint                 status_id;       /* coalesced progress and subtitle update */
  gboolean              clusters_stale;  /* the groups view lags the filtered crashes */
  guint                 refresh_cost_ms; /* what the last recount took */
};

void     _atlas_window_class_actions_init (AtlasWindowClass   *klass);
void     _atlas_window_actions_update     (AtlasWindow        *self);
void     _atlas_window_dnd_init           (AtlasWindow        *self);
/* Export Report… (atlas-window-report.c). */
void     _atlas_window_report_class_init  (AtlasWindowClass   *klass);
void     _atlas_window_report_actions_update (AtlasWindow     *self);
void     _atlas_window_update_recent_menu (AtlasWindow        *self);
void     _atlas_window_open_recent        (AtlasWindow        *self,
                                           const char         *key);
void     _atlas_window_show_error         (AtlasWindow        *self,
                                           const char         *message);
void     _atlas_window_take_imported      (AtlasWindow        *self,
                                           AtlasNotebook      *notebook,
                                           const char         *rules_version);

/* Narrows the filter to a mark's crashes and shows them: the path of a
 * click, of Enter on a mark, of a table row and of the tests. */
void     _atlas_window_activate_mark      (AtlasWindow        *self,
                                           AtlasFilter        *mark_filter);

G_END_DECLS
