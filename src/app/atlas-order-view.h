/* atlas-order-view.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-notebook.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_ORDER_VIEW (atlas_order_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasOrderView, atlas_order_view, ATLAS, ORDER_VIEW, GtkWidget)

/* The execution-order chart (atlas-order-chart.h) of a notebook, in the
 * theme's colours; a click, or Enter on the mark chosen with the arrow
 * keys, emits "cell-activated" with the mark's cell. */
GtkWidget *atlas_order_view_new          (void);
/* @notebook NULL clears it. */
void       atlas_order_view_set_notebook (AtlasOrderView *self,
                                          AtlasNotebook  *notebook,
                                          guint           crash_cell);
/* "The code cells ran top to bottom." or what did not, or NULL. */
char      *atlas_order_view_dup_summary  (AtlasOrderView *self);
/* The cell of mark @index (as drawn, notebook order), for tests. */
gboolean   atlas_order_view_get_mark_position (AtlasOrderView *self,
                                               guint           index,
                                               guint          *cell,
                                               double         *x,
                                               double         *y);

G_END_DECLS
