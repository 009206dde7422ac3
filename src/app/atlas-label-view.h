/* atlas-label-view.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-crash.h"
#include "atlas-store-labels.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_LABEL_VIEW (atlas_label_view_get_type ())

G_DECLARE_FINAL_TYPE (AtlasLabelView, atlas_label_view, ATLAS, LABEL_VIEW, GtkWidget)

/* Labeling by hand, one crash at a time, by keyboard alone: Alt+T, Alt+U,
 * Alt+K, Alt+S pick a dimension, number keys or type-ahead pick its value,
 * Alt+D, Alt+L and Alt+N edit the finer cause, the library and the note,
 * Enter confirms (committed to the corpus file at once) and goes to the
 * next crash, Alt+Left goes back. Values start as the rater's earlier label,
 * else the automatic one. */
GtkWidget  *atlas_label_view_new          (void);
void        atlas_label_view_set_store    (AtlasLabelView *self,
                                           AtlasStore     *store);
void        atlas_label_view_set_rater    (AtlasLabelView *self,
                                           const char     *rater);
const char *atlas_label_view_get_rater    (AtlasLabelView *self);
/* @labels: "CELL:LOCATION" → AtlasHandLabel of the rater, shared with the
 * window; confirmed labels are put there. */
void        atlas_label_view_set_labels   (AtlasLabelView *self,
                                           GHashTable     *labels);
/* (element-type AtlasCrash) the crashes to label, in order; starts at the
 * first one the rater has not labeled. */
void        atlas_label_view_set_queue    (AtlasLabelView *self,
                                           GPtrArray      *crashes);
guint       atlas_label_view_get_position (AtlasLabelView *self);
AtlasCrash *atlas_label_view_get_crash    (AtlasLabelView *self);
/* The label being edited (not yet confirmed). */
const AtlasHandLabel *atlas_label_view_get_editing (AtlasLabelView *self);
guint       atlas_label_view_count_labeled (AtlasLabelView *self);
/* Puts the keyboard focus on the active dimension's values. */
void        atlas_label_view_focus        (AtlasLabelView *self);

/* "CELL:LOCATION", the key of crashes and labels. */
char       *atlas_label_key               (const char     *location,
                                           guint           cell);

G_END_DECLS
