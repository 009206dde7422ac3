/* atlas-filter-private.h
 *
 * Copyright 2026 The Crash Atlas authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "atlas-filter.h"

G_BEGIN_DECLS

/* One field's verdict on one value, as atlas_filter_matches() reaches it:
 * the crash index turns a filter into lookup tables over its small value
 * ids with these, once per filter change instead of once per crash. */
gboolean _atlas_filter_accepts_value   (AtlasFilter      *self,
                                        AtlasFilterField  field,
                                        guint             value);
/* LIBRARY or ROOT_CAUSE_DETAIL; %NULL is the unset value. */
gboolean _atlas_filter_accepts_string  (AtlasFilter      *self,
                                        AtlasFilterField  field,
                                        const char       *value);
gboolean _atlas_filter_accepts_cluster (AtlasFilter      *self,
                                        int               cluster);

G_END_DECLS
