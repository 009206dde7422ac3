/* atlas-cell-view.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-store.h"

#include "atlas-crash.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CELL_VIEW (atlas_cell_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCellView, atlas_cell_view, ATLAS, CELL_VIEW, GtkWidget)

/* One crash in its notebook: the cells around the crashing one, its code
 * with the crashing line marked, the traceback in its colours, the five
 * labels with their evidence and a link to the source. */
GtkWidget  *atlas_cell_view_new             (void);
void        atlas_cell_view_set_crash       (AtlasCellView *self,
                                             AtlasCrash    *crash);
AtlasCrash *atlas_cell_view_get_crash       (AtlasCellView *self);
/* The corpus file to read a crash's notebook from when its own file is
 * not on this computer (fetched from the web, moved, deleted), or NULL. */
void        atlas_cell_view_set_store       (AtlasCellView *self,
                                             AtlasStore    *store);

/* For tests: the crashing cell's code as shown, and the 1-based line that
 * carries the crash mark (0 if none). */
char       *atlas_cell_view_dup_code        (AtlasCellView *self);
guint       atlas_cell_view_get_marked_line (AtlasCellView *self);
guint       atlas_cell_view_get_blob_line (AtlasCellView *self);
/* TRUE while the notebook around the crash is being read. */
gboolean    atlas_cell_view_get_loading     (AtlasCellView *self);
/* Whether the cells around the crash's one were read and are shown. */
gboolean    atlas_cell_view_get_context_shown (AtlasCellView *self);

/* The traceback as text, colours removed (what Copy Traceback copies), or NULL. */
char       *atlas_cell_view_dup_traceback   (AtlasCellView *self);
/* Zoom of code, outputs, traceback and explanation (1.0 = 100 %), for a
 * projector; Ctrl+plus, Ctrl+minus and Ctrl+0 anywhere in the window. */
void        atlas_cell_view_set_zoom        (AtlasCellView *self,
                                             double         zoom);
double      atlas_cell_view_get_zoom        (AtlasCellView *self);
/* Shows the back button (the narrow layout); "go-back" when clicked. */
void        atlas_cell_view_set_show_back   (AtlasCellView *self,
                                             gboolean       show_back);
void        atlas_cell_view_set_whole_notebook (AtlasCellView *self,
                                                gboolean       whole);
/* Scrolls to @cell, showing the whole notebook when it is not shown. */
void        atlas_cell_view_scroll_to_cell  (AtlasCellView *self,
                                             guint          cell);
/* For tests: the widget of @cell (NULL when not shown); whether the crash
 * is shown in its final geometry; the explanation's text. */
GtkWidget  *atlas_cell_view_get_cell_widget (AtlasCellView *self,
                                             guint          cell);
gboolean    atlas_cell_view_get_revealed    (AtlasCellView *self);
const char *atlas_cell_view_get_explanation (AtlasCellView *self);

G_END_DECLS
