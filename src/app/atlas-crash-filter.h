/* atlas-crash-filter.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "atlas-filter.h"

G_BEGIN_DECLS

#define ATLAS_TYPE_CRASH_FILTER (atlas_crash_filter_get_type ())

G_DECLARE_FINAL_TYPE (AtlasCrashFilter, atlas_crash_filter, ATLAS, CRASH_FILTER, GtkFilter)

/* A GtkFilter over AtlasCrash items that follows an AtlasFilter: the same
 * test the chart counts use, so a mark's count and the list agree. */
AtlasCrashFilter *atlas_crash_filter_new        (AtlasFilter      *filter);
AtlasFilter      *atlas_crash_filter_get_filter (AtlasCrashFilter *self);

G_END_DECLS
