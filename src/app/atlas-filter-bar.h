/* atlas-filter-bar.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-filter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_FILTER_BAR (atlas_filter_bar_get_type ())

G_DECLARE_FINAL_TYPE (AtlasFilterBar, atlas_filter_bar, ATLAS, FILTER_BAR, GtkWidget)

/* Shows the conditions of a filter as chips, each removable; hidden while
 * the filter is empty. */
GtkWidget *atlas_filter_bar_new        (void);
void       atlas_filter_bar_set_filter (AtlasFilterBar *self,
                                        AtlasFilter    *filter);

G_END_DECLS
