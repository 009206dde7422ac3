/* atlas-cell-view-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-crash.h"

G_BEGIN_DECLS

/* atlas-cell-view-labels.c: the five labels with their evidence. */
void _atlas_cell_view_show_labels    (GtkGrid        *grid,
                                      AtlasCrash     *crash);

/* atlas-cell-view-traceback.c: frames (the user's first, library frames
 * folded) and the traceback in its ANSI colours, as text attributes. */
void _atlas_cell_view_show_traceback (GtkTextView    *view,
                                      GtkBox         *frames_box,
                                      AtlasTraceback *traceback);

/* Sets @view's buffer to @text with the ANSI styles as tags. */
void _atlas_text_view_set_ansi       (GtkTextView    *view,
                                      const char     *text);

/* atlas-blob-line.c: the file line of a cell's line, for GitHub anchors. */
guint _atlas_find_blob_line          (const char     *contents,
                                      gsize           length,
                                      guint           cell,
                                      const char     *cell_source,
                                      guint           line);

G_END_DECLS
