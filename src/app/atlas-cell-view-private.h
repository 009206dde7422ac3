/* atlas-cell-view-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-cell.h"
#include "atlas-crash.h"

G_BEGIN_DECLS

/* atlas-cell-view-labels.c: the five labels with their evidence. */
void _atlas_cell_view_show_labels    (GtkGrid        *grid,
                                      AtlasCrash     *crash);

/* atlas-cell-view-traceback.c: frames (the user's first, library frames
 * folded) and the traceback in its ANSI colours, as text attributes. */
void _atlas_cell_view_show_traceback (GtkLabel       *view,
                                      GtkBox         *frames_box,
                                      AtlasTraceback *traceback);

/* Sets @label's text to @text without its ANSI escapes, their styles as
 * attributes (never markup). */
void _atlas_label_set_ansi           (GtkLabel       *label,
                                      const char     *text);

/* atlas-cell-view-code.c: code with its line numbers and syntax colours,
 * @marked_line (1-based, 0 none) marked; the outputs of a cell (NULL when
 * none); a child scrolled sideways, never wrapped. All labels: measured at
 * once, so the view is laid out before its first frame. */
GtkWidget *_atlas_code_block         (const char      *code,
                                      guint            marked_line);
GtkWidget *_atlas_outputs_box        (const AtlasCell *cell);
GtkWidget *_atlas_hscroll            (GtkWidget       *child);

/* atlas-blob-line.c: the file line of a cell's line, for GitHub anchors. */
guint _atlas_find_blob_line          (const char     *contents,
                                      gsize           length,
                                      guint           cell,
                                      const char     *cell_source,
                                      guint           line);

G_END_DECLS
