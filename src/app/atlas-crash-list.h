/* atlas-crash-list.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-crash.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CRASH_LIST (atlas_crash_list_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCrashList, atlas_crash_list, ATLAS, CRASH_LIST, GtkWidget)

/* A sortable, searchable table of crashes (element-type AtlasCrash). */
GtkWidget  *atlas_crash_list_new                (void);
void        atlas_crash_list_set_model          (AtlasCrashList *self,
                                                 GListModel     *model);
/* The rows shown: the model after the search, in the sorted order. */
GListModel *atlas_crash_list_get_shown          (AtlasCrashList *self);
AtlasCrash *atlas_crash_list_get_selected_crash (AtlasCrashList *self);
void        atlas_crash_list_select             (AtlasCrashList *self,
                                                 guint           position);
/* TRUE while searching or sorting is still in progress. */
gboolean    atlas_crash_list_get_busy           (AtlasCrashList *self);
void        atlas_crash_list_focus_rows         (AtlasCrashList *self);
void        atlas_crash_list_focus_search       (AtlasCrashList *self);
/* The rater's hand labels (atlas_label_key() → AtlasHandLabel, kept by
 * reference: call again when it changes), or NULL: the Hand column and the
 * label filter compare them with the automatic labels. */
void        atlas_crash_list_set_hand_labels    (AtlasCrashList *self,
                                                 GHashTable     *labels);

G_END_DECLS
